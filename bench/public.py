"""Public check speed: lookups and HTTP checks per second and p99 on a large index; build times.

    .venv/bin/python bench/public.py [--identifiers 1000000] [--checks 20000]
        [--http-checks 3000] [--clients 8] [--aggregate-reports 1000000] [--keep DIR]

1. writes an index of N synthetic reported phones (``write_index``, the same
   writer ``publish`` uses) and times it;
2. times ``check`` in-process (normalise + constant-work probe), half found,
   half not found: checks/s and p50/p99 for each half;
3. starts the real server (uvicorn on 127.0.0.1) and times ``GET /v1/check``
   from several client threads with keep-alive: checks/s and p99;
4. times the aggregation step of ``publish`` over M synthetic reports (three
   mentions each), i.e. the build without the database read.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fraudlink.public.check import check
from fraudlink.public.index import Entry, PublicIndex, write_index
from fraudlink.public.publish import ReportFacts, Thresholds, aggregate

PREFIXES = ("96", "97", "88", "71", "60", "67", "68", "38")  # Cambodian mobile ranges


def _phone(n: int) -> str:
    """The n-th of 80 million valid Cambodian mobile numbers."""
    return f"+855{PREFIXES[n // 10**7]}{n % 10**7:07d}"


def _entries(count: int) -> Iterator[Entry]:
    for n in range(count):
        yield Entry("phone", _phone(2 * n), reports=3 + n % 9, victims=2 + n % 5,
                    first_seen="2025-01-02", last_seen="2025-11-30",
                    scam_types=("investment",), countries=("KH",))  # fmt: skip


def _pct(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def bench_lookup(index: PublicIndex, identifiers: int, checks: int) -> None:
    rng = random.Random(7)
    for label, parity in (("found", 0), ("not found", 1)):
        times = []
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(checks // 2):
            value = _phone(2 * rng.randrange(identifiers) + parity)
            t = time.perf_counter()
            answer = check(index, "phone", value).answer
            times.append(time.perf_counter() - t)
            assert answer["reported"] is (parity == 0)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"in-process check, {label:<9}: {len(times) / took:8.0f} checks/s  "
              f"p50 {_pct(times, .5):.3f} ms  p99 {_pct(times, .99):.3f} ms  "
              f"CPU {cpu / len(times) * 1000:.3f} ms/check")  # fmt: skip


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of processes (Linux): the figure a loaded machine distorts least."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _tree(pid: int) -> list[int]:
    """A server and its worker processes (uvicorn ``--workers`` forks children)."""
    found = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for text in child.read_text().split():
            found += _tree(int(text))
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Load:
    """What one run of the load client measured."""

    rate: float
    p50: float
    p99: float
    cpu_per_check: float
    errors: int


async def _client(port: int, paths: list[bytes], times: list[float]) -> int:
    """One keep-alive connection sending GETs one after another; raw HTTP/1.1, so the
    client costs a fraction of what the server does (httpx would be the bottleneck)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    errors = 0
    try:
        for path in paths:
            started = time.perf_counter()
            writer.write(b"GET " + path + b" HTTP/1.1\r\nHost: bench\r\n\r\n")
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length: *(\d+)", head)[1])  # type: ignore[index]
            await reader.readexactly(length)
            times.append(time.perf_counter() - started)
            errors += not head.startswith(b"HTTP/1.1 200")
    finally:
        writer.close()
    return errors


