"""Ingest throughput and peak memory, beside a plain-sqlite3 floor, in one run.

Usage: python bench/ingest.py [--sizes 100000 1000000] [--extract]

Each measurement runs in its own process so that its peak RSS is its own. The
floor is what SQLite itself costs: raw lines inserted with ``executemany`` into
one table, no parsing, validation or normalisation. The ratio says how much of
the floor fraudlink keeps while doing its work.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fraudlink.generate import write_dataset


def child(argv: list[str]) -> dict[str, float]:
    """Run this script in a child process to measure one thing; it prints JSON."""
    output = subprocess.run(
        [sys.executable, __file__, *argv], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure_fraudlink(path: Path, db: Path, extract: bool) -> dict[str, float]:
    from fraudlink.ingest import ingest_files
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    database = open_database(Settings(db=str(db)))
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = ingest_files(database, [path], extract=extract)
    seconds = time.perf_counter() - start
    return {
        "reports": summary.loaded,
        "seconds": seconds,
        "cpu": cpu_seconds() - cpu,
        "peak_mib": peak_mib(),
    }


def measure_floor(path: Path, db: Path) -> dict[str, float]:
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE line (id INTEGER PRIMARY KEY, raw TEXT)")
    start, cpu = time.perf_counter(), cpu_seconds()
    count = 0
    with path.open(encoding="utf-8") as handle:
        while batch := [(line,) for _, line in zip(range(2000), handle, strict=False)]:
            with connection:
                connection.executemany("INSERT INTO line (raw) VALUES (?)", batch)
            count += len(batch)
    seconds = time.perf_counter() - start
    return {
        "reports": count,
        "seconds": seconds,
        "cpu": cpu_seconds() - cpu,
        "peak_mib": peak_mib(),
    }


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--extract", action="store_true", help="also read narratives")
    parser.add_argument("--child", nargs=3, metavar=("WHAT", "FILE", "DB"))
    args = parser.parse_args()
    if args.child:
        what, file, db = args.child
        result = (
            measure_floor(Path(file), Path(db))
            if what == "floor"
            else measure_fraudlink(Path(file), Path(db), what == "extract")
        )
        print(json.dumps(result))
        return
    modes = ["no-extract", *(["extract"] if args.extract else [])]
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; reports/s per "
        "wall second and per CPU second (the honest figure on a shared machine)"
    )
    print(f"{'reports':>9} {'tool':<28} {'wall s':>7} {'CPU s':>7} {'/s wall':>8} "
          f"{'/s CPU':>8} {'peak MiB':>9} {'vs floor':>8}")  # fmt: skip
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "reports.jsonl"
            write_dataset(data, size, 1, None)
            floor = child(["--child", "floor", str(data), str(Path(tmp) / "floor.db")])
            rows = [("sqlite3 executemany (floor)", floor)]
            for mode in modes:
                db = Path(tmp) / f"{mode}.db"
                rows.append(
                    (f"fraudlink ingest {mode}", child(["--child", mode, str(data), str(db)]))
                )
            floor_rate = floor["reports"] / floor["cpu"]
            for name, row in rows:
                rate, cpu_rate = row["reports"] / row["seconds"], row["reports"] / row["cpu"]
                print(f"{size:>9,} {name:<28} {row['seconds']:>7.1f} {row['cpu']:>7.1f} "
                      f"{rate:>8,.0f} {cpu_rate:>8,.0f} {row['peak_mib']:>9.0f} "
                      f"{cpu_rate / floor_rate:>8.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
