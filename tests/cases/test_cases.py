"""Cases, subjects and the status lifecycle of suspects and victims."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from fraudlink.cases import (
    InvalidTransition,
    add_subject,
    allowed_next,
    attach_report,
    get_case,
    history,
    open_case,
    record_status,
)
from fraudlink.cases.lifecycle import TRANSFERS, check_transition
from fraudlink.errors import InputError, NotFound
from fraudlink.ingest import ingest_files
from fraudlink.store import Database
from fraudlink.store.schema import CaseAgency, CaseReport, Entity

DAY = dt.date(2025, 5, 1)


@pytest.fixture
def loaded(database: Database, tmp_path: Path) -> Database:
    line = {
        "id": "r1",
        "agency": "KH-NPA",
        "reported_at": "2025-01-01",
        "narrative": "",
        "persons": [
            {"name": "Chen Zhi", "role": "suspect", "nationality": "CN"},
            {"name": "Ali", "role": "victim"},
        ],
    }
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(line) + "\n")
    ingest_files(database, [path])
    return database


def test_case_with_partners_reports_and_a_suspect_history(loaded: Database) -> None:
    with loaded.session() as session:
        case = open_case(session, "KH-2025-001", "Compound X", "KH-NPA", ["CN-MPS", "KR-KNPA"])
        attach_report(session, case, "KH-NPA", "r1")
        suspect_id = session.scalar(select(Entity.id).where(Entity.name == "Chen Zhi"))
        assert suspect_id is not None
        subject = add_subject(session, case, suspect_id, "suspect")
        for offset, status in enumerate(["wanted", "arrested", "charged", "handed_over"]):
            record_status(
                session,
                subject,
                status,
                DAY + dt.timedelta(days=offset),
                "KH-NPA",
                legal_basis="MoU art. 5" if status == "handed_over" else None,
            )
        assert [s.status for s in history(session, subject)] == [
            "wanted",
            "arrested",
            "charged",
            "handed_over",
        ]
    with loaded.session() as session:
        case = get_case(session, "KH-2025-001")
        assert (
            len(session.scalars(select(CaseAgency).where(CaseAgency.case_id == case.id)).all()) == 2
        )
        assert session.scalars(select(CaseReport)).one().case_id == case.id


def test_a_closed_history_cannot_go_on(loaded: Database) -> None:
    with loaded.session() as session:
        case = open_case(session, "C2", "t", "KH-NPA")
        victim_id = session.scalar(select(Entity.id).where(Entity.name == "Ali"))
        assert victim_id is not None
        subject = add_subject(session, case, victim_id, "victim")
        record_status(session, subject, "rescued", DAY, "KH-NPA")
        with pytest.raises(
            InvalidTransition, match="cannot become 'located'; next may be: repatriated"
        ):
            record_status(session, subject, "located", DAY, "KH-NPA")
        with pytest.raises(InvalidTransition, match="'arrested' is not a status of a victim"):
            record_status(session, subject, "arrested", DAY, "KH-NPA")
        with pytest.raises(InputError, match="would precede 'rescued'"):
            record_status(session, subject, "repatriated", DAY - dt.timedelta(days=1), "KH-NPA")


@pytest.mark.parametrize(
    ("role", "current", "expected"),
    [
        ("suspect", None, ("wanted", "located", "arrested", "detained", "charged")),
        ("suspect", "located", ("arrested", "detained", "charged", "released")),
        ("money_mule", "charged", (*TRANSFERS, "convicted", "released")),
        ("suspect", "detained", (*TRANSFERS, "charged", "released")),
        ("suspect", "convicted", ()),
        ("suspect", "released", ()),
        ("victim", "located", ("rescued", "repatriated")),
        ("witness", None, ()),
    ],
)
def test_allowed_next(role: str, current: str | None, expected: tuple[str, ...]) -> None:
    assert allowed_next(role, current) == expected


@pytest.mark.parametrize(
    ("done", "new"),
    [(["arrested", "extradited"], "deported"), (["arrested", "charged"], "charged"),
     (["arrested", "handed_over"], "convicted"), (["arrested", "convicted"], "released"),
     (["arrested", "released"], "detained")],
)  # fmt: skip
def test_a_suspect_is_moved_once_charged_once_and_convicted_only_when_charged(
    done: list[str], new: str
) -> None:
    with pytest.raises(InvalidTransition):
        check_transition("suspect", done[-1], new, done)


def test_charged_before_or_after_the_transfer() -> None:
    check_transition("suspect", "handed_over", "charged", ["arrested", "handed_over"])
    check_transition("suspect", "charged", "extradited", ["arrested", "charged"])
    check_transition("suspect", "extradited", "convicted", ["arrested", "charged", "extradited"])


def test_unknown_case_and_duplicate_reference(loaded: Database) -> None:
    with loaded.session() as session:
        open_case(session, "C3", "t", "KH-NPA")
        with pytest.raises(InputError, match="exists already"):
            open_case(session, "C3", "t", "KH-NPA")
        with pytest.raises(NotFound, match="No case 'nope'"):
            get_case(session, "nope")
