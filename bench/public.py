"""Public check speed against a bare baseline, in ratios; index build and publish growth.

    .venv/bin/python bench/public.py [--identifiers 1000000] [--checks 20000]
        [--http-checks 6000] [--clients 8] [--workers 2] [--publish-reports 1000000]
        [--keep DIR] [--skip lookup http publish]

The machine is shared, so every HTTP figure is printed beside the same figure
of a bare Starlette handler doing one SQLite probe of the same index
(``public_baseline.py``), run in turns with the same workers and load, and as
a ratio; the load average is printed with them.

1. writes an index of N synthetic reported phones (``write_index``, the same
   writer ``publish`` uses), times it and notes its peak memory;
2. times ``check`` in-process (normalise + constant-work probe), half found,
   half not found: checks/s and p50/p99 for each half;
3. serves the index with ``fraudlink public serve --workers W`` and with the
   baseline, and drives both with a raw keep-alive HTTP/1.1 client (cheap
   next to the server): checks/s, p50, p99, server CPU per check, ratios;
4. publishes M and 4M synthetic reports (aggregate + write, no database read),
   each in its own process: CPU and peak memory, their growth, a 10M estimate.
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
from fraudlink.public.facts import FactTable, ReportFacts
from fraudlink.public.index import Entry, PublicIndex, write_index
from fraudlink.public.publish import Thresholds, aggregate, entry

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


def publish_child(reports: int) -> None:
    """One publish of ``reports`` synthetic reports without the database read: the facts
    table, then mentions grouped by phone as the database streams them (half as many
    phones as reports, 1 to 11 reports each, 3 mentions a report on average), then the
    index written. Prints JSON."""
    import json
    import resource

    started, cpu = time.perf_counter(), time.process_time()
    facts = FactTable(reports)
    for n in range(reports):
        facts.put(n, ReportFacts(story=n, victim=n // 2, day="2025-06-01", country="KH",
                                 scam_type="investment"))  # fmt: skip

    def mentions() -> Iterator[tuple[str, str, int]]:
        for phone in range(reports // 2):
            for j in range(1 + phone % 11):
                yield "phone", _phone(phone), (phone * 7919 + j * 104729) % reports

    limits = Thresholds()
    entries = (entry(kind, value, tally) for (kind, value), tally in aggregate(facts, mentions())
               if limits.met(tally))  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        written = write_index(Path(folder) / "p.sqlite", entries, {})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"reports": reports, "published": written, "cpu": time.process_time() - cpu,
                      "wall": time.perf_counter() - started, "peak_mb": peak}))  # fmt: skip


def bench_publish(reports: int) -> None:
    """Publish at N and 4N reports, each in its own process (peak memory is per process)."""
    import json

    runs = []
    for n in (reports, 4 * reports):
        out = subprocess.run([sys.executable, __file__, "--publish-child", str(n)],
                             capture_output=True, text=True, check=True)  # fmt: skip
        runs.append(json.loads(out.stdout.splitlines()[-1]))
    for run in runs:
        print(f"publish (aggregate + write), {run['reports']:,} reports x 3 mentions: "
              f"{run['wall']:.1f} s, CPU {run['cpu']:.1f} s, peak RSS {run['peak_mb']:,.0f} MB, "
              f"{run['published']:,} published")  # fmt: skip
    small, large = runs
    print(f"publish growth N -> 4N: CPU x{large['cpu'] / small['cpu']:.2f} (4 is linear), "
          f"memory x{large['peak_mb'] / small['peak_mb']:.2f}; at 10M reports, by linear "
          f"extrapolation from 4N: CPU ~{large['cpu'] * 10e6 / large['reports']:.0f} s, "
          f"memory ~{large['peak_mb'] * 10e6 / large['reports'] / 1024:.1f} GB")  # fmt: skip


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
    parser.add_argument(
        "--publish-reports",
        type=int,
        default=1_000_000,
        help="publish is measured at this many reports and 4 times as many",
    )
    parser.add_argument("--publish-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="write the index here (reused when it fits)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["lookup", "http", "publish"])
    args = parser.parse_args()
    if args.publish_child:
        publish_child(args.publish_child)
        return
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
    if "publish" not in args.skip:
        bench_publish(args.publish_reports)
    if args.keep is None:
        path.unlink()


if __name__ == "__main__":
    main()
