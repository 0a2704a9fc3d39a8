"""Two agencies, each with its own database and keys, and a case the sender can share."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access import add_user
from fraudlink.access.principal import acting_as
from fraudlink.cases import add_subject, attach_report, open_case, record_status
from fraudlink.ingest import ingest_files
from fraudlink.settings import Settings
from fraudlink.share import (
    Outcome,
    Request,
    add_card,
    add_officer,
    approve,
    create,
    export_card,
    init_agency,
)
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Entity, EntityDocument

PASSPHRASE = "correct horse battery staple"
CASE = "KH-2025-007"
#: Signed-in users of each side: liaison officers make and open packages, supervisors approve.
USERS = {"alice": "liaison", "sam": "supervisor", "bo": "liaison", "lin": "supervisor"}
DAY = dt.date(2025, 3, 1)


@dataclass
class Side:
    code: str
    db: Database
    evidence: Path
    out: Path


def make_side(url: str, code: str, country: str, root: Path) -> Side:
    db = open_database(Settings(db=url))
    with db.session() as session:
        init_agency(session, code, f"{code} police", country, PASSPHRASE)
        for name, role in USERS.items():
            add_user(session, name, code, [role], None)
    root.mkdir(parents=True, exist_ok=True)
    return Side(code, db, root / "evidence", root)


def introduce(a: Side, b: Side) -> None:
    with a.db.session() as sa, b.db.session() as sb:
        add_card(sb, export_card(sa))
        add_card(sa, export_card(sb))


REPORTS = [
    {
        "id": "r1",
        "agency": "KH-NPA",
        "reported_at": "2025-01-05",
        "country": "KH",
        "scam_type": "investment",
        "narrative": "Paid with card 4111 1111 1111 1111 to agent on +855 12 345 678",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
        "persons": [
            {"name": "Chen Zhi", "role": "suspect", "nationality": "CN"},
            {"name": "Sok Dara", "role": "victim", "nationality": "KH"},
        ],
        "victim": {"name": "Sok Dara", "phone": "+85598765432"},
    },
    {
        "id": "r2",
        "agency": "KH-NPA",
        "reported_at": "2025-01-09",
        "narrative": "",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
        "persons": [{"name": "Li Wei", "role": "victim", "nationality": "CN"}],
    },
]


def entity(db: Database, name: str) -> int:
    with db.session() as session:
        found = session.scalar(select(Entity.id).where(Entity.name == name))
        assert found is not None
        return found


def seed_case(side: Side, tmp: Path, flags: dict[str, object] | None = None) -> None:
    """A case led by the sender: reports, a detained Chinese suspect, two rescued victims."""
    path = tmp / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS))
    ingest_files(side.db, [path])
    with side.db.session() as session:
        case = open_case(session, CASE, "Compound in Sihanoukville", side.code, ["CN-MPS"])
        case.flags = dict(flags or {})
        for report in ("r1", "r2"):
            attach_report(session, case, side.code, report)
        suspect = add_subject(session, case, entity_session(session, "Chen Zhi"), "suspect")
        session.add(
            EntityDocument(
                entity_id=suspect.entity_id, kind="passport", number="E1234567", country="CN"
            )
        )
        record_status(session, suspect, "wanted", DAY, side.code)
        record_status(session, suspect, "arrested", DAY + dt.timedelta(days=3), side.code)
        for name in ("Sok Dara", "Li Wei"):
            victim = add_subject(session, case, entity_session(session, name), "victim")
            record_status(session, victim, "rescued", DAY, side.code)
    add_officer(side.db, "alice", "liaison", PASSPHRASE, "admin")
    add_officer(side.db, "sam", "supervisor", PASSPHRASE, "admin")


def entity_session(session: Session, name: str) -> int:
    found = session.scalar(select(Entity.id).where(Entity.name == name))
    assert found is not None
    return found


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[Side]:
    side = make_side(str(tmp_path / "kh.db"), "KH-NPA", "KH", tmp_path / "kh")
    yield side
    side.db.dispose()


@pytest.fixture
def receiver(tmp_path: Path, sender: Side) -> Iterator[Side]:
    side = make_side(str(tmp_path / "cn.db"), "CN-MPS", "CN", tmp_path / "cn")
    introduce(sender, side)
    yield side
    side.db.dispose()


@pytest.fixture
def any_receiver(db_url: str, tmp_path: Path, sender: Side) -> Iterator[Side]:
    """The receiving agency on SQLite and, when a server answers, on PostgreSQL."""
    side = make_side(db_url, "CN-MPS", "CN", tmp_path / "cn")
    introduce(sender, side)
    yield side
    side.db.dispose()


@dataclass(frozen=True)
class Kit:
    """Helpers handed to tests as a fixture (test modules cannot import conftest)."""

    case: str = CASE
    passphrase: str = PASSPHRASE

    @staticmethod
    def seed(side: Side, tmp: Path, flags: dict[str, object] | None = None) -> None:
        seed_case(side, tmp, flags)

    @staticmethod
    def entity(db: Database, name: str) -> int:
        return entity(db, name)

    @staticmethod
    def send(side: Side, request: Request, approver: str = "sam") -> Outcome:
        """Create a package as its ``created_by`` user and, when it awaits a second person,
        have ``approver`` release it."""
        outcome = create(side.db, request, PASSPHRASE, acting_as(side.db, request.created_by))
        if outcome.status == "awaiting_approval":
            outcome = approve(side.db, outcome.package_id, acting_as(side.db, approver), PASSPHRASE)
        assert outcome.status == "written", outcome
        return outcome

    @staticmethod
    def introduce(a: Side, b: Side) -> None:
        introduce(a, b)

    @staticmethod
    def side(url: str, code: str, country: str, root: Path) -> Side:
        return make_side(url, code, country, root)


@pytest.fixture
def kit() -> Kit:
    return Kit()
