"""Screening: a 1M-name synthetic watchlist, fraudlink's index beside rapidfuzz brute force.

Run: ``.venv/bin/python bench/screen.py [--names 1000000] [--queries 1000]``. Prints, asserts
nothing. Names are Chinese, Korean, Khmer, Vietnamese, Thai and Western, each
listed either in its own script or romanised; the held-out queries are other
forms of listed identities: the other script, another romanisation, a typo,
or the tokens in another order. Recall@10 counts a query as found when a top-10
result carries its identity (generated duplicates of one name are one
identity: no matcher can tell them apart by name); a second line also counts a
listed namesake of the identity (the same tokens in another order or case, e.g.
Vietnamese given names swapped), which an order-free query cannot tell apart. Also prints name_bench
precision/recall/F1 of the screening scorer beside logic-v2's frozen row.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from random import Random

from rapidfuzz import fuzz, process

from fraudlink.generate import name_data as d
from fraudlink.generate.names import fold_vietnamese
from fraudlink.link.names import MATCH_THRESHOLD, han, hangul
from fraudlink.screen import Query, import_parsed, score_entry, screener
from fraudlink.screen.model import Listed, ParsedList
from fraudlink.settings import Settings
from fraudlink.store import open_database

ROOT = Path(__file__).resolve().parents[1]
NAME_BENCH = ROOT.parent / "shared" / "benchmarks" / "name_bench"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


HAN_GIVEN = (
    "志伟明华建国平文军强杰磊涛斌勇刚鹏飞辉俊峰超浩宇轩博文昊然子豪晨阳思远天佑嘉"
    "俊杰鑫宏海波亮成龙云翔瑞丽娜静敏燕芳婷玲雪梅兰英秀红霞琳倩颖欣怡佳慧晶莉"
    "春秋东南德荣永福贵安家庆兴旺胜利光辉金银玉宝山川江河林森世中正清和顺良"
)
KO_INITIAL = (0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 18)
KO_MEDIAL = (0, 4, 8, 13, 18, 20, 6, 12, 17, 1)
KO_FINAL = (0, 0, 0, 1, 4, 8, 16, 21)
WEST_FIRST = _words(
    "James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew "
    "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald "
    "Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott "
    "Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
    "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
    "Olaf Angela Pierre Hans Ivan Sergei Dmitri Marco Luca Giovanni Carlos Jose Miguel Pedro"
)
WEST_LAST = _words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter "
    "Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris "
    "Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly "
    "Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza "
    "Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell "
    "Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher "
    "Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace "
    "Schmidt Mueller Schneider Fischer Weber Becker Ivanov Petrov Rossi Russo Ferrari Bianchi"
)

Identity = tuple[str, str, tuple[str, ...]]  # schema, native, Latin variants (primary first)


def _chinese(rng: Random) -> Identity:
    surname = rng.choice(d.ZH_SURNAMES)
    given = [rng.choice(HAN_GIVEN) for _ in range(rng.choice((1, 2, 2)))]
    readings = [han.primary(c) for c in given]
    joined = "".join(readings).capitalize()
    latin = [f"{surname[2]} {joined}", f"{surname[2].upper()} {joined}", f"{joined} {surname[2]}"]
    if len(given) == 2:
        latin.append(f"{surname[2]} {readings[0].capitalize()} {readings[1].capitalize()}")
    return "Person", surname[0] + "".join(given), tuple(latin)


def _ko_syllable(rng: Random) -> str:
    code = (rng.choice(KO_INITIAL) * 21 + rng.choice(KO_MEDIAL)) * 28 + rng.choice(KO_FINAL)
    return chr(0xAC00 + code)


def _korean(rng: Random) -> Identity:
    surname = rng.choice(d.KO_SURNAMES)
    first, second = _ko_syllable(rng), _ko_syllable(rng)
    one, two = hangul.spellings(first), hangul.spellings(second)
    revised = f"{surname[1].capitalize()} {one[0].capitalize()}-{two[0]}"
    other = f"{surname[2].capitalize()} {rng.choice(one).capitalize()}-{rng.choice(two)}"
    joined = f"{surname[2].capitalize()} {(one[0] + two[0]).capitalize()}"
    return "Person", surname[0] + first + second, (revised, other, joined)


def _khmer(rng: Random) -> Identity:
    parts = [rng.choice(d.KM_SURNAMES), rng.choice(d.KM_GIVEN)]
    if rng.random() < 0.6:
        parts.append(rng.choice(d.KM_GIVEN + d.KM_SURNAMES))
    native = " ".join(p[0] for p in parts)
    common = " ".join(p[2] for p in parts)
    ungegn = " ".join(fold_vietnamese(p[1]) for p in parts)
    return "Person", native, (common, ungegn, common.upper())


def _thai(rng: Random) -> Identity:
    given = rng.choice(d.TH_GIVEN)
    family = [rng.choice(d.TH_SURNAMES) for _ in range(rng.choice((1, 2)))]
    native = f"{given[0]} {''.join(f[0] for f in family)}"
    rtgs = f"{given[1]} {''.join(f[1] for f in family).capitalize()}"
    common = f"{given[2]} {''.join(f[2] for f in family).capitalize()}"
    return "Person", native, (rtgs, common, common.upper())


def _vietnamese(rng: Random) -> Identity:
    middles = [rng.choice(d.VI_MIDDLE + d.VI_GIVEN) for _ in range(rng.choice((1, 1, 2)))]
    parts = [rng.choice(d.VI_SURNAMES), *middles, rng.choice(d.VI_GIVEN)]
    native = " ".join(parts)
    folded = fold_vietnamese(native)
    western = fold_vietnamese(" ".join([*parts[1:], parts[0]]))
    return "Person", native, (folded, western, folded.upper())


def _western(rng: Random) -> Identity:
    first, last = rng.choice(WEST_FIRST), rng.choice(WEST_LAST)
    middle = f" {rng.choice(WEST_FIRST)}" if rng.random() < 0.5 else ""
    native = f"{first}{middle} {last}"
    return "Person", native, (f"{last.upper()}, {first}{middle}", f"{first}{middle} {last.upper()}")


GROUPS: tuple[tuple[str, float, Callable[[Random], Identity]], ...] = (
    ("chinese", 0.25, _chinese),
    ("korean", 0.15, _korean),
    ("vietnamese", 0.15, _vietnamese),
    ("khmer", 0.08, _khmer),
    ("thai", 0.07, _thai),
    ("western", 0.30, _western),
)


def watchlist(size: int, seed: int) -> tuple[list[Listed], dict[str, Identity], list[str]]:
    """``size`` entries; each entry's id names its identity (``native#n``), its group beside."""
    rng = Random(seed)
    entries: list[Listed] = []
    identities: dict[str, Identity] = {}
    groups: list[str] = []
    for group, share, make in GROUPS:
        for _ in range(int(size * share)):
            identity = make(rng)
            key = identity[1]
            identities.setdefault(key, identity)
            listed = key if rng.random() < 0.5 else rng.choice(identity[2])
            entries.append(Listed(f"{key}#{len(entries)}", identity[0], [listed]))
            groups.append(group)
    return entries, identities, groups


