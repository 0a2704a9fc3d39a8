"""Daily and monthly totals (``cases.rollup``): exact before and after a refresh, after
every kind of write, in windows that cut months, and units rolled up to their agency."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from fraudlink.access.agencies import set_parent
from fraudlink.cases.rollup import refresh, stale_days
from fraudlink.cases.statistics import Group, figures_by
from fraudlink.cases.tables import ReportFigure
from fraudlink.store import Database
from fraudlink.store.schema import Agency, MoneyRecord, Report

AGENCIES = ("KH-NPA", "CN-MPS", "TH-CCIB")
DIMENSIONS = ("month", "country", "scam_type", "unit")


def _fill(database: Database, count: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with database.session() as session:
        for code in AGENCIES:
            session.execute(insert(Agency).values(code=code, country=code[:2]))
        ids = list(session.scalars(select(Agency.id)))
        for n in range(count):
            when = dt.datetime(2024, 12, 20, tzinfo=dt.UTC) + dt.timedelta(
                minutes=rng.randrange(80 * 1440)
            )
            report = session.scalar(
                insert(Report)
                .values(
                    agency_id=rng.choice(ids), external_id=f"R{n}", reported_at=when,
                    country=rng.choice(("KH", "CN", None)),
                    scam_type=rng.choice(("loan", "romance")),
                    raw="", content_hash=str(n), extra={},
                )
                .returning(Report.id)
            )  # fmt: skip
            for _ in range(rng.randrange(3)):
                session.execute(
                    insert(MoneyRecord).values(
                        kind=rng.choice(("loss", "loss", "seized")), report_id=report,
                        currency=rng.choice(("USD", "CNY")),
                        amount=Decimal(rng.randrange(1, 10**6)) / 100,
                    )
                )  # fmt: skip


def _expected(
    session: Any, dimension: str, start: dt.date | None = None, end: dt.date | None = None
) -> dict[str, tuple[int, dict[str, Decimal]]]:
    """The figures computed in Python from every report, the slow plain way."""
    codes = dict(session.execute(select(Agency.id, Agency.code)).all())
    reports: dict[str, int] = defaultdict(int)
    losses: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    keys = {}
    for rid, agency, when, country, scam in session.execute(
        select(Report.id, Report.agency_id, Report.reported_at, Report.country, Report.scam_type)
    ):
        if (start and when.date() < start) or (end and when.date() >= end):
            continue
        key = {"month": when.strftime("%Y-%m"), "country": country, "scam_type": scam,
               "unit": codes[agency]}[dimension] or "unknown"  # fmt: skip
        keys[rid] = key
        reports[key] += 1
    for rid, currency, amount in session.execute(
        select(MoneyRecord.report_id, MoneyRecord.currency, MoneyRecord.amount).where(
            MoneyRecord.kind == "loss"
        )
    ):
        if rid in keys:
            losses[keys[rid]][currency] += amount
    return {k: (n, dict(losses[k])) for k, n in reports.items()}


def _ours(groups: list[Group]) -> dict[str, tuple[int, dict[str, Decimal]]]:
    return {g.key: (g.reports, dict(g.losses)) for g in groups if g.reports or g.losses}


def _check(database: Database, start: dt.date | None = None, end: dt.date | None = None) -> None:
    with database.session() as session:
        for dimension in DIMENSIONS:
            ours = _ours(figures_by(session, dimension, start, end))
            assert ours == _expected(session, dimension, start, end), dimension


WINDOWS = [
    (dt.date(2025, 1, 15), dt.date(2025, 2, 10)),  # two part months
    (dt.date(2025, 1, 1), dt.date(2025, 3, 1)),  # whole months
    (dt.date(2025, 1, 31), dt.date(2025, 2, 1)),  # one day
    (dt.date(2024, 12, 25), dt.date(2025, 2, 20)),  # a part, a whole month, a part
    (None, dt.date(2025, 2, 3)),
    (dt.date(2025, 2, 3), None),
]


def test_figures_are_exact_before_and_after_a_refresh(database: Database) -> None:
    _fill(database, 300)
    with database.session() as session:
        assert len(stale_days(session)) > 60  # every written day waits for its count
    _check(database)
    _check(database, *WINDOWS[3])
    with database.session() as session:
        done = refresh(session)
    assert done.days > 60 and done.months == 4  # Dec 2024 to Mar 2025
    with database.session() as session:
        assert stale_days(session) == set()
        assert session.scalar(select(ReportFigure.id).limit(1)) is not None
    _check(database)
    for start, end in WINDOWS:
        _check(database, start, end)
    with database.session() as session:  # one stale day in a whole month of a window
        first = session.scalar(select(Report.id).order_by(Report.id).limit(1))
        session.execute(
            insert(MoneyRecord).values(kind="loss", report_id=first, currency="THB", amount=7)
        )
        assert len(stale_days(session)) == 1
    for start, end in WINDOWS:
        _check(database, start, end)


def test_every_write_marks_its_day_and_the_figures_follow(database: Database) -> None:
    _fill(database, 120)
    with database.session() as session:
        refresh(session)
    day = dt.datetime(2025, 1, 20, 23, 30, tzinfo=dt.UTC)
    with database.session() as session:
        first = session.scalar(select(Report.id).order_by(Report.id).limit(1))
        moved_from = session.get(Report, first)
        assert moved_from is not None
        old_day = moved_from.reported_at.date()
        session.execute(update(Report).where(Report.id == first).values(reported_at=day))
        assert stale_days(session) == {old_day, day.date()}
    _check(database, dt.date(2025, 1, 1), dt.date(2025, 2, 1))
    with database.session() as session:
        refresh(session)
        session.execute(
            insert(MoneyRecord).values(kind="loss", report_id=first, currency="KRW", amount=5)
        )
        assert stale_days(session) == {day.date()}
    _check(database)
    with database.session() as session:
        refresh(session)
        session.execute(delete(MoneyRecord).where(MoneyRecord.report_id == first))
        session.execute(update(Report).where(Report.id == first).values(country="TH"))
    _check(database)
    with database.session() as session:
        refresh(session)
        session.execute(delete(Report).where(Report.id == first))
    _check(database)
    with database.session() as session:
        refresh(session)
    _check(database)


def test_after_a_refresh_figures_read_the_totals_not_the_reports(
    database: Database, recording: Any
) -> None:
    _fill(database, 200)
    with database.session() as session:
        refresh(session)
    with recording() as recorded, database.session() as session:
        for dimension in DIMENSIONS:
            figures_by(session, dimension, dt.date(2025, 1, 10), dt.date(2025, 3, 2))
    statements = [statement for statement, _ in recorded]
    reads_reports = [s for s in statements if "FROM report " in s or "JOIN report " in s]
    assert statements and reads_reports == []


@pytest.fixture
def provinces(database: Database) -> list[str]:
    """A national agency with 25 provincial units, each with reports and a loss."""
    codes = [f"KH-NPA-P{n:02d}" for n in range(1, 26)]
    with database.session() as session:
        session.execute(insert(Agency).values(code="KH-NPA", country="KH"))
        for code in codes:
            session.execute(insert(Agency).values(code=code, country="KH"))
            set_parent(session, code, "KH-NPA")
        ids = dict(session.execute(select(Agency.code, Agency.id)).all())
        for n, code in enumerate(codes, start=1):
            for k in range(n):
                rid = session.scalar(
                    insert(Report)
                    .values(
                        agency_id=ids[code], external_id=f"{code}-{k}",
                        reported_at=dt.datetime(2025, 5, 1 + k % 28, tzinfo=dt.UTC),
                        country="KH", scam_type="loan", raw="", content_hash="x", extra={},
                    )
                    .returning(Report.id)
                )  # fmt: skip
                session.execute(
                    insert(MoneyRecord).values(
                        kind="loss", report_id=rid, currency="USD", amount=Decimal("0.10")
                    )
                )
    return codes


def test_25_provinces_roll_up_to_their_national_agency(
    database: Database, provinces: list[str]
) -> None:
    from fraudlink.access.principal import Principal
    from fraudlink.cases.views import unit_figures

    with database.session() as session:
        refresh(session)
        national = session.scalar(select(Agency.id).where(Agency.code == "KH-NPA"))
        assert national is not None
        units = frozenset(session.scalars(select(Agency.id)))
        viewer = Principal(
            1, "chief", national, "KH-NPA", units, frozenset(), frozenset(), frozenset()
        )
        rows = unit_figures(session, viewer)
        groups = {g.key: g for g in figures_by(session, "unit")}
    assert [r["key"] for r in rows] == provinces
    assert [r["reports"] for r in rows] == list(range(1, 26))
    total = sum(range(1, 26))
    assert groups["KH-NPA"].reports == total
    assert groups["KH-NPA"].losses == {"USD": Decimal("0.10") * total}


def test_a_stale_day_is_read_by_its_covering_indexes(database: Database, recording: Any) -> None:
    """SQLite's plan for a stale day's reports and losses (PostgreSQL picks by size)."""
    if database.dialect != "sqlite":
        pytest.skip("the plan on PostgreSQL depends on the table's size")
    _fill(database, 200)
    with database.session() as session:
        refresh(session)
        first = session.scalar(select(Report.id).order_by(Report.id).limit(1))
        session.execute(
            insert(MoneyRecord).values(kind="loss", report_id=first, currency="THB", amount=7)
        )
    with recording() as statements, database.session() as session:
        figures_by(session, "country")
    [(stale, parameters)] = [s for s in statements if "UNION ALL" in s[0]]
    with database.session() as session:
        plan = " ".join(
            str(row[-1])
            for row in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + stale, parameters
            )
        )
    assert "ix_report_day" in plan and "ix_money_record_loss" in plan, plan
