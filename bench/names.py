"""Name matching: precision/recall/F1 on name_bench beside logic-v2, our cross-script table, speed.

Run: ``.venv/bin/python bench/names.py [--bench DIR]``. Prints, asserts nothing.
logic-v2's row is computed in this run from its frozen scores, over exactly the
cases it scored; ours over the same cases (and over all cases on a second row).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from fraudlink.link.names import MATCH_THRESHOLD, compare
from fraudlink.link.names.matcher import compare as cached_compare
from fraudlink.link.names.tokens import parse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "benchmarks" / "name_bench"
TABLE = ROOT / "tests" / "link" / "names_cross_script.csv"

Case = tuple[str, str, str, bool]  # schema, name1, name2, is_match


def read_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["schema"], row["name1"], row["name2"], row["is_match"].strip().lower() == "true")
            for row in csv.DictReader(handle)
        ]


def read_frozen(path: Path) -> list[tuple[Case, bool]]:
    """logic-v2's rows: each case as it scored it, with its decision at its 0.7 threshold."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (
                (row["schema"], row["name1"], row["name2"], row["is_match"].lower() == "true"),
                row["predicted_match"].lower() == "true",
            )
            for row in csv.DictReader(handle)
        ]


def prf(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and count from (truth, predicted) pairs."""
    tp = fp = fn = n = 0
    for truth, predicted in pairs:
        n += 1
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n


def row(label: str, figures: tuple[float, float, float, int]) -> str:
    p, r, f, n = figures
    return f"{label:<44} {p:>9.3f} {r:>7.3f} {f:>7.3f} {n:>6}"


def header(title: str) -> None:
    print(f"\n{title}\n{'':<44} {'precision':>9} {'recall':>7} {'F1':>7} {'pairs':>6}")


def ours(cases: list[Case], threshold: float = MATCH_THRESHOLD) -> list[tuple[bool, bool]]:
    return [(truth, compare(a, b, schema).score >= threshold) for schema, a, b, truth in cases]


def bench_name_bench(folder: Path) -> None:
    cases = read_cases(folder / "cases.csv")
    frozen = read_frozen(folder / "logicv2-frozen.csv")
    shared = [case for case, _ in frozen]
    header(f"name_bench ({folder}): {len(cases)} cases, {len(shared)} scored by logic-v2")
    logic = prf((case[3], predicted) for case, predicted in frozen)
    print(row("logic-v2 (frozen scores, threshold 0.7)", logic))
    print(row(f"fraudlink (threshold {MATCH_THRESHOLD}), same cases", prf(ours(shared))))
    print(row(f"fraudlink (threshold {MATCH_THRESHOLD}), all cases", prf(ours(cases))))
    for threshold in (0.7, 0.75, 0.85, 0.9):
        print(
            row(f"  fraudlink at threshold {threshold}, same cases", prf(ours(shared, threshold)))
        )


def bench_table() -> None:
    cases = read_cases(TABLE)
    header(f"cross-script table ({TABLE.relative_to(ROOT)})")
    print(row(f"fraudlink (threshold {MATCH_THRESHOLD})", prf(ours(cases))))
    wrong = [
        (a, b, compare(a, b, s).score, t)
        for s, a, b, t in cases
        if (compare(a, b, s).score >= MATCH_THRESHOLD) != t
    ]
    for a, b, score, truth in wrong:
        print(f"  wrong: {a} | {b} score {score:.3f} (truth {truth})")


def speed(cases: list[Case], clear: Callable[[], None]) -> float:
    """Comparisons per second with the pair cache cleared each round (romanisations stay cached)."""
    rounds, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2.0:
        clear()
        for schema, a, b, _ in cases:
            compare(a, b, schema)
        rounds += 1
    return rounds * len(cases) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args()
    bench_name_bench(args.bench)
    bench_table()
    cases = read_cases(args.bench / "cases.csv") + read_cases(TABLE)
    started = time.perf_counter()
    cached_compare.cache_clear()
    parse.cache_clear()
    for schema, a, b, _ in cases:
        compare(a, b, schema)
    cold = len(cases) / (time.perf_counter() - started)
    warm = speed(cases, cached_compare.cache_clear)
    print(
        f"\nspeed: {cold:,.0f} comparisons/s cold (nothing cached), "
        f"{warm:,.0f}/s with tokens cached, pair cache cleared ({len(cases)} pairs)"
    )


if __name__ == "__main__":
    main()
