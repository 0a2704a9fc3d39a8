"""Work on hostile input: CPU time and peak memory at N and 4N, printed as ratios.

    .venv/bin/python bench/hostile.py [--n 4000] [--narrative-mb 0.5] [--top 15]

Extraction of every line of ``hostile_lines.py`` (each separator and hint of
every kind, alone and repeated, compounds, a multilingual narrative), then
name matching at growing lengths up to the allowed maximum (alignment compares
every pair of tokens, so it grows with the square of the length: the length
limit is what bounds it). Linear work gives a ratio near 4, quadratic near 16.
CPU time of this process (the machine is shared), measured under tracemalloc,
which slows it evenly; memory is the peak of Python allocations.
Prints the worst lines first, asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from hostile_lines import Narrative, hostile

from fraudlink.extract import Context, extract
from fraudlink.link.names.matcher import MAX_NAME_LENGTH, compare


def _measure(work: Callable[[], object]) -> tuple[float, int]:
    """CPU seconds and peak bytes allocated by one call."""
    gc.collect()
    tracemalloc.start()
    started = time.process_time()
    work()
    elapsed = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def _row(name: str, small: tuple[float, int], large: tuple[float, int]) -> tuple[str, ...]:
    time_ratio = large[0] / max(small[0], 1e-6)
    memory_ratio = large[1] / max(small[1], 1)
    return (
        name,
        f"{small[0] * 1e3:9.1f}",
        f"{large[0] * 1e3:9.1f}",
        f"{time_ratio:5.1f}",
        f"{large[1] / 1e6:8.2f}",
        f"{memory_ratio:5.1f}",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--n", type=int, default=4000, help="characters of the shorter line")
    parser.add_argument("--narrative-mb", type=float, default=0.5)
    parser.add_argument("--top", type=int, default=15, help="lines shown, worst time ratio first")
    args = parser.parse_args()
    context = Context(region="KH")
    extract("warm up 微信 +855 12 345 678 $1", context)
    rows = []
    for line in hostile():
        size = int(args.narrative_mb * 1e6) if isinstance(line, Narrative) else args.n
        small, large = line.line(size), line.line(4 * size)
        rows.append(
            _row(
                f"extract {line.name[:40]} ({len(small):,} chars)",
                _measure(lambda text=small: extract(text, context)),
                _measure(lambda text=large: extract(text, context)),
            )
        )
    uncached = compare.__wrapped__  # every length measured afresh, not from the cache
    for length in (16, MAX_NAME_LENGTH // 4):
        a, b = "陈志" * (length // 2), "陈智" * (length // 2)
        a4, b4 = "陈志" * (2 * length), "陈智" * (2 * length)
        rows.append(
            _row(
                f"match Han names of {length} and {4 * length} chars",
                _measure(lambda a=a, b=b: uncached(a, b)),
                _measure(lambda a=a4, b=b4: uncached(a, b)),
            )
        )
    rows.sort(key=lambda row: -float(row[3]))
    head = ("ms at N", "ms at 4N", "time×", "MB at 4N", "mem×")
    print(f"{'input':60s} {head[0]:>9s} {head[1]:>9s} {head[2]:>5s} {head[3]:>8s} {head[4]:>5s}")
    for row in rows[: args.top]:
        print(f"{row[0]:60s} {' '.join(row[1:])}")
    print(f"{len(rows)} inputs; worst time ratio {rows[0][3].strip()} (linear ≈ 4, quadratic ≈ 16)")


if __name__ == "__main__":
    main()
