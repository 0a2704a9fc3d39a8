"""Load the API with concurrent clients, optionally killing the server, and count what was lost.

    .venv/bin/python bench/api.py [--db URL] [--clients 50] [--seconds 60] [--kill-every S]
                                  [--only postgresql] [--json]

Starts ``fraudlink serve`` on 127.0.0.1, has ``--clients`` threads submit
batches of reports for ``--seconds`` (each batch overlaps the previous one by
half, so re-sent reports must come back "unchanged", never twice), links them,
then has the same number of clients look up identifiers and read networks
(the list, and one network each), for half as long. With ``--kill-every``
the server is SIGKILLed and restarted that often during the write phase; a
client whose batch was not acknowledged sends it again. At the end every
acknowledged report must be in the database exactly once.

Prints throughput, p50/p99 latency per phase, the lost count and the host's
load average (the machine may be shared), on SQLite (a temporary file) and,
when given, on the PostgreSQL URL of ``--db``; ``--json`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from fraudlink.access import add_user, create_token
from fraudlink.settings import Settings
from fraudlink.share.keys import init_agency
from fraudlink.store import open_database
from fraudlink.store.schema import Report

BATCH = 100  # reports per request; ``--batch`` changes it
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(db: str) -> str:
    store = open_database(Settings(db=db))
    with store.session() as session:
        init_agency(session, "KH-NPA", "bench", "KH", "bench passphrase")
        add_user(session, "bench", "KH-NPA", ["analyst"], None)
        token = create_token(session, "bench", 1).token
    store.dispose()
    return token


class Server:
    def __init__(self, db: str, port: int, workers: int) -> None:
        self.db, self.port, self.workers = db, port, workers
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = os.environ | {"FRAUDLINK_DB": self.db, "FRAUDLINK_RATE_LIMIT": "1000000"}
        command = [sys.executable, "-m", "fraudlink", "serve", "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        log = open(Path(tempfile.gettempdir()) / f"bench-api-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, env=env, stdout=log, stderr=log, start_new_session=True
        )
        url = f"http://127.0.0.1:{self.port}/api/v1/health"
        for _ in range(2400):  # a loaded host takes a minute to import the app
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.25)
        raise SystemExit("the server did not start")

    def kill(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None


def report(n: int) -> dict[str, object]:
    return {
        "id": f"B-{n}",
        "agency": "KH-NPA",
        "reported_at": "2026-03-01T09:30:00Z",
        "country": "KH",
        "narrative": f"paid to +855 12 {n % 1000:03d} {n % 997:03d} via telegram @agent{n % 500}",
    }


class Load:
    def __init__(self, base: str, token: str) -> None:
        self.base, self.headers = base, {"Authorization": f"Bearer {token}"}
        self.acked: set[str] = set()
        self.batch = BATCH
        self.until = 0.0  # writers stop then; kills push it back so writes follow a restart
        self.latency: list[float] = []
        self.lock = threading.Lock()

    def writer(self, client: int) -> None:
        with httpx.Client(base_url=self.base, headers=self.headers, timeout=60) as http:
            start = client * 10_000_000
            while time.monotonic() < self.until:
                batch = [report(n) for n in range(start, start + self.batch)]
                began = time.perf_counter()
                try:
                    answer = http.post("/reports", json=batch)
                except httpx.HTTPError:
                    time.sleep(0.2)
                    continue  # not acknowledged: send the same batch again
                if answer.status_code != 200:
                    time.sleep(0.2)
                    continue
                with self.lock:
                    self.latency.append(time.perf_counter() - began)
                    self.acked.update(line["id"] for line in answer.json()["lines"])
                start += self.batch // 2  # the next batch repeats half of this one

    def reader(self, client: int, until: float, found: dict[str, list[float]]) -> None:
        """Identifier look-ups, with a network list and one network's detail between them."""
        purpose = self.headers | {"X-Purpose": "benchmark"}
        with httpx.Client(base_url=self.base, headers=purpose, timeout=60) as http:
            n, network = client, None
            while time.monotonic() < until:
                for kind in ("identifier", "identifier", "identifier", "network"):
                    began = time.perf_counter()
                    try:
                        status, network = self._read(http, kind, n, client, network)
                    except httpx.HTTPError:
                        status = 599  # the server went away (the phase ended under a read)
                    found[kind].append(time.perf_counter() - began)
                    found["errors"].append(float(status >= 500))
                    n += 7

    @staticmethod
    def _read(
        http: httpx.Client, kind: str, n: int, client: int, network: int | None
    ) -> tuple[int, int | None]:
        if kind == "identifier":
            path = f"/identifiers/phone/+855 12 {n % 1000:03d} {n % 997:03d}"
            return http.get(path, params={"country": "KH"}).status_code, network
        if network is None:
            answer = http.get("/networks", params={"limit": 20})
            items = answer.json().get("items", []) if answer.is_success else []
            return answer.status_code, items[client % len(items)]["id"] if items else 0
        return http.get(f"/networks/{network or 1}").status_code, network


