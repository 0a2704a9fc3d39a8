"""Work on hostile input: CPU time and peak memory at N and 4N, printed as ratios.

    .venv/bin/python bench/hostile.py [--n 4000] [--narrative-mb 0.5] [--ingest-mb 1]
                                      [--bad-lines 10000] [--top 15]

Extraction of every line of ``hostile_lines.py`` (each separator and hint of
every kind, alone and repeated, compounds, a multilingual narrative); ingest of
the worst of them as report narratives, of a realistic narrative of 1 MB and
4 MB, of files of 10,000 and 40,000 bad lines into a fresh SQLite file, and of
narratives over the configured limit (12.5 MB and 50 MB lines, refused while
read in bounded memory); then name matching and screening at growing
lengths up to the allowed maximum (alignment compares every pair of tokens, so
it grows with the square of the length: the length limit is what bounds it).
Linear work gives a ratio near 4, quadratic near 16.
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

import json
import tempfile

from hostile_lines import Narrative, hostile

from fraudlink.extract import Context, extract
from fraudlink.ingest import ingest_files
from fraudlink.link.names.matcher import MAX_NAME_LENGTH, compare
from fraudlink.screen import Query, import_list, screener
from fraudlink.settings import Settings
from fraudlink.store import open_database

#: lines the issue named, each a report line the reader must refuse without a traceback
BAD_LINES = (
    '{"id": "x", "agency": "A", "reported_at": "2025-01-01", "narrative": "\\udc00"}',
    '{"id": "x", "agency": "A", "reported_at": "9999-12-31T23:59:59-23:59", "narrative": ""}',
    '{"id": "x", "agency": "A", "reported_at": "2025-01-01", "narrative": "",'
    ' "loss": {"amount": 1e400, "currency": "USD"}}',
    '{"id": "x", "agency": "A", "reported_at": "2025-01-01", "narrative": "[/bold]", "loss": 5}',
    "[" * 5000 + "]" * 5000,
)


def _ingest(lines: list[str], folder: Path) -> None:
    """Ingest ``lines`` as one file into a fresh SQLite database in ``folder``."""
    path = folder / f"reports-{len(lines)}-{sum(map(len, lines))}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = open_database(Settings(db=str(folder / f"{path.stem}.db")))
    ingest_files(store, [path])
    store.dispose()


def _report(narrative: str, number: int) -> str:
    line = {
        "id": f"r{number}",
        "agency": "KH-NPA",
        "reported_at": "2025-01-01",
        "country": "KH",
        "narrative": narrative,
    }
    return json.dumps(line, ensure_ascii=False)


def _large_rows(megabytes: float, bad_lines: int, folder: Path) -> list[tuple[str, ...]]:
    """Narratives of realistic size, files of many bad lines, and lines over the limit."""
    narrative = next(line for line in hostile() if isinstance(line, Narrative))
    size = int(megabytes * 1e6)
    small, large = narrative.line(size, 0), narrative.line(4 * size, 0)
    rows = [
        _row(
            f"ingest a narrative of {len(small) / 1e6:.1f} and {len(large) / 1e6:.1f} M chars",
            _measure(lambda: _ingest([_report(small, 1)], folder)),
            _measure(lambda: _ingest([_report(large, 1)], folder)),
        )
    ]
    bad = [BAD_LINES[i % len(BAD_LINES)].replace('"x"', f'"b{i}"') for i in range(4 * bad_lines)]
    rows.append(
        _row(
            f"ingest {bad_lines:,} and {4 * bad_lines:,} bad lines",
            _measure(lambda: _ingest(bad[:bad_lines], folder)),
            _measure(lambda: _ingest(bad, folder)),
        )
    )
    over = "scam " * 2_500_000, "scam " * 10_000_000  # 12.5 MB and 50 MB, over 4 Mi chars
    rows.append(
        _row(
            "ingest narratives of 12.5 and 50 MB (refused)",
            _measure(lambda: _ingest([_report(over[0], 1)], folder)),
            _measure(lambda: _ingest([_report(over[1], 1)], folder)),
        )
    )
    return rows


def _ingest_rows(n: int, folder: Path) -> list[tuple[str, ...]]:
    worst = {line.name: line for line in hostile()}
    rows = []
    for name in ("'@'", "'123456 ABA '", "'$1'", "'[.]1'", "narrative"):
        if name not in worst:
            continue
        small, large = worst[name].line(n, 0), worst[name].line(4 * n, 0)
        rows.append(
            _row(
                f"ingest narrative {name!r} ({len(small):,} chars)",
                _measure(lambda text=small: _ingest([_report(text, 1)], folder)),
                _measure(lambda text=large: _ingest([_report(text, 1)], folder)),
            )
        )
    return rows


def _screen_rows(folder: Path) -> list[tuple[str, ...]]:
    listed = folder / "list.csv"
    listed.write_text("name\n陈志\nChen Zhi Ming\nPark Jung-wook\n", encoding="utf-8")
    store = open_database(Settings(db=str(folder / "screen.db")))
    import_list(store, listed, "bench")
    search = screener(store).search
    rows = []
    for length in (16, MAX_NAME_LENGTH // 4):
        short, long = "陈志 " * (length // 3), "陈志 " * (4 * length // 3)
        rows.append(
            _row(
                f"screen a name of {len(short)} and {len(long)} chars",
                _measure(lambda q=short: search(Query((q,), "Person", (), ()), 10)),
                _measure(lambda q=long: search(Query((q,), "Person", (), ()), 10)),
            )
        )
    store.dispose()
    return rows


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
    parser.add_argument("--ingest-mb", type=float, default=1.0, help="smaller narrative ingested")
    parser.add_argument("--bad-lines", type=int, default=10_000, help="smaller file of bad lines")
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
    with tempfile.TemporaryDirectory() as folder:
        rows += _ingest_rows(args.n, Path(folder))
        rows += _large_rows(args.ingest_mb, args.bad_lines, Path(folder))
        rows += _screen_rows(Path(folder))
    rows.sort(key=lambda row: -float(row[3]))
    head = ("ms at N", "ms at 4N", "time×", "MB at 4N", "mem×")
    print(f"{'input':60s} {head[0]:>9s} {head[1]:>9s} {head[2]:>5s} {head[3]:>8s} {head[4]:>5s}")
    for row in rows[: args.top]:
        print(f"{row[0]:60s} {' '.join(row[1:])}")
    print(f"{len(rows)} inputs; worst time ratio {rows[0][3].strip()} (linear ≈ 4, quadratic ≈ 16)")


if __name__ == "__main__":
    main()
