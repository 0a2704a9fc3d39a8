"""Real agency servers on 127.0.0.1: each its own database, keys, spool and uvicorn process.

``mesh(["KH-NPA", "TH-RTP"], postgres="TH-RTP")`` gives nodes that trust each
other's key cards and know each other's URL; ``node.start()`` runs
``fraudlink serve`` on a free port (its own job runner delivers the outbox),
``node.kill()`` ends it with SIGKILL. Tests drive the sending side in process
(create and approve packages on the node's database) and watch the receiving
side through its database, as an officer there would through the API.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from fraudlink.cases import add_subject, attach_report, open_case, record_status
from fraudlink.federation.partners import add_partner
from fraudlink.ingest import ingest_files
from fraudlink.settings import Settings
from fraudlink.share import Outcome as Outcome
from fraudlink.share import Request, add_officer, approve, create, export_card, init_agency
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Entity

PASSPHRASE = "correct horse battery staple"
CASE = "KH-2025-007"
COUNTRY = {"KH-NPA": "KH", "TH-RTP": "TH", "VN-MPS": "VN"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Node:
    """One agency's server: database, folders, port, and the process while it runs."""

    code: str
    url: str
    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    db: Database = field(init=False)

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.db = open_database(Settings(db=self.url, agency=self.code))
        with self.db.session() as session:
            init_agency(session, self.code, f"{self.code} police", COUNTRY[self.code], PASSPHRASE)
        add_officer(self.db, "alice", "liaison", PASSPHRASE, "admin")
        add_officer(self.db, "sam", "supervisor", PASSPHRASE, "admin")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def spool(self) -> Path:
        return self.root / "spool"

    def env(self) -> dict[str, str]:
        return os.environ | {
            "FRAUDLINK_DB": self.url,
            "FRAUDLINK_AGENCY": self.code,
            "FRAUDLINK_PASSPHRASE": PASSPHRASE,
            "FRAUDLINK_SPOOL": str(self.spool),
            "FRAUDLINK_EVIDENCE_DIR": str(self.root / "evidence"),
            "FRAUDLINK_SERVE_JOBS": "true",
            "FRAUDLINK_FED_BACKOFF": "0.2",
            "FRAUDLINK_FED_BACKOFF_MAX": "1",
            "FRAUDLINK_FED_CHUNK": str(4 << 20),
            "FRAUDLINK_MAX_BODY_BYTES": str(16 << 20),
        }

    def start(self) -> None:
        log = (self.root / "server.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "fraudlink", "serve", "--port", str(self.port)],
            env=self.env(), stdout=log, stderr=log, cwd=self.root,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.code} server exited: {self.log()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.code} server did not answer in time")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None

    def log(self) -> str:
        path = self.root / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def card(self) -> dict[str, Any]:
        with self.db.session() as session:
            return export_card(session, self.code)

    def trust(self, other: Node) -> None:
        with self.db.session() as session:
            add_partner(session, other.code, other.base, other.card(), "admin")

    def scalar(self, query: Any) -> Any:
        with self.db.session() as session:
            return session.scalar(query)

    def all(self, query: Any) -> list[Any]:
        with self.db.session() as session:
            return [tuple(row) for row in session.execute(query)]


REPORTS = [
    {
        "id": "r1", "agency": "KH-NPA", "reported_at": "2025-01-05", "country": "KH",
        "scam_type": "investment",
        "narrative": "Paid to agent on +855 12 345 678",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
        "persons": [{"name": "Chen Zhi", "role": "suspect", "nationality": "CN"},
                    {"name": "Somchai T.", "role": "victim", "nationality": "TH"}],
        "victim": {"name": "Somchai T.", "phone": "+66812345678"},
    },
    {
        "id": "r2", "agency": "KH-NPA", "reported_at": "2025-01-09", "narrative": "",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
        "persons": [{"name": "Nok P.", "role": "victim", "nationality": "TH"}],
    },
]  # fmt: skip


def seed(node: Node, partners: list[str]) -> None:
    """A case led by the node: two reports, a detained suspect, two rescued Thai victims."""
    path = node.root / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS))
    ingest_files(node.db, [path])
    day = dt.date(2025, 3, 1)
    with node.db.session() as session:
        case = open_case(session, CASE, "Compound in Sihanoukville", node.code, partners)
        for report in ("r1", "r2"):
            attach_report(session, case, node.code, report)
        suspect = add_subject(session, case, _entity(session, "Chen Zhi"), "suspect")
        record_status(session, suspect, "arrested", day, node.code)
        for name in ("Somchai T.", "Nok P."):
            victim = add_subject(session, case, _entity(session, name), "victim")
            record_status(session, victim, "rescued", day, node.code)


def _entity(session: Any, name: str) -> int:
    found = session.scalar(select(Entity.id).where(Entity.name == name))
    assert found is not None
    return int(found)


def send(node: Node, kind: str, to: str, name: str, **options: Any) -> str:
    """Create a package and have the supervisor approve it when it waits; its id."""
    request = Request(kind=kind, case=CASE, to=to, out=str(node.root / name), created_by="alice",
                      **options)  # fmt: skip
    outcome = create(node.db, request, PASSPHRASE)
    if outcome.status == "awaiting_approval":
        outcome = approve(node.db, outcome.package_id, "sam", PASSPHRASE)
    return outcome.package_id


def wait_for(check: Callable[[], Any], seconds: float = 120, what: str = "") -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what or check}")


@dataclass
class Kit:
    """Helpers handed to tests (test modules cannot import this conftest)."""

    case: str = CASE
    passphrase: str = PASSPHRASE
    seed: Callable[[Node, list[str]], None] = staticmethod(seed)  # type: ignore[assignment]
    send: Callable[..., str] = staticmethod(send)  # type: ignore[assignment]
    wait_for: Callable[..., Any] = staticmethod(wait_for)  # type: ignore[assignment]


@pytest.fixture
def kit() -> Kit:
    return Kit()


def _fresh_postgres(url: str) -> str:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def mesh(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[..., list[Node]]]:
    """Make nodes that trust each other; every server started is stopped at the end."""
    made: list[Node] = []

    def make(codes: list[str], postgres: str | None = None) -> list[Node]:
        for code in codes:
            url = str(tmp_path / f"{code}.db")
            if code == postgres:
                url = _fresh_postgres(request.getfixturevalue("postgres_server"))
            made.append(Node(code, url, tmp_path / code))
        for node in made:
            for other in made:
                if other is not node:
                    node.trust(other)
        return made

    yield make
    for node in made:
        node.stop()
        node.db.dispose()