def _paths(identifiers: int, checks: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [
        f"/v1/check?kind=phone&value={quote(_phone(rng.randrange(2 * identifiers)))}".encode()
        for _ in range(checks)
    ]


def load(port: int, pids: list[int], paths: list[bytes], clients: int) -> Load:
    times: list[float] = []

    async def run() -> int:
        share = len(paths) // clients
        parts = [paths[n * share : (n + 1) * share] for n in range(clients)]
        return sum(await asyncio.gather(*(_client(port, part, times) for part in parts)))

    cpu = _cpu_seconds(pids)
    started = time.perf_counter()
    errors = asyncio.run(run())
    took, cpu = time.perf_counter() - started, _cpu_seconds(pids) - cpu
    return Load(len(times) / took, _pct(times, 0.5), _pct(times, 0.99), cpu / len(times), errors)


@contextmanager
def _server(command: list[str], env: dict[str, str], port: int) -> Iterator[list[int]]:
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        probe = f"/v1/check?kind=phone&value={quote(_phone(0))}".encode()
        for _ in range(1200):
            try:
                asyncio.run(_client(port, [probe], []))
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit(f"the server stopped: {command}") from None
                time.sleep(0.1)
        time.sleep(0.5)  # every worker up
        yield _tree(server.pid)
    finally:
        server.terminate()
        server.wait(20)


def bench_http(index_path: Path, identifiers: int, checks: int, clients: int,
               workers: int) -> None:  # fmt: skip
    """The real server and the bare baseline, same index, workers and load, in turns."""
    env = {**os.environ, "FRAUDLINK_PUBLIC_RATE_LIMIT": str(10**9),
           "BASELINE_INDEX": str(index_path)}  # fmt: skip
    env.pop("FRAUDLINK_REDIS_URL", None)
    port = _free_port()
    real = [sys.executable, "-m", "fraudlink", "public", "serve", "--index", str(index_path),
            "--port", str(port), "--workers", str(workers)]  # fmt: skip
    bare = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).parent), "--factory",
            "public_baseline:make_app", "--port", str(port), "--workers", str(workers),
            "--no-access-log", "--log-level", "warning"]  # fmt: skip
    paths = _paths(identifiers, checks, 11)
    found: dict[str, list[Load]] = {"fraudlink": [], "baseline": []}
    for _ in range(2):  # alternate, so a burst of load on the machine hits both
        for name, command in (("fraudlink", real), ("baseline", bare)):
            with _server(command, env, port) as pids:
                load(port, pids, paths[: checks // 10], clients)  # warm
                found[name].append(load(port, pids, paths, clients))
    print(f"HTTP GET /v1/check, {workers} worker(s), {clients} connections, {checks} checks, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores:")  # fmt: skip
    best = {name: max(runs, key=lambda r: r.rate) for name, runs in found.items()}
    for name, run in best.items():
        print(f"  {name:<9} {run.rate:8.0f} checks/s  p50 {run.p50:6.2f} ms  "
              f"p99 {run.p99:6.2f} ms  server CPU {run.cpu_per_check * 1000:.3f} ms/check "
              f"= {1 / run.cpu_per_check:.0f}/s a core  errors {run.errors}")  # fmt: skip
    ours, floor = best["fraudlink"], best["baseline"]
    cpu = ours.cpu_per_check / floor.cpu_per_check
    print(f"  ratio     {ours.rate / floor.rate:8.2f} x rate    p50 x{ours.p50 / floor.p50:5.2f}"
          f"    p99 x{ours.p99 / floor.p99:5.2f}   CPU x{cpu:.2f}")  # fmt: skip


def bench_aggregate(reports: int) -> None:
    rng = random.Random(3)
    facts = {n: ReportFacts(story=n, victim=n // 2, day="2025-06-01", country="KH",
                            scam_type="investment") for n in range(reports)}  # fmt: skip
    pool = reports // 2
    mentions = (("phone", _phone(rng.randrange(pool)), n) for n in range(reports)
                for _ in range(3))  # fmt: skip
    started = time.perf_counter()
    found = aggregate(facts, mentions)
    limits = Thresholds()
    kept = sum(1 for tally in found.values() if limits.met(tally))
    print(
        f"publish aggregation, {reports:,} reports x 3 mentions: "
        f"{time.perf_counter() - started:.1f} s ({len(found):,} identifiers, {kept:,} published)"
    )


def _build(path: Path, identifiers: int, reuse: bool) -> None:
    if reuse and path.exists() and PublicIndex(path).meta.get("entries") == str(identifiers):
        print(f"index: reusing {path} ({identifiers:,} identifiers)")
        return
    started, cpu = time.perf_counter(), time.process_time()
    written = write_index(path, _entries(identifiers), {"bench": "1"})
    print(f"index build: {written:,} identifiers in {time.perf_counter() - started:.1f} s "
          f"(CPU {time.process_time() - cpu:.1f} s, {path.stat().st_size / 1e6:,.0f} MB, "
          f"peak RSS {_peak_mb():,.0f} MB)")  # fmt: skip


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--identifiers", type=int, default=1_000_000)
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--http-checks", type=int, default=6_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="server processes, both servers")
    parser.add_argument("--aggregate-reports", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the index here (reused when it fits)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["lookup", "http", "aggregate"])
    args = parser.parse_args()
    loads = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {loads} on {os.cpu_count()} cores "
          "(a shared machine: compare ratios, not absolutes)")  # fmt: skip
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fraudlink-public-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "public.sqlite"
    _build(path, args.identifiers, reuse=args.keep is not None)
    if "lookup" not in args.skip:
        index = PublicIndex(path)
        check(index, "phone", _phone(0))  # loads the phone normaliser once
        bench_lookup(index, args.identifiers, args.checks)
    if "http" not in args.skip:
        bench_http(path, args.identifiers, args.http_checks, args.clients, args.workers)
    if "aggregate" not in args.skip:
        bench_aggregate(args.aggregate_reports)
    if args.keep is None:
        path.unlink()


if __name__ == "__main__":
    main()
