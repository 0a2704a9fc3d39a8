"""A retraction that withdraws a linked report: the next incremental run must split what that
report alone held together, exactly as a full run does (issues #16 and #18)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from fraudlink.access.scope import settle_withdrawn
from fraudlink.cases.service import agency_id
from fraudlink.link.networks import link_reports
from fraudlink.link.networks.incremental import WITHDRAWN_REASON
from fraudlink.link.networks.listing import TABLES
from fraudlink.link.networks.state import WITHDRAWN, read_kinds
from fraudlink.link.networks.tables import LinkIdentifier
from fraudlink.share.importer import _WITHDRAWN_MARK, withdraw_from_views
from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store import Database
from fraudlink.store.schema import Report

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]
Networks = Callable[[], dict[str, int]]
LOSS = {"amount": "250.00", "currency": "USD"}


def _rows(make_report: Callable[..., Row]) -> list[Row]:
    """A–X–B, X alone naming both A's handle and B's; and a bystander pair C–D."""
    return [
        make_report("A1", [("telegram", "@left_desk")], loss=LOSS),
        make_report("A2", [("telegram", "@left_desk"), ("phone", "+639171110001")]),
        make_report("X", [("telegram", "@left_desk"), ("telegram", "@right_desk")]),
        make_report("B1", [("telegram", "@right_desk")], loss=LOSS),
        make_report("B2", [("telegram", "@right_desk"), ("phone", "+639171110002")]),
        make_report("C", [("wallet", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE")]),
        make_report("D", [("wallet", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE")], loss=LOSS),
    ]


def _retract(database: Database, external_ids: list[str]) -> dict[str, int]:
    """What a retraction arriving at CN-MPS does to reports a PH-PNP package brought:
    mark its records retracted, settle the flag, and withdraw them from every view."""
    with database.session() as session:
        sender = agency_id(session, "PH-PNP")
        local = agency_id(session, "CN-MPS")
        package = SharePackage(
            package_id="pkg-withdrawn-x", direction="inbound", kind="case_notification",
            status="retracted", sender_id=sender, recipient_id=local, tlp="AMBER",
            reliability="B", accuracy=2, purpose="investigation", created_by="alice",
            created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        )  # fmt: skip
        session.add(package)
        session.flush()
        ids = list(session.scalars(select(Report.id).where(Report.external_id.in_(external_ids))))
        session.add_all(
            ShareRecord(package_id=package.id, table_name="report", record_id=i,
                        state="retracted")
            for i in ids
        )  # fmt: skip
        session.flush()
        settle_withdrawn(session, ids)
        return withdraw_from_views(session, package.id, "bo")


def _listing(database: Database) -> set[tuple[object, ...]]:
    """Every stored list figure (network ids are each network's smallest report id, so the
    same database gives the same ids whichever run wrote them)."""
    found: set[tuple[object, ...]] = set()
    with database.session() as session:
        for table in TABLES:
            for row in session.scalars(select(table)):
                values = {c.name: getattr(row, c.name) for c in table.__table__.columns}
                found.add((table.__tablename__, *sorted(values.items())))
    return found


def _verdicts(database: Database) -> set[tuple[object, ...]]:
    with database.session() as session:
        stmt = select(LinkIdentifier.identifier_id, LinkIdentifier.degree, LinkIdentifier.status)
        return {(i, d, s) for i, d, s in session.execute(stmt)}


def test_withdrawing_the_only_bridge_splits_the_network_as_a_full_run_does(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    load(_rows(make_report), "bridge.jsonl")
    link_reports(database)
    before = networks_of()
    assert before["A1"] == before["X"] == before["B2"] != before["C"]

    done = _retract(database, ["X"])
    assert done["networked_report"] == 1
    assert "X" not in networks_of()

    summary = link_reports(database)
    after, listing, verdicts = networks_of(), _listing(database), _verdicts(database)
    assert summary.fallback == WITHDRAWN_REASON
    assert after["A1"] == after["A2"] != after["B1"] == after["B2"]
    assert after["C"] == after["D"]
    assert "X" not in after

    full = link_reports(database, full=True)
    assert networks_of() == after
    assert _listing(database) == listing
    assert _verdicts(database) == verdicts
    assert summary.networks == full.networks == 3
    # the split networks are listed apart: two of two reports where one of five was
    listed = {dict(t[1:])["network_id"] for t in listing if t[0] == TABLES[0].__tablename__}
    assert listed == {after["A1"], after["B1"], after["C"]}


def test_the_run_after_the_split_is_incremental_again(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    load(_rows(make_report), "bridge.jsonl")
    link_reports(database)
    _retract(database, ["X"])
    with database.engine.connect() as connection:
        assert WITHDRAWN in read_kinds(connection)
    assert link_reports(database).mode == "full"
    with database.engine.connect() as connection:
        assert WITHDRAWN not in read_kinds(connection)
    load([make_report("E", [("telegram", "@right_desk")])], "more.jsonl")
    summary = link_reports(database)
    assert (summary.mode, summary.fallback) == ("incremental", "")
    networks = networks_of()
    assert networks["E"] == networks["B1"] != networks["A1"]


def test_the_importer_names_the_link_stage_mark() -> None:
    assert _WITHDRAWN_MARK == WITHDRAWN


def _no_spark() -> str:
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        return "the spark engine needs pyspark (pip install 'fraudlink[spark]') and java"
    from fraudlink.link.networks.spark.session import DEBIAN_JARS

    if not all(jar.exists() for jar in DEBIAN_JARS.values()):
        return "the JDBC drivers are missing: apt-get install libpostgresql-jdbc-java"
    return ""


@pytest.mark.slow
def test_spark_splits_the_network_as_in_process(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    if reason := _no_spark():
        pytest.skip(reason)
    load(_rows(make_report), "bridge.jsonl")
    link_reports(database, engine="spark")
    _retract(database, ["X"])
    summary = link_reports(database, engine="spark")
    on_spark, listing = networks_of(), _listing(database)
    assert summary.fallback == WITHDRAWN_REASON
    assert on_spark["A1"] != on_spark["B1"]
    link_reports(database, full=True)
    assert networks_of() == on_spark
    assert _listing(database) == listing


@pytest.mark.slow
def test_a_retraction_while_spark_runs_stays_out_and_splits_on_the_next_run(
    database: Database,
    load: Load,
    make_report: Callable[..., Row],
    networks_of: Networks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The job read the graph (X in it) before the retraction committed: the swap must not
    write X back, nor clear the mark that sends the next run in full."""
    if reason := _no_spark():
        pytest.skip(reason)
    from fraudlink.link.networks.spark import job

    load(_rows(make_report), "bridge.jsonl")
    link_reports(database)
    staged = job._stage

    def stage_then_retract(*args: Any) -> None:
        staged(*args)
        _retract(database, ["X"])

    monkeypatch.setattr(job, "_stage", stage_then_retract)
    link_reports(database, full=True, engine="spark")
    assert "X" not in networks_of()
    with database.engine.connect() as connection:
        assert WITHDRAWN in read_kinds(connection)
    monkeypatch.setattr(job, "_stage", staged)
    summary = link_reports(database)
    after = networks_of()
    assert summary.fallback == WITHDRAWN_REASON
    assert after["A1"] == after["A2"] != after["B1"] == after["B2"]


def test_a_retraction_waits_for_the_link_run_that_holds_the_graph(
    database: Database, load: Load, make_report: Callable[..., Row]
) -> None:
    """While a link run holds its lock, a retraction waits for it (PostgreSQL reads and
    writes side by side, so without the wait the run would write X back)."""
    import threading

    from sqlalchemy import text

    from fraudlink.store.locks import exclusive

    if database.dialect != "postgresql":
        pytest.skip("SQLite has one writer: a retraction cannot commit beside a link run")
    load(_rows(make_report), "bridge.jsonl")
    link_reports(database)
    done: list[dict[str, int]] = []
    waiting = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    with database.engine.begin() as holder:
        exclusive(holder, "link")  # a link run between its read and its write-back
        worker = threading.Thread(target=lambda: done.append(_retract(database, ["X"])))
        worker.start()
        with database.engine.connect() as probe:
            for _ in range(1200):
                if probe.execute(waiting).scalar_one():
                    break
                probe.rollback()
                threading.Event().wait(0.05)
            else:
                raise AssertionError("the retraction did not wait for the link lock")
        assert done == []
    worker.join(60)
    assert done and done[0]["networked_report"] == 1