def kill_when_acknowledged(server: Server, load: Load, after: float) -> int:
    """SIGKILL the server once ``after`` seconds passed and it acknowledged a batch since
    it started (a loaded host takes long to start one), restart it, and keep the writers
    going long enough to write through the new one."""
    started, acked = time.monotonic(), len(load.acked)
    while time.monotonic() - started < after or len(load.acked) == acked:
        load.until = max(load.until, time.monotonic() + 1)  # writers wait with us
        if time.monotonic() - started > 600:
            raise SystemExit("the server acknowledged nothing for ten minutes")
        time.sleep(0.1)
    load.until = float("inf")  # writers retry through the restart, however long it takes
    server.kill()
    server.start()
    load.until = time.monotonic() + after
    return 1


def ms(values: list[float], q: float) -> float:
    if len(values) < 2:
        return float("nan")
    return 1000 * statistics.quantiles(values, n=100)[int(q) - 1]


def run(db: str, args: argparse.Namespace) -> dict[str, float]:
    token, port = prepare(db), free_port()
    server = Server(db, port, args.workers)
    try:
        return measure(db, server, token, port, args)
    finally:
        server.kill()  # never leave a server behind, whatever failed


def measure(
    db: str, server: Server, token: str, port: int, args: argparse.Namespace
) -> dict[str, float]:
    server.start()
    load = Load(f"http://127.0.0.1:{port}/api/v1", token)
    load.batch = args.batch
    load.until = time.monotonic() + args.seconds
    threads = [threading.Thread(target=load.writer, args=(c,)) for c in range(args.clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    kills = 0
    while args.kill_every and kills < args.kills:
        kills += kill_when_acknowledged(server, load, args.kill_every)
    for thread in threads:
        thread.join()
    written = time.perf_counter() - began
    load_written = os.getloadavg()[0]
    if args.read:
        link = [sys.executable, "-m", "fraudlink", "link", "--db", db, "--json"]
        subprocess.run(link, check=True, capture_output=True, env=os.environ | {"FRAUDLINK_DB": db})
    reads: dict[str, list[float]] = {"identifier": [], "network": [], "errors": []}
    until = time.monotonic() + (args.seconds / 2 if args.read else 0)
    readers = [
        threading.Thread(target=load.reader, args=(c, until, reads)) for c in range(args.clients)
    ]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    store = open_database(Settings(db=db))
    with store.session() as session:
        stored = session.scalar(select(func.count()).select_from(Report)) or 0
        distinct = session.scalar(select(func.count(func.distinct(Report.external_id)))) or 0
        present = set(session.scalars(select(Report.external_id)))
    store.dispose()
    return {
        "reports/s": len(load.acked) / written,
        "submit p50 ms": ms(load.latency, 50),
        "submit p99 ms": ms(load.latency, 99),
        "lookup p50 ms": ms(reads["identifier"], 50),
        "lookup p99 ms": ms(reads["identifier"], 99),
        "network p50 ms": ms(reads["network"], 50),
        "network p99 ms": ms(reads["network"], 99),
        "reads/s": (len(reads["identifier"]) + len(reads["network"])) / max(args.seconds / 2, 1),
        "read 5xx": sum(reads["errors"]),
        "acknowledged": len(load.acked),
        "kills": kills,
        "lost": len(load.acked - present),
        "duplicates": stored - distinct,
        "load avg (writes)": load_written,
        "load avg (reads)": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=None, help="a PostgreSQL URL to run beside SQLite")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-every", type=float, default=0, help="seconds between kills")
    parser.add_argument("--batch", type=int, default=BATCH, help="reports per request")
    parser.add_argument("--kills", type=int, default=2, help="how many, with --kill-every")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="run one database")
    parser.add_argument("--no-read", dest="read", action="store_false", help="writes only")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = {"sqlite": str(Path(tmp) / "bench.db")}
        if args.db:
            targets["postgresql"] = args.db
        if args.only:
            targets = {args.only: targets[args.only]}
        results = {name: run(db, args) for name, db in targets.items()}
    if args.json:
        print(json.dumps(results))
        return
    names = list(results)
    print(f"{'':16}" + "".join(f"{name:>14}" for name in names))
    for key in results[names[0]]:
        print(f"{key:16}" + "".join(f"{results[n][key]:>14.1f}" for n in names))


if __name__ == "__main__":
    main()
