"""Build ``../shared/benchmarks/names_real/pairs.csv`` from public sources (SOURCES.md there).

Run once by hand with the sources checked out:
``python bench/build_names_real.py UN_XML KOREAN_JSON THAI_CSV HK KH KH_VARIANTS VN``
(the last four are the ``.tsv`` files beside the pairs, transcribed by hand).
Positives are two writings of one real person's name; negatives pair one person's
native-script name with another real person's romanised name that shares the
surname (or, for single Thai names, the nearest spelling), the hardest case for a
screener. Every identity falls in the ``dev`` or ``holdout`` split by a hash of its
id, so no identity is in both and the holdout is never tuned on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

OUT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "names_real" / "pairs.csv"
Row = tuple[str, str, str, str, str, str, bool]


def split(identity: str) -> str:
    return "holdout" if hashlib.sha256(identity.encode()).digest()[0] % 3 == 0 else "dev"


def un_pairs(path: Path) -> list[Row]:
    people = []
    for ind in ET.parse(path).getroot().iter("INDIVIDUAL"):
        native = (ind.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        parts = [
            ind.findtext(k) for k in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
        ]
        latin = " ".join(p.strip() for p in parts if p and p.strip())
        if native and latin:
            people.append((ind.findtext("DATAID") or latin, native, latin))
    rows: list[Row] = []
    for ident, native, latin in people:
        script = (
            "cyrillic"
            if any("\u0400" <= c <= "\u04ff" for c in native)
            else ("han" if any("\u4e00" <= c <= "\u9fff" for c in native) else "arabic")
        )
        rows.append((split(ident), "un-sc", script, "same person", native, latin, True))
        mine = set(latin.lower().split())
        others = [(len(mine & set(o[2].lower().split())), o) for o in people if o[0] != ident]
        best = max(others, key=lambda x: (x[0], x[1][0]))
        if best[0] and best[1][2].lower() != latin.lower():
            rows.append(
                (split(ident), "un-sc", script, "shares a name token", native, best[1][2], False)
            )
    return rows


def korean_pairs(path: Path) -> list[Row]:
    people = json.loads(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    rows: list[Row] = []
    by_surname: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in people:
        if p["fullNameHangul"] in seen:
            continue
        seen.add(p["fullNameHangul"])
        by_surname[p["lastNameHangul"]].append(p)
    for group in by_surname.values():
        for p in group:
            ident, hangul = p["fullNameHangul"], p["fullNameHangul"]
            rows.append(
                (
                    split(ident),
                    "ko-names",
                    "hangul",
                    "same person",
                    hangul,
                    p["fullNameRomanized"],
                    True,
                )
            )
            given_first = f"{p['firstNameRomanized']} {p['lastNameRomanized']}"
            rows.append(
                (split(ident), "ko-names", "hangul", "given name first", hangul, given_first, True)
            )
            others = [o for o in group if o["firstNameHangul"] != p["firstNameHangul"]]
            if others:
                near = max(
                    others,
                    key=lambda o: (
                        fuzz.ratio(o["firstNameRomanized"], p["firstNameRomanized"]),
                        o["fullNameHangul"],
                    ),
                )
                rows.append(
                    (
                        split(ident),
                        "ko-names",
                        "hangul",
                        "same surname",
                        hangul,
                        near["fullNameRomanized"],
                        False,
                    )
                )
    return rows


def thai_pairs(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        people = [r for r in csv.DictReader(handle)]
    rows: list[Row] = []
    spellings = {
        r["name"]: {
            r[k].strip().lower() for k in ("romanize1", "romanize2", "romanize3") if r[k].strip()
        }
        for r in people
    }
    everything = sorted({s for forms in spellings.values() for s in forms})
    owners: dict[str, set[str]] = defaultdict(set)
    for name, forms in spellings.items():
        for form in forms:
            owners[form].add(name)
    rtgs = {r["name"]: r["romanize1"].strip().lower() for r in people}

    def sound(name: str) -> str:
        """The name in RTGS, which writes neither tone nor vowel length: two Thai names
        with one RTGS spelling are one name in Latin letters, no negative pair."""
        return rtgs[name]

    owners_of_sound: dict[str, set[str]] = defaultdict(set)
    for r in people:
        owners_of_sound[sound(r["name"])].add(r["name"])
    for r in people[::4]:  # a quarter of the list keeps the set balanced against the others
        name = r["name"]
        for key in ("romanize1", "romanize2", "romanize3"):
            if r[key].strip():
                kind = "RTGS" if key == "romanize1" else "other spelling"
                rows.append(
                    (split(name), "th-names", "thai", kind, name, r[key].strip().capitalize(), True)
                )
        mine = spellings[name]
        sounds = {sound(o) for o in owners_of_sound[sound(name)]}
        candidates = [
            s
            for s in everything
            if name not in owners[s]
            and s not in mine
            and not any(sound(o) in sounds for o in owners[s])  # a homophone is no negative
        ]
        near = max(candidates, key=lambda s: (max(fuzz.ratio(s, m) for m in mine), s))
        rows.append(
            (split(name), "th-names", "thai", "nearest other name", name, near.capitalize(), False)
        )
    return rows


def hk_pairs(path: Path) -> list[Row]:
    people = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows: list[Row] = []

    def surname(english: str) -> str:
        return next(w for w in english.split() if w.isupper() and len(w) > 1)

    for ident, han, english in people:
        rows.append((split(ident), "hk-legco", "han-cantonese", "same person", han, english, True))
        bare = " ".join(english.split()[english.split().index(surname(english)) :])
        if bare != english:
            rows.append(
                (split(ident), "hk-legco", "han-cantonese", "without English name", han, bare, True)
            )
        for o_ident, o_han, o_english in people:
            if o_ident != ident and surname(o_english) == surname(english) and o_han[0] == han[0]:
                rows.append(
                    (
                        split(ident),
                        "hk-legco",
                        "han-cantonese",
                        "same surname",
                        han,
                        o_english,
                        False,
                    )
                )
    return rows


def cambodia_pairs(people_tsv: Path, variants_tsv: Path) -> list[Row]:
    """Khmer and Cyrillic (Russian) writings of Cambodian legislators against the Latin
    one, and the Latin spellings one person is listed under; negatives share a surname."""
    people = [line.split("\t") for line in people_tsv.read_text(encoding="utf-8").splitlines()]
    rows: list[Row] = []
    for ident, latin, khmer, cyrillic in people:
        for script, native in (("khmer", khmer), ("cyrillic", cyrillic)):
            if not native:
                continue
            rows.append((split(ident), "kh-assembly", script, "same person", native, latin, True))
            for o_ident, o_latin, _, _ in people:
                if o_ident != ident and o_latin.split()[0] == latin.split()[0]:
                    rows.append(
                        (
                            split(ident),
                            "kh-assembly",
                            script,
                            "same surname",
                            native,
                            o_latin,
                            False,
                        )
                    )
    for line in variants_tsv.read_text(encoding="utf-8").splitlines():
        ident, first, second = line.split("\t")
        rows.append((split(ident), "kh-assembly", "latin", "other spelling", first, second, True))
        for o_ident, o_latin, _, _ in people:
            if o_ident != ident and o_latin.split()[0] == first.split()[0] and o_latin != second:
                rows.append(
                    (split(ident), "kh-assembly", "latin", "same surname", first, o_latin, False)
                )
    return rows


def fold_vietnamese(name: str) -> str:
    """Without diacritics, as a passport's machine-readable zone or a hurried clerk writes."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def vietnam_pairs(path: Path) -> list[Row]:
    """Vietnamese National Assembly members: with and without diacritics (as listed, or
    folded); negatives: the member of the same family name with the nearest given names,
    with diacritics on both sides, and folded where folding keeps them apart."""
    by_id: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        ident, name = line.split("\t")
        by_id[ident].append(name)
    accented = {i: next(n for n in names if n != fold_vietnamese(n)) for i, names in by_id.items()}
    rows: list[Row] = []
    for ident, names in by_id.items():
        name = accented[ident]
        listed = [n for n in names if n == fold_vietnamese(n)]
        kind = "listed without diacritics" if listed else "without diacritics"
        rows.append(
            (split(ident), "vn-assembly", "vietnamese", kind, name, fold_vietnamese(name), True)
        )
        others = [n for i, n in accented.items() if i != ident and n.split()[0] == name.split()[0]]
        if not others:
            continue
        near = max(others, key=lambda o: (fuzz.ratio(fold_vietnamese(o), fold_vietnamese(name)), o))
        rows.append(
            (split(ident), "vn-assembly", "vietnamese", "same family name", name, near, False)
        )
        if fold_vietnamese(near) != fold_vietnamese(name):
            rows.append(
                (
                    split(ident),
                    "vn-assembly",
                    "vietnamese",
                    "same family name, folded",
                    name,
                    fold_vietnamese(near),
                    False,
                )
            )
    return rows


def main() -> None:
    un, korean, thai, hk, kh, kh_variants, vn = (Path(a) for a in sys.argv[1:8])
    rows = un_pairs(un) + korean_pairs(korean) + thai_pairs(thai) + hk_pairs(hk)
    rows += cambodia_pairs(kh, kh_variants) + vietnam_pairs(vn)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["split", "source", "script", "kind", "name1", "name2", "is_match"])
        for row in rows:
            out.writerow([*row[:6], "true" if row[6] else "false"])
    print(f"{len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
