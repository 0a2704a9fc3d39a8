"""Federation between two real servers: notifications per second, and a large evidence transfer.

    .venv/bin/python bench/federation.py [--notifications 1000] [--evidence-mib 1024]
                                         [--receiver-db URL]

Starts two ``fraudlink serve`` processes on 127.0.0.1 (KH-NPA sends, TH-RTP
receives; SQLite each, or PostgreSQL for the receiver with ``--receiver-db``),
each with its own database, keys and spool, trusting each other's key card.

1. ``--notifications`` case notifications are created and approved on the
   sender; its job runner delivers them. Packages per second end to end: from
   the first create to the last signed receipt verified and stored.
2. One evidence transfer of ``--evidence-mib`` MiB: time from queued to
   delivered, and the peak resident memory (VmHWM) of each server process,
   which must stay under 200 MiB if the transfer is streamed.

At the end it counts inbox rows and receipts: nothing lost, nothing twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from fraudlink.cases import attach_report, open_case
from fraudlink.federation.partners import add_partner, set_enabled
from fraudlink.federation.tables import FedInbox, FedReceipt
from fraudlink.ingest import ingest_files
from fraudlink.settings import Settings
from fraudlink.share import Request, add_officer, approve, create, export_card, init_agency
from fraudlink.share.tables import SharePackage
from fraudlink.store import Database, open_database

SECRET = "bench passphrase for federation"
CASE = "KH-BENCH-1"


class Server:
    def __init__(self, code: str, country: str, db: str, root: Path) -> None:
        self.code, self.root = code, root
        root.mkdir(parents=True, exist_ok=True)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.db = open_database(Settings(db=db, agency=code))
        with self.db.session() as session:
            init_agency(session, code, code, country, SECRET)
        add_officer(self.db, "alice", "liaison", SECRET, "bench")
        add_officer(self.db, "sam", "supervisor", SECRET, "bench")
        self.env = os.environ | {
            "FRAUDLINK_DB": db, "FRAUDLINK_AGENCY": code, "FRAUDLINK_PASSPHRASE": SECRET,
            "FRAUDLINK_SPOOL": str(root / "spool"), "FRAUDLINK_SERVE_JOBS": "true",
            "FRAUDLINK_EVIDENCE_DIR": str(root / "evidence"), "FRAUDLINK_FED_BACKOFF": "0.2",
            "FRAUDLINK_FED_BACKOFF_MAX": "2", "FRAUDLINK_RATE_LIMIT": "1000000",
        }  # fmt: skip
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = (self.root / "server.log").open("ab")
        command = [sys.executable, "-m", "fraudlink", "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=log)
        for _ in range(600):
            try:
                if httpx.get(self.base + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise SystemExit(f"{self.code} did not start; see {self.root / 'server.log'}")

    def peak_mib(self) -> float:
        """VmHWM: the most resident memory the server process ever had."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def rss_mib(self) -> float:
        """Resident memory now; also resets the peak (VmHWM) so the next phase is measured alone."""
        assert self.process is not None
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.db.dispose()

    def count(self, query: Any) -> int:
        with self.db.session() as session:
            return int(session.scalar(query) or 0)


def introduce(a: Server, b: Server) -> None:
    with a.db.session() as sa, b.db.session() as sb:
        card_a, card_b = export_card(sa, a.code), export_card(sb, b.code)
        add_partner(sa, b.code, b.base, card_b, "bench")
        add_partner(sb, a.code, a.base, card_a, "bench")


def seed(server: Server) -> None:
    path = server.root / "reports.jsonl"
    report = {"id": "b1", "agency": server.code, "reported_at": "2025-01-05", "country": "KH",
              "narrative": "Paid to +855 12 345 678",
              "identifiers": [{"kind": "phone", "value": "+85512345678"}]}  # fmt: skip
    path.write_text(json.dumps(report) + "\n")
    ingest_files(server.db, [path])
    with server.db.session() as session:
        case = open_case(session, CASE, "Bench case", server.code, ["TH-RTP"])
        attach_report(session, case, server.code, "b1")