def _typo(rng: Random, name: str) -> str:
    tokens = name.split()
    i = max(range(len(tokens)), key=lambda t: len(tokens[t]))
    word = tokens[i]
    if len(word) < 5:
        return name
    at = rng.randrange(1, len(word) - 1)
    edit = rng.choice(("swap", "drop", "replace", "insert"))
    letter = rng.choice("aeiounrst")
    word = {
        "swap": word[:at] + word[at + 1] + word[at] + word[at + 2 :],
        "drop": word[:at] + word[at + 1 :],
        "replace": word[:at] + letter + word[at + 1 :],
        "insert": word[:at] + letter + word[at:],
    }[edit]
    tokens[i] = word
    return " ".join(tokens)


def variant(rng: Random, listed: str, identity: Identity, kind: str) -> str:
    """A held-out form of ``identity`` other than ``listed``."""
    _, native, latin = identity
    others = [form for form in latin if form != listed] or list(latin)
    if kind == "script":
        return rng.choice(latin) if listed == native else native
    if kind == "romanisation":
        return rng.choice(others)
    base = listed if listed != native or native.isascii() else rng.choice(latin)
    if kind == "typo":
        return _typo(rng, base)
    return " ".join(reversed(base.replace(",", "").split()))


KINDS = ("script", "romanisation", "typo", "order")


def held_out(
    entries: list[Listed], identities: dict[str, Identity], groups: list[str], count: int, seed: int
) -> list[tuple[str, str, str, str]]:
    """(query, identity, variant kind, group) for ``count`` sampled entries."""
    rng = Random(seed + 1)
    out = []
    for n in range(count):
        i = rng.randrange(len(entries))
        key = entries[i].id.split("#")[0]
        kind = KINDS[n % len(KINDS)]
        out.append((variant(rng, entries[i].names[0], identities[key], kind), key, kind, groups[i]))
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _folded(name: str) -> tuple[str, ...]:
    """A name's tokens without case, diacritics or punctuation, sorted: what an order-free
    matcher cannot tell apart (``Mai Huong Cuong`` / ``MAI CUONG HUONG``)."""
    return tuple(sorted(fold_vietnamese(name.replace(",", " ").replace("-", " ")).lower().split()))


