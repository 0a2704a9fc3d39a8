"""Precision and recall of the job-offer check on labelled real adverts.

    .venv/bin/python bench/jobcheck.py [--data bench/data/jobcheck/adverts.jsonl] [--misses]

Positives are lure adverts as quoted by embassies, ministries, police and NGOs
warning about scam-compound recruitment; controls are ordinary job adverts from
job boards and official recruitment notices (sources in SOURCES.md next to the
data). An advert counts as flagged at level medium or high.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from fraudlink.public.jobcheck import assess

WIDTHS = (4, 10, 8, 4, 4, 4, 4)
FOLDER = Path(__file__).parent / "data" / "jobcheck"
#: adverts.jsonl: the set the rules were written against; heldout.jsonl: gathered later and
#: since read for misses; heldout2.jsonl: gathered with the second and third tuning batches,
#: only measured; heldout3.jsonl: measured once, then read for misses by the next round;
#: heldout4.jsonl: gathered before that round changed any rule, only measured; heldout5.jsonl:
#: gathered after that round was committed, measured once; both read for misses by the fifth
#: round; heldout6.jsonl: gathered before the fifth round, only measured; heldout7.jsonl:
#: gathered after the fifth round was committed, only measured; heldout8.jsonl: gathered after
#: the sixth round, measured once; heldout9.jsonl: gathered before the seventh round changed any
#: rule, only measured; all three read for misses by the eighth round; heldout10.jsonl: gathered
#: before the eighth round, measured once before it and once after, then read for misses by the
#: ninth round; heldout11.jsonl: gathered before the ninth round changed any rule, measured, then
#: read for misses by the tenth round; heldout12.jsonl: gathered before the tenth round changed any
#: rule, only measured
SETS = {
    "tuning": FOLDER / "adverts.jsonl",
    "held-out": FOLDER / "heldout.jsonl",
    "held-out-2": FOLDER / "heldout2.jsonl",
    "held-out-3": FOLDER / "heldout3.jsonl",
    "held-out-4": FOLDER / "heldout4.jsonl",
    "held-out-5": FOLDER / "heldout5.jsonl",
    "held-out-6": FOLDER / "heldout6.jsonl",
    "held-out-7": FOLDER / "heldout7.jsonl",
    "held-out-8": FOLDER / "heldout8.jsonl",
    "held-out-9": FOLDER / "heldout9.jsonl",
    "held-out-10": FOLDER / "heldout10.jsonl",
    "held-out-11": FOLDER / "heldout11.jsonl",
    "held-out-12": FOLDER / "heldout12.jsonl",
}
#: the sets whose wrong calls --misses prints; the others stay unread so they stay held out
READ_FOR_MISSES = {
    "tuning",
    "held-out",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
    "held-out-10",
    "held-out-11",
}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="one JSON Lines file (default: both sets)")
    parser.add_argument(
        "--misses", action="store_true", help="print each wrong call (tuning sets only)"
    )
    parser.add_argument(
        "--misses-all", action="store_true", help="print wrong calls of the held-out sets too"
    )
    args = parser.parse_args()
    warm = time.perf_counter()
    assess("warm up")  # loads the extractors and the rules once
    print(f"first check (loads extractors and rules): {time.perf_counter() - warm:.2f} s")
    sets = {args.data.stem: args.data} if args.data else SETS
    for name, path in sets.items():
        print(f"\n== {name} set ({path.name})")
        show = args.misses_all or (args.misses and (name in READ_FOR_MISSES or args.data))
        evaluate([json.loads(line) for line in path.read_text("utf-8").splitlines() if line],
                 bool(show))  # fmt: skip


def evaluate(rows: list[dict[str, Any]], misses: bool) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    started = time.perf_counter()
    for row in rows:
        found = assess(row["text"])
        flagged, lure = found.level != "low", bool(row["label"])
        cell = {(True, True): 0, (True, False): 1, (False, True): 2, (False, False): 3}
        slot = cell[(flagged, lure)]
        for key in ("all", row["lang"]):
            counts[key][slot] += 1
        if misses and flagged != lure:
            signals = [r.signal for r in found.reasons]
            kind = "FP" if flagged else "FN"
            print(
                f"  {kind} {row['id']} [{row['lang']}] {found.level} {signals}: {row['text'][:70]}"
            )
    took = time.perf_counter() - started
    head = ("set", "n", "precision", "recall", "tp", "fp", "fn", "tn")
    print(f"{head[0]:<6} " + " ".join(f"{h:>{w}}" for h, w in zip(head[1:], WIDTHS, strict=True)))
    for key in ["all", *sorted(k for k in counts if k != "all")]:
        tp, fp, fn, tn = counts[key]
        print(f"{key:<6} {tp + fp + fn + tn:>4} {_ratio(tp, tp + fp):>10} {_ratio(tp, tp + fn):>8} "
              f"{tp:>4} {fp:>4} {fn:>4} {tn:>4}")  # fmt: skip
    print(f"{len(rows)} adverts in {took:.2f} s ({len(rows) / took:.0f} adverts/s)")


if __name__ == "__main__":
    main()
