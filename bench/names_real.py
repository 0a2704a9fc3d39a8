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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("dev", "holdout", "all"))
    parser.add_argument("--misses", type=int, default=0, help="print this many errors per group")
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


if __name__ == "__main__":
    main()
