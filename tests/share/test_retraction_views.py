"""A retraction withdraws what the package alone brought from every view of the receiver:
networks (now and after the next link run), look-ups, joint-case releases and the public index.
The receiver's own reports that share an identifier with the retracted ones stay."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from typer.testing import CliRunner

from fraudlink.access import add_user
from fraudlink.access.joint import create_joint_case, release, view_joint_case
from fraudlink.access.principal import acting_as, principal_for_name
from fraudlink.cli.main import app
from fraudlink.errors import NotFound
from fraudlink.ingest import ingest_files
from fraudlink.link import link_reports
from fraudlink.link.lookup import lookup
from fraudlink.link.networks.views import list_networks
from fraudlink.public.index import PublicIndex, entry_key
from fraudlink.share import Request, open_package, retract
from fraudlink.store.schema import Agency, Report

PHONE = "+85512345678"
OWN = {
    "id": "c9",
    "agency": "CN-MPS",
    "reported_at": "2025-02-01",
    "country": "CN",
    "narrative": "",
    "identifiers": [{"kind": "phone", "value": PHONE}],
    "victim": {"name": "Wang Fang"},
}


def network_sizes(side: Any) -> list[int]:
    return [row.size for row in list_networks(side.db, min_size=1)]


def published(side: Any, tmp: Path) -> int | None:
    """Reports the public index counts for the phone (``fraudlink public publish``)."""
    out = tmp / "public.idx"
    result = CliRunner().invoke(
        app,
        ["public", "publish", str(out), "--db", str(side.db.engine.url.database),
         "--min-reports", "1", "--min-victims", "1", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    index = PublicIndex(out)
    try:
        found = index.lookup([entry_key("phone", PHONE)])[0]
    finally:
        index.close()
    return None if found is None else found.reports


def test_a_retraction_leaves_networks_lookups_joint_cases_and_the_public_index(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    own = tmp_path / "own.jsonl"
    own.write_text(json.dumps(OWN) + "\n")
    ingest_files(receiver.db, [own])
    out = str(sender.out / "p.flpkg")
    notified = kit.send(
        sender, Request(kind="case_notification", case=kit.case, to="CN-MPS", out=out,
                        created_by="alice")
    ).package_id  # fmt: skip
    bo = acting_as(receiver.db, "bo")
    open_package(receiver.db, Path(out), kit.passphrase, receiver.evidence, bo)
    with receiver.db.session() as session:  # KH-NPA's liaison desk at the receiving office
        add_user(session, "kh_desk", "KH-NPA", ["liaison"], None)
    with receiver.db.session() as session:
        desk = principal_for_name(session, "kh_desk")
        create_joint_case(session, desk, "JC-1", "Sihanoukville compound", "AMBER", ["CN-MPS"])
        kh = session.scalar(select(Agency.id).where(Agency.code == "KH-NPA"))
        r1 = session.scalar(
            select(Report.id).where(Report.agency_id == kh, Report.external_id == "r1")
        )
        assert r1 is not None
        release(session, desk, "JC-1", "report", r1, "AMBER")
    link_reports(receiver.db)
    assert network_sizes(receiver) == [3]
    assert len(lookup(receiver.db, "phone", PHONE).reports) == 3
    assert published(receiver, tmp_path) == 3
    with receiver.db.session() as session:
        cn = principal_for_name(session, "bo")
        assert [r.record_id for r in view_joint_case(session, cn, "JC-1").releases] == [r1]

    gone = str(sender.out / "x.flpkg")
    alice = acting_as(sender.db, "alice")
    retract(sender.db, notified, "wrong desk", alice, gone, kit.passphrase)
    open_package(receiver.db, Path(gone), kit.passphrase, receiver.evidence, bo)

    assert network_sizes(receiver) == [1]  # at once, before any link run
    assert [r for r, _, _ in lookup(receiver.db, "phone", PHONE).reports] == ["CN-MPS/c9"]
    with receiver.db.session() as session:
        cn = principal_for_name(session, "bo")
        assert view_joint_case(session, cn, "JC-1").releases == []
    assert published(receiver, tmp_path) == 1
    link_reports(receiver.db)  # incremental: the retracted reports are not "new"
    assert network_sizes(receiver) == [1]
    link_reports(receiver.db, full=True)
    assert network_sizes(receiver) == [1]
    assert [r for r, _, _ in lookup(receiver.db, "phone", PHONE).reports] == ["CN-MPS/c9"]


def _statements(side: Any, work: Any) -> list[str]:
    """Every SQL statement ``work()`` sends to the side's database."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(side.db.engine, "before_cursor_execute", record)
    try:
        work()
    finally:
        event.remove(side.db.engine, "before_cursor_execute", record)
    return seen


def test_a_look_up_reads_the_withdrawn_flag_and_a_new_package_restores_it(
    sender: Any, receiver: Any, tmp_path: Path, kit: Any
) -> None:
    """The look-up asks no share table, before or after a retraction (one statement for its
    reports either way); the flag follows the share records both ways."""
    kit.seed(sender, tmp_path)
    request = Request(kind="case_notification", case=kit.case, to="CN-MPS",
                      out=str(sender.out / "p.flpkg"), created_by="alice")  # fmt: skip
    notified = kit.send(sender, request).package_id
    bo = acting_as(receiver.db, "bo")
    open_package(receiver.db, sender.out / "p.flpkg", kit.passphrase, receiver.evidence, bo)

    def reports() -> list[str]:
        return [r for r, _, _ in lookup(receiver.db, "phone", PHONE).reports]

    before = _statements(receiver, reports)
    assert reports() == ["KH-NPA/r1", "KH-NPA/r2"]
    gone = str(sender.out / "x.flpkg")
    retract(sender.db, notified, "wrong desk", acting_as(sender.db, "alice"), gone, kit.passphrase)
    open_package(receiver.db, Path(gone), kit.passphrase, receiver.evidence, bo)
    with receiver.db.session() as session:
        assert set(session.scalars(select(Report.withdrawn))) == {True}

    def refused() -> None:
        with pytest.raises(NotFound):
            reports()

    after = _statements(receiver, refused)
    assert len(after) == len(before)
    assert not [sql for sql in before + after if "share_" in sql]

    again = dataclasses.replace(request, out=str(sender.out / "q.flpkg"))
    kit.send(sender, again)
    open_package(receiver.db, Path(again.out), kit.passphrase, receiver.evidence, bo)
    with receiver.db.session() as session:
        assert set(session.scalars(select(Report.withdrawn))) == {False}
    assert reports() == ["KH-NPA/r1", "KH-NPA/r2"]
