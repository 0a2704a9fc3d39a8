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
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (Linux): the figure a loaded machine does not distort."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench_http(index_path: Path, identifiers: int, checks: int, clients: int) -> None:
    import httpx

    port = _free_port()
    env = {**os.environ, "FRAUDLINK_PUBLIC_RATE_LIMIT": str(10**9)}
    env.pop("FRAUDLINK_REDIS_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "fraudlink", "public", "serve", "--index", str(index_path),
         "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/v1/check", params={"kind": "phone", "value": _phone(0)})
                break
            except httpx.TransportError:
                time.sleep(0.1)
        times: list[float] = []
        lock = threading.Lock()

        def worker(seed: int) -> None:
            rng = random.Random(seed)
            local = []
            with httpx.Client(base_url=base) as client:
                for _ in range(checks // clients):
                    value = _phone(rng.randrange(2 * identifiers))
                    t = time.perf_counter()
                    client.get("/v1/check", params={"kind": "phone", "value": value})
                    local.append(time.perf_counter() - t)
            with lock:
                times.extend(local)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
        cpu = _cpu_seconds(server.pid)
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took, cpu = time.perf_counter() - started, _cpu_seconds(server.pid) - cpu
        per = cpu / len(times)
        print(f"HTTP GET /v1/check, {clients} clients: {len(times) / took:8.0f} checks/s  "
              f"p50 {_pct(times, .5):.2f} ms  p99 {_pct(times, .99):.2f} ms  "
              f"server CPU {per * 1000:.2f} ms/check = {1 / per:.0f} checks/s a core")  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--identifiers", type=int, default=1_000_000)
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--http-checks", type=int, default=3_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--aggregate-reports", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the index here instead of a temp dir")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fraudlink-public-bench-"))
    path = folder / "public.sqlite"
    started = time.perf_counter()
    written = write_index(path, _entries(args.identifiers), {"bench": "1"})
    size = path.stat().st_size / 1e6
    print(
        f"index build: {written:,} identifiers in {time.perf_counter() - started:.1f} s "
        f"({size:,.0f} MB)"
    )
    index = PublicIndex(path)
    check(index, "phone", _phone(0))  # loads the phone normaliser once
    bench_lookup(index, args.identifiers, args.checks)
    bench_http(path, args.identifiers, args.http_checks, args.clients)
    bench_aggregate(args.aggregate_reports)
    if args.keep is None:
        path.unlink()


if __name__ == "__main__":
    main()