def bench_fraudlink(
    entries: list[Listed],
    queries: list[tuple[str, str, str, str]],
    identities: dict[str, Identity],
) -> None:
    forms = {key: {_folded(f) for f in (i[1], *i[2])} for key, i in identities.items()}
    folder = tempfile.mkdtemp(prefix="fraudlink-screen-")
    database = open_database(Settings(db=f"{folder}/bench.db"))
    started = time.perf_counter()
    import_parsed(database, "bench", ParsedList("csv", entries, None), workers=2)
    built = time.perf_counter() - started
    started = time.perf_counter()
    engine = screener(database)
    engine.search(Query(("warm up",)))
    loaded = time.perf_counter() - started
    print(f"index build + store (2 workers): {built:,.1f} s; load into memory: {loaded:,.1f} s")
    latencies: list[float] = []
    found: Counter[str] = Counter()
    same_name: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    begin = time.perf_counter()
    for query, key, kind, group in queries:
        started = time.perf_counter()
        hits = engine.search(Query((query,)), limit=10, min_score=0.0)
        latencies.append((time.perf_counter() - started) * 1000)
        ok = any(hit.entry.id.split("#")[0] == key for hit in hits)
        namesake = ok or any(_folded(hit.entry.names[0]) in forms[key] for hit in hits)
        for label in (kind, group, "all"):
            tried[label] += 1
            found[label] += ok
            same_name[label] += namesake
    wall = time.perf_counter() - begin
    print(f"\nfraudlink index, {len(queries)} queries, one process:")
    print(
        f"  p50 {percentile(latencies, 0.5):.2f} ms   p95 {percentile(latencies, 0.95):.2f} ms"
        f"   {len(queries) / wall:,.0f} queries/s"
    )
    labels = ("all", *KINDS, *(g for g, _, _ in GROUPS))
    print(
        "  recall@10: " + ", ".join(f"{k} {found[k] / tried[k]:.3f} ({tried[k]})" for k in labels)
    )
    print(
        "  recall@10 counting a listed namesake (same tokens, any order or case) as found: "
        + ", ".join(f"{k} {same_name[k] / tried[k]:.3f}" for k in labels)
    )
    database.dispose()


def bench_rapidfuzz(
    entries: list[Listed],
    queries: list[tuple[str, str, str, str]],
    sample: int,
    extract_sample: int,
) -> None:
    choices = [e.names[0] for e in entries]
    ids = [e.id.split("#")[0] for e in entries]
    for label, count, run in (
        ("cdist token_sort_ratio (2 workers)", sample, lambda q: _cdist(q, choices)),
        ("extract WRatio", extract_sample, lambda q: _extract(q, choices)),
    ):
        if not count:
            continue
        latencies, hits = [], 0
        for query, key, _, _ in queries[:count]:
            started = time.perf_counter()
            top = run(query)
            latencies.append((time.perf_counter() - started) * 1000)
            hits += any(ids[i] == key for i in top)
        print(
            f"rapidfuzz {label}, {count} queries: p50 {percentile(latencies, 0.5):,.0f} ms, "
            f"{1000 / statistics.mean(latencies):.2f} queries/s, recall@10 {hits / count:.3f}"
        )


def _cdist(query: str, choices: list[str]) -> list[int]:
    scores = process.cdist([query], choices, scorer=fuzz.token_sort_ratio, workers=2)[0]
    return [int(i) for i in scores.argsort()[-10:]]


def _extract(query: str, choices: list[str]) -> list[int]:
    return [int(i) for _, _, i in process.extract(query, choices, scorer=fuzz.WRatio, limit=10)]


def bench_name_bench(folder: Path) -> None:
    """The screening scorer (names only) on name_bench, beside logic-v2's frozen decisions."""
    with (folder / "logicv2-frozen.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    truth = [r["is_match"].lower() == "true" for r in rows]
    logic = [r["predicted_match"].lower() == "true" for r in rows]
    ours = [
        score_entry(
            Query((r["name1"],), r["schema"]), Listed("x", r["schema"], [r["name2"]]), "b"
        ).match
        for r in rows
    ]
    print(f"\nname_bench ({len(rows)} cases scored by logic-v2)   precision  recall      F1")
    for label, predicted in (
        ("logic-v2 (frozen, threshold 0.7)", logic),
        (f"fraudlink screen (threshold {MATCH_THRESHOLD})", ours),
    ):
        tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
        fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"  {label:<42} {precision:>9.3f} {recall:>7.3f} {f1:>7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--rapidfuzz", type=int, default=20, help="queries timed for cdist")
    parser.add_argument("--wratio", type=int, default=5, help="queries timed for WRatio")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bench", type=Path, default=NAME_BENCH)
    args = parser.parse_args()
    started = time.perf_counter()
    entries, identities, groups = watchlist(args.names, args.seed)
    queries = held_out(entries, identities, groups, args.queries, args.seed)
    print(
        f"watchlist: {len(entries):,} names, {len(identities):,} distinct identities, "
        f"generated in {time.perf_counter() - started:.1f} s"
    )
    bench_fraudlink(entries, queries, identities)
    bench_rapidfuzz(entries, queries, args.rapidfuzz, args.wratio)
    if args.bench.exists():
        bench_name_bench(args.bench)


if __name__ == "__main__":
    main()
