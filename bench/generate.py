"""Print how many reports per second ``fraudlink generate`` writes on one core.

Usage: .venv/bin/python bench/generate.py [REPORTS] [SEED] [--memory]
The best of three runs is reported, in CPU time beside wall-clock time,
because a shared machine's load distorts the latter.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from fraudlink.generate import write_dataset


def _run(reports: int, seed: int) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        out, truth = Path(folder, "reports.jsonl"), Path(folder, "truth.json")
        started, cpu = time.perf_counter(), time.process_time()
        write_dataset(out, reports, seed, truth)
        return time.perf_counter() - started, time.process_time() - cpu, out.stat().st_size


def main() -> None:
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    reports = numbers[0] if numbers else 100_000
    seed = numbers[1] if len(numbers) > 1 else 1
    runs = [_run(reports, seed) for _ in range(3)]
    wall, cpu, size = min(runs, key=lambda run: run[1])
    print(f"{reports} reports: {wall:.2f} s wall, {cpu:.2f} s CPU, {size / reports:.0f} B/report")
    print(f"{reports / cpu:,.0f} reports/s of CPU ({reports / wall:,.0f} reports/s wall clock)")
    if "--memory" in sys.argv:
        tracemalloc.start()
        _run(reports, seed)
        print(f"peak traced memory: {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