def send(db: Database, kind: str, out: Path, **options: Any) -> str:
    request = Request(kind=kind, case=CASE, to="TH-RTP", out=str(out), created_by="alice",
                      **options)  # fmt: skip
    outcome = create(db, request, SECRET)
    if outcome.status == "awaiting_approval":
        outcome = approve(db, outcome.package_id, "sam", SECRET)
    return outcome.package_id


def delivered(server: Server) -> int:
    return server.count(
        select(func.count()).select_from(SharePackage).where(SharePackage.status == "delivered")
    )


def wait(check: Any, limit: float) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        time.sleep(0.1)


def notifications(kh: Server, th: Server, n: int) -> dict[str, float]:
    """Built while the partner is disabled, then delivered at once: both rates, and the sum."""
    with kh.db.session() as session:
        set_enabled(session, "TH-RTP", False, "bench")
    started = time.perf_counter()
    for index in range(n):
        send(kh.db, "case_notification", kh.root / f"n{index}.flpkg", action=f"note {index}")
    created = time.perf_counter() - started
    with kh.db.session() as session:
        set_enabled(session, "TH-RTP", True, "bench")
    sending = time.perf_counter()
    wait(lambda: delivered(kh) >= n, 3600)
    delivery = time.perf_counter() - sending
    return {"packages": n, "created_per_s": round(n / created, 1),
            "delivered_per_s": round(n / delivery, 1),
            "end_to_end_per_s": round(n / (created + delivery), 1),
            "seconds": round(created + delivery, 1)}  # fmt: skip


def evidence(kh: Server, th: Server, mib: int, before: int) -> dict[str, float]:
    path = kh.root / "seized.bin"
    block = hashlib.sha256(b"bench").digest() * (1 << 15)  # 1 MiB
    with path.open("wb") as sink:
        for _ in range(mib):
            sink.write(block)
    acquisition = {"by": "bench", "method": "copy", "authorisation": "bench"}
    idle = {"sender_idle_mib": round(kh.rss_mib(), 1), "receiver_idle_mib": round(th.rss_mib(), 1)}
    started = time.perf_counter()
    package = send(kh.db, "evidence_transfer", kh.root / "big.flpkg", evidence=[str(path)],
                   acquisition=acquisition, handling=["crime_only"])  # fmt: skip
    queued = time.perf_counter()
    wait(lambda: delivered(kh) > before, 7200)
    done = time.perf_counter()
    size = (kh.root / "big.flpkg").stat().st_size
    assert th.count(select(func.count()).select_from(FedInbox)
                    .where(FedInbox.package_id == package)) == 1  # fmt: skip
    return {"mib": mib, "package_mib": round(size / (1 << 20)),
            "create_s": round(queued - started, 1), "transfer_s": round(done - queued, 1),
            "transfer_mib_per_s": round(size / (1 << 20) / (done - queued), 1),
            "sender_peak_mib": round(kh.peak_mib(), 1),
            "receiver_peak_mib": round(th.peak_mib(), 1), **idle}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notifications", type=int, default=1000)
    parser.add_argument("--evidence-mib", type=int, default=1024)
    parser.add_argument("--receiver-db", default=None, help="PostgreSQL URL for the receiver")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fraudlink-fed-bench-") as tmp:
        root = Path(tmp)
        kh = Server("KH-NPA", "KH", str(root / "kh.db"), root / "kh")
        th = Server("TH-RTP", "TH", args.receiver_db or str(root / "th.db"), root / "th")
        try:
            introduce(kh, th)
            seed(kh)
            th.start()
            kh.start()
            results: dict[str, Any] = {}
            if args.notifications:
                results["notifications"] = notifications(kh, th, args.notifications)
            if args.evidence_mib:
                results["evidence"] = evidence(kh, th, args.evidence_mib, args.notifications)
            sent = args.notifications + (1 if args.evidence_mib else 0)
            results["inbox_rows"] = th.count(select(func.count()).select_from(FedInbox))
            results["receipts"] = kh.count(select(func.count()).select_from(FedReceipt))
            results["lost"] = sent - results["inbox_rows"]
            print(json.dumps(results, indent=2))
        finally:
            th.stop()
            kh.stop()


if __name__ == "__main__":
    main()
