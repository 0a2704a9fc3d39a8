"""Screening's name decision on real name pairs: precision and recall per script and split.

Run: ``.venv/bin/python bench/names_real.py [--split dev|holdout|all] [--misses N]``.
Prints, asserts nothing. The pairs (``../shared/benchmarks/names_real/pairs.csv``,
sources in SOURCES.md beside it) are real people's names written in two scripts or spellings,
and hard negatives: another real person with the same surname or the nearest
spelling. The decision is ``score_entry``'s at the default threshold, names only.
Tune on ``dev``; ``holdout`` is read for the record, never to choose a change.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from fraudlink.link.names import MATCH_THRESHOLD
from fraudlink.screen import Query, score_entry
from fraudlink.screen.model import Listed

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "names_real" / "pairs.csv"


def decide(query: str, listed: str) -> tuple[float, bool]:
    hit = score_entry(Query((query,)), Listed("x", "Person", [listed]), "bench")
    return hit.score, hit.match


def retrieval(rows: list[dict[str, str]]) -> None:
    """End to end: every second name of the split's pairs listed in one watchlist, every
    first name screened against it; a match is right when the pair is a labelled positive
    or the listed name is the query itself. Names of other sources are unlabelled against
    each other (``Chea Sim`` / ``Min Jae Sim``) and count as false: a floor."""
    import tempfile

    from fraudlink.screen import import_parsed, screener
    from fraudlink.screen.model import ParsedList
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    listed = sorted({r["name2"] for r in rows})
    partners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["is_match"] == "true":
            partners[r["name1"]].add(r["name2"])
    entries = [Listed(name, "Person", [name]) for name in listed]
    by_script: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # found, asked, right, matched
    scripts = {r["name1"]: r["script"] for r in rows}
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Settings(db=f"{folder}/names.db"))
        import_parsed(database, "names", ParsedList("csv", entries, None))
        search = screener(database)
        for query, wanted in sorted(partners.items()):
            hits = search.search(Query((query,)), limit=10)
            for group in (scripts[query], "all"):
                cell = by_script[group]
                cell[0] += bool({h.entry.id for h in hits} & wanted)
                cell[1] += 1
                cell[2] += sum(h.match and h.entry.id in wanted | {query} for h in hits)
                cell[3] += sum(h.match for h in hits)
    print("\nscreening end to end (every Latin name of the split listed, native names queried)")
    print(f"{'script':<14} {'queries':>7} {'found@10':>8} {'match precision':>15} {'matches':>7}")
    for group in sorted(by_script, key=lambda g: (g == "all", g)):
        found, asked, right, matched = by_script[group]
        precision = right / matched if matched else 1.0
        print(f"{group:<14} {asked:>7} {found / asked:>8.3f} {precision:>15.3f} {matched:>7}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("dev", "holdout", "all"))
    parser.add_argument("--misses", type=int, default=0, help="print this many errors per group")
    parser.add_argument("--screen", action="store_true", help="also screen end to end")
    args = parser.parse_args()
    if not PAIRS.exists():
        raise SystemExit(f"No pairs at {PAIRS}; build them with bench/build_names_real.py.")
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if args.split in ("all", r["split"])]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    errors: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        truth = row["is_match"] == "true"
        score, match = decide(row["name1"], row["name2"])
        for group in (row["script"], "all"):
            cell = tally[group]
            cell[0 if truth and match else 1 if match else 2 if truth else 3] += 1
        if truth != match:
            label = "FP" if match else "FN"
            pair = f"{row['name1']} ~ {row['name2']}"
            errors[row["script"]].append(f"  {label} {score:.3f} {pair} ({row['kind']})")
    print(f"split {args.split}, threshold {MATCH_THRESHOLD}")
    print(f"{'script':<14} {'pairs':>6} {'precision':>9} {'recall':>7} {'FP':>4} {'FN':>5}")
    for group in sorted(tally, key=lambda g: (g == "all", g)):
        tp, fp, fn, tn = tally[group]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(
            f"{group:<14} {tp + fp + fn + tn:>6} {precision:>9.3f} {recall:>7.3f} {fp:>4} {fn:>5}"
        )
    for group in sorted(errors):
        for line in errors[group][: args.misses]:
            print(line)
    if args.screen:
        retrieval(rows)


if __name__ == "__main__":
    main()
