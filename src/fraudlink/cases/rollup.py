"""Daily and monthly totals of reports and losses, exact at every moment.

A figure over ten million reports joined to their ten million losses is 7-9 s of work
on PostgreSQL (bench/stats.py) and much more on SQLite; the same figure over
``report_figure`` (one row per day or month, agency, country, scam type and currency)
reads the month rows, whose number does not grow with the reports (86,000 at the
bench's ten million). Triggers mark the day of every write to ``report`` or
``money_record`` stale (migration 0027), and stale days are counted from the reports
themselves, so a figure never waits for a refresh and is never behind. ``refresh``
(``fraudlink stats --refresh``, from cron or after a large ingest) recounts the
stale days, then the months they fall in from their days.

A window ``[start, end)`` reads month rows for the whole months inside it, day rows
for the other days, and the reports of its stale days; a stale day inside a whole
month has its old day rows taken away from the month's (see ``Plan``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    cast,
    delete,
    false,
    func,
    insert,
    literal,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from fraudlink.cases.sums import exact_sum
from fraudlink.cases.tables import (
    AssetFigure,
    AssetOperationStale,
    ReportDayStale,
    ReportFigure,
    SeizedAsset,
)
from fraudlink.store.schema import Agency, Money, MoneyRecord, Report

COUNT = ""  # the currency of the rows that carry a count of reports


@dataclass(frozen=True, slots=True)
class Refreshed:
    days: int
    months: int
    operations: int = 0

    def as_json(self) -> dict[str, int]:
        return {"days": self.days, "months": self.months, "operations": self.operations}


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _instant(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive days as half-open ranges [first, last + 1)."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if runs and runs[-1][1] == day:
            runs[-1] = (runs[-1][0], day + dt.timedelta(days=1))
        else:
            runs.append((day, day + dt.timedelta(days=1)))
    return runs


def reported_on_days(days: Iterable[dt.date]) -> ColumnElement[bool]:
    """Reports dated (UTC) on one of ``days``: index ranges on ``reported_at``."""
    ranges = [
        and_(Report.reported_at >= _instant(a), Report.reported_at < _instant(b))
        for a, b in _runs(days)
    ]
    return or_(false(), *ranges)


def _report_day(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("UTC", Report.reported_at), Date)
    return func.date(Report.reported_at)


def stale_days(session: Session) -> set[dt.date]:
    return set(session.scalars(select(ReportDayStale.day)))


def refresh(session: Session) -> Refreshed:
    """Recount the stale days and their months, and the assets of stale operations; a
    write meanwhile marks its day or operation again."""
    operations = refresh_assets(session)
    done = _refresh_days(session)
    return Refreshed(done.days, done.months, operations)


def refresh_assets(session: Session) -> int:
    """Sum the assets of every stale operation into ``asset_figure``."""
    taken = sorted(
        set(
            session.scalars(
                delete(AssetOperationStale).returning(AssetOperationStale.operation_id)
            ).all()
        )
    )
    for first in range(0, len(taken), 500):
        batch = taken[first : first + 500]
        session.execute(delete(AssetFigure).where(AssetFigure.operation_id.in_(batch)))
        keys = (SeizedAsset.operation_id, SeizedAsset.state, SeizedAsset.currency)
        summed = (
            select(*keys, func.count(), exact_sum(session, SeizedAsset.amount))
            .where(SeizedAsset.operation_id.in_(batch))
            .group_by(*keys)
        )
        columns = ["operation_id", "state", "currency", "assets", "amount"]
        session.execute(insert(AssetFigure).from_select(columns, summed))
    return len(taken)


def _refresh_days(session: Session) -> Refreshed:
    taken = session.scalars(delete(ReportDayStale).returning(ReportDayStale.day)).all()
    days = sorted(set(taken))
    if not days:
        return Refreshed(0, 0)
    day = _report_day(session)
    for first, after in _runs(days):
        session.execute(
            delete(ReportFigure).where(
                ReportFigure.span == "d", ReportFigure.period >= first, ReportFigure.period < after
            )
        )
    for runs in _batches(_runs(days)):
        within = or_(
            false(),
            *(
                and_(Report.reported_at >= _instant(a), Report.reported_at < _instant(b))
                for a, b in runs
            ),
        )
        keys = (Report.agency_id, Report.country, Report.scam_type)
        counted = (
            select(
                literal("d"), day, *keys, literal(COUNT), func.count(), literal(Decimal(0), Money)
            )
            .where(within)
            .group_by(day, *keys)
        )
        lost = (
            select(
                literal("d"),
                day,
                *keys,
                MoneyRecord.currency,
                literal(0),
                exact_sum(session, MoneyRecord.amount),
            )
            .join(Report, Report.id == MoneyRecord.report_id)
            .where(within, MoneyRecord.kind == "loss")
            .group_by(day, *keys, MoneyRecord.currency)
        )
        for query in (counted, lost):
            session.execute(insert(ReportFigure).from_select(_COLUMNS, query))
    months = sorted({_first_of_month(d) for d in days})
    _recount_months(session, months)
    return Refreshed(len(days), len(months))


_COLUMNS = [
    "span",
    "period",
    "agency_id",
    "country",
    "scam_type",
    "currency",
    "reports",
    "losses",
]


def _batches(runs: list[tuple[dt.date, dt.date]], size: int = 200) -> Iterator[list[Any]]:
    for first in range(0, len(runs), size):
        yield runs[first : first + size]


def _month_of(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.date_trunc("month", column), Date)
    return func.date(column, "start of month")


def _recount_months(session: Session, months: list[dt.date]) -> None:
    """Month rows from the day rows of each month (the stale days were just recounted)."""
    month = _month_of(session, ReportFigure.period)
    keys = (ReportFigure.agency_id, ReportFigure.country, ReportFigure.scam_type)
    for first in months:
        after = next_month(first)
        session.execute(
            delete(ReportFigure).where(ReportFigure.span == "m", ReportFigure.period == first)
        )
        query = (
            select(
                literal("m"),
                month,
                *keys,
                ReportFigure.currency,
                func.sum(ReportFigure.reports),
                exact_sum(session, ReportFigure.losses),
            )
            .where(
                ReportFigure.span == "d",
                ReportFigure.period >= first,
                ReportFigure.period < after,
            )
            .group_by(month, *keys, ReportFigure.currency)
        )
        session.execute(insert(ReportFigure).from_select(_COLUMNS, query))


def _between(column: Any, first: dt.date | None, after: dt.date | None) -> ColumnElement[bool]:
    return and_(
        true() if first is None else column >= first,
        true() if after is None else column < after,
    )


@dataclass(frozen=True, slots=True)
class Plan:
    """Which rows answer a window: month rows and day rows to add (None: none needed),
    day rows to take away, and the stale days whose reports are counted as they are.

    A month row holds its days as the last refresh counted them, and so do the day rows
    of a day that went stale since; taking those day rows away and counting the stale
    day's reports keeps a month's row usable (one stale day costs its own day rows and
    reports, not the month's thirty days of rows).
    """

    months: ColumnElement[bool] | None
    days: ColumnElement[bool] | None
    minus: ColumnElement[bool] | None
    stale: list[dt.date]


def plan(session: Session, start: dt.date | None, end: dt.date | None) -> Plan:
    stale = sorted(d for d in stale_days(session) if _between_date(d, start, end))
    low = None if start is None else (start if start.day == 1 else next_month(start))
    high = None if end is None else _first_of_month(end)
    whole = low is None or high is None or low < high  # some whole months in the window
    period = ReportFigure.period
    ranges: list[tuple[dt.date, dt.date]] = []  # of day rows: the part months
    months = minus = None
    if whole:
        if start is not None and low is not None and start < low:
            ranges.append((start, low))
        if end is not None and high is not None and high < end:
            ranges.append((high, end))
        months = and_(ReportFigure.span == "m", _between(period, low, high))
        counted = [d for d in stale if _between_date(d, low, high)]
        if counted:
            minus = and_(
                ReportFigure.span == "d",
                or_(false(), *(and_(period >= a, period < b) for a, b in _runs(counted))),
            )
    elif start is not None and end is not None:
        ranges.append((start, end))
    days = None
    if ranges:
        days = and_(
            ReportFigure.span == "d",
            or_(false(), *(and_(period >= a, period < b) for a, b in ranges)),
            not_(or_(false(), *(and_(period >= a, period < b) for a, b in _runs(stale)))),
        )
    return Plan(months, days, minus, stale)


def _between_date(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day < end)


def month_text(session: Session, column: Any) -> Any:
    """A summary's date column as its month, 'YYYY-MM'."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


DETAIL = "month|country|scam_type"  # all three in one key, for a dashboard's single pass


def detail_key(month: Any, country: Any, scam_type: Any) -> Any:
    """'YYYY-MM|country|scam type' ('' for none): three figures from one GROUP BY."""
    sep = literal("|")
    parts = (month, sep, func.coalesce(country, ""), sep, func.coalesce(scam_type, ""))
    key = parts[0]
    for part in parts[1:]:
        key = key.op("||")(part)
    return key


def summary_key(session: Session, dimension: str) -> Any:
    if dimension == "month":
        return month_text(session, ReportFigure.period)
    if dimension == DETAIL:
        return detail_key(
            month_text(session, ReportFigure.period), ReportFigure.country, ReportFigure.scam_type
        )
    if dimension == "country":
        return ReportFigure.country
    if dimension == "scam_type":
        return ReportFigure.scam_type
    return Agency.code


def summary_rows(
    session: Session, dimension: str, where: ColumnElement[bool], scope: ColumnElement[bool]
) -> Select[Any]:
    """(key, currency, reports, losses) from ``report_figure`` rows matching ``where``."""
    key = summary_key(session, dimension)
    return (
        select(
            key,
            ReportFigure.currency,
            func.sum(ReportFigure.reports),
            exact_sum(session, ReportFigure.losses),
        )
        .select_from(ReportFigure)
        .join(Agency, Agency.id == ReportFigure.agency_id)
        .where(where, scope)
        .group_by(key, ReportFigure.currency)
    )


def zero(value: Any) -> Decimal:
    return Decimal(0) if value is None else Decimal(str(value))
