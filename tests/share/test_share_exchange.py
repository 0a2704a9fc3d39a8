"""Two agencies exchange all three package kinds, a correction and a retraction, end to end."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fraudlink.access.principal import acting_as
from fraudlink.audit import last_entries
from fraudlink.errors import Forbidden
from fraudlink.share import (
    PackageBlocked,
    Request,
    approve,
    correct,
    create,
    open_package,
    record_consular,
    retract,
)
from fraudlink.share.custody import check_chain, event_json, log
from fraudlink.share.tables import EvidenceItem, SharePackage, ShareRecord
from fraudlink.store.schema import Case, CaseSubject, Entity, EntityDocument, Identifier, Report

CASE = "KH-2025-007"
PASSPHRASE = "correct horse battery staple"
Side = Any
NOW = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)


def send(side: Side, kind: str, name: str, **options: object) -> str:
    request = Request(
        kind=kind, case=CASE, to="CN-MPS", out=str(side.out / name), created_by="alice", **options
    )  # type: ignore[arg-type]
    outcome = create(side.db, request, PASSPHRASE, acting_as(side.db, "alice"))
    assert outcome.status == "awaiting_approval", outcome  # AMBER or naming people
    outcome = approve(side.db, outcome.package_id, acting_as(side.db, "sam"), PASSPHRASE)
    assert outcome.path is not None
    return outcome.package_id


def receive(side: Side, sender: Side, name: str) -> dict[str, int]:
    received = open_package(
        side.db, sender.out / name, PASSPHRASE, side.evidence, acting_as(side.db, "bo")
    )
    assert not received.already_opened
    return received.counts


def test_exchange_of_every_kind(sender: Side, any_receiver: Side, tmp_path: Path, kit: Any) -> None:
    receiver = any_receiver
    kit.seed(sender, tmp_path)
    notified = send(sender, "case_notification", "n.flpkg", action="locate the recruiter")
    counts = receive(receiver, sender, "n.flpkg")
    assert counts["report"] == 2 and counts["case_subject"] == 3
    with receiver.db.session() as session:
        case = session.scalars(select(Case).where(Case.reference == CASE)).one()
        assert case.tlp == "AMBER"
        names = set(session.scalars(select(Entity.name)))
        assert "Chen Zhi" in names and "Sok Dara" not in names  # minimised: no victim names
        assert session.scalar(select(Identifier.value).where(Identifier.kind == "phone"))
        report = session.scalars(select(Report).where(Report.external_id == "r1")).one()
        assert report.extra["provenance"]["sender"] == "KH-NPA"
        assert report.victim is None and "1111 1111 1111" not in report.raw
        assert "411111******1111" in report.raw  # the card leaves masked only

    _evidence_round(sender, receiver, tmp_path)
    _repatriation_round(sender, receiver, kit)
    _correction_round(sender, receiver, notified, kit)
    # opening a package twice changes nothing
    again = open_package(
        receiver.db,
        sender.out / "n.flpkg",
        PASSPHRASE,
        receiver.evidence,
        acting_as(receiver.db, "bo"),
    )
    assert again.already_opened
    with sender.db.engine.connect() as conn:
        sent = {(e.action, e.record_type) for e in last_entries(conn, 100)}
    with receiver.db.engine.connect() as conn:
        got = [e for e in last_entries(conn, 100) if e.action == "import"]
    assert {
        ("create", "share_package"),
        ("export", "share_package"),
        ("approve", "share_package"),
    } <= sent
    assert len(got) == 5 and {e.agency for e in got} == {"KH-NPA"}


def _evidence_round(sender: Side, receiver: Side, tmp_path: Path) -> None:
    files = []
    for index in range(3):
        path = tmp_path / f"chat-{index}.txt"
        path.write_bytes(f"seized chat log {index}\n".encode() * (index * 400_000 + 1))
        files.append(str(path))
    acquisition = {
        "by": "officer Vann",
        "at": "2025-02-01T10:00:00+00:00",
        "method": "forensic image of seized phone",
        "authorisation": "warrant 12/2025",
    }
    package = send(sender, "evidence_transfer", "e.flpkg", evidence=files, acquisition=acquisition)
    counts = receive(receiver, sender, "e.flpkg")
    assert counts["evidence_item"] == 3
    with receiver.db.session() as session:
        for item in session.scalars(select(EvidenceItem)):
            stored = Path(item.stored_path or "")
            assert hashlib.sha256(stored.read_bytes()).hexdigest() == item.sha256
            events = log(session, item)
            assert [e.action for e in events] == ["acquired", "transferred", "received"]
            assert events[0].actor == "officer Vann" and events[2].agency == "CN-MPS"
            check_chain(item.sha256, [event_json(e) for e in events])
    assert not list(receiver.evidence.glob(".incoming-*"))
    retract(
        sender.db,
        package,
        "sent to the wrong desk",
        acting_as(sender.db, "alice"),
        str(sender.out / "x.flpkg"),
        PASSPHRASE,
    )
    receive(receiver, sender, "x.flpkg")
    with receiver.db.session() as session:
        row = session.scalars(select(SharePackage).where(SharePackage.package_id == package)).one()
        assert row.status == "retracted"
        states = set(
            session.scalars(select(ShareRecord.state).where(ShareRecord.package_id == row.id))
        )
        assert states == {"retracted"}
    with sender.db.session() as session:
        assert (
            session.scalars(
                select(SharePackage.status).where(SharePackage.package_id == package)
            ).one()
            == "retracted"
        )


def _repatriation_round(sender: Side, receiver: Side, kit: Any) -> None:
    suspect = kit.entity(sender.db, "Chen Zhi")
    request = Request(
        kind="repatriation_request",
        case=CASE,
        to="CN-MPS",
        tlp="RED",
        out=str(sender.out / "r.flpkg"),
        created_by="alice",
        subject=suspect,
        legal_basis="deportation",
        action="receive the deportee at Phnom Penh airport",
        recipients=["insp. Wang Lei"],
    )
    with pytest.raises(PackageBlocked, match="no consular-notification record"):
        create(sender.db, request, PASSPHRASE, acting_as(sender.db, "alice"))
    record_consular(sender.db, CASE, suspect, NOW, True, NOW + dt.timedelta(hours=2), "CN", "alice")
    outcome = create(sender.db, request, PASSPHRASE, acting_as(sender.db, "alice"))
    assert outcome.status == "awaiting_approval" and outcome.path is None
    assert not (sender.out / "r.flpkg").exists()
    with pytest.raises(Forbidden, match="supervisor"):
        approve(sender.db, outcome.package_id, acting_as(sender.db, "alice"), PASSPHRASE)
    approved = approve(sender.db, outcome.package_id, acting_as(sender.db, "sam"), PASSPHRASE)
    assert approved.status == "written"
    counts = receive(receiver, sender, "r.flpkg")
    assert counts["consular_record"] == 1
    with receiver.db.session() as session:
        passport = session.scalars(select(EntityDocument.number)).all()
        assert "E1234567" in passport
        names = set(session.scalars(select(Entity.name)))
        assert "Li Wei" in names and "Sok Dara" not in names  # only CN victims go home to CN
        case = session.scalars(select(Case).where(Case.reference == CASE)).one()
        assert case.tlp == "RED"  # raised, never lowered


def _correction_round(sender: Side, receiver: Side, notified: str, kit: Any) -> None:
    with sender.db.session() as session:
        chen = session.get(Entity, kit.entity(sender.db, "Chen Zhi"))
        assert chen is not None
        chen.name = "Chen Zhi (陈志)"
    outcome = correct(
        sender.db,
        notified,
        "suspect's name in Han script",
        acting_as(sender.db, "alice"),
        str(sender.out / "c.flpkg"),
        PASSPHRASE,
    )
    assert outcome.status == "awaiting_approval"  # it names people: a second person approves
    approve(sender.db, outcome.package_id, acting_as(sender.db, "sam"), PASSPHRASE)
    receive(receiver, sender, "c.flpkg")
    with receiver.db.session() as session:
        names = set(session.scalars(select(Entity.name)))
        assert "Chen Zhi (陈志)" in names and "Chen Zhi" not in names
        original = session.scalars(
            select(SharePackage).where(SharePackage.package_id == notified)
        ).one()
        assert original.status == "corrected"
        assert session.scalar(select(CaseSubject.id)) is not None
        case = session.scalars(select(Case).where(Case.reference == CASE)).one()
        assert case.tlp == "RED"  # an AMBER correction does not lower what RED raised
