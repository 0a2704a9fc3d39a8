"""The figures ministries report, grouped by month, country, scam type, unit or province.

Reports and losses are read from daily and monthly totals, with the days written
since their last count counted from the reports (``cases.rollup``), so a dashboard
stays fast and exact on ten million reports; a unit's figures roll up into every agency
above it, so the national centre sees its provinces and its own total on one chart.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from io import StringIO
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from fraudlink.access import scope
from fraudlink.access.principal import Principal
from fraudlink.cases import rollup
from fraudlink.cases.sums import exact_sum
from fraudlink.cases.tables import ActionFigure, OperationAction, ReportFigure
from fraudlink.errors import InputError
from fraudlink.store.schema import Agency, Money, MoneyRecord, Report

DIMENSIONS = ("month", "country", "scam_type", "unit", "province")
UNKNOWN = "unknown"


@dataclass
class Group:
    """The figures of one group: reports, losses by currency, people arrested and rescued."""

    key: str
    reports: int = 0
    losses: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    arrested: int = 0
    rescued: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "reports": self.reports,
            "arrested": self.arrested,
            "rescued": self.rescued,
            "losses": {c: str(a) for c, a in sorted(self.losses.items())},
        }


def _month(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _month_start(session: Session, column: Any) -> Any:
    """The UTC month as a timestamp on PostgreSQL (grouping by it is much cheaper than by
    ``to_char``'s text over a million actions), formatted once per group afterwards."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date_trunc("month", func.timezone("UTC", column))
    return _month(session, column)


def _report_key(session: Session, dimension: str) -> Any:
    if dimension == "month":
        return _month(session, Report.reported_at)
    if dimension == rollup.DETAIL:
        return rollup.detail_key(
            _month(session, Report.reported_at), Report.country, Report.scam_type
        )
    if dimension == "country":
        return Report.country
    if dimension == "scam_type":
        return Report.scam_type
    return Agency.code


def _window(query: Select[Any], column: Any, start: dt.date | None, end: dt.date | None) -> Any:
    if start:
        query = query.where(column >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end:
        query = query.where(column < dt.datetime.combine(end, dt.time(), dt.UTC))
    return query


def figures_by(
    session: Session,
    dimension: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    agency_ids: list[int] | None = None,
) -> list[Group]:
    """Figures per ``dimension`` over reports dated in [start, end), sorted by key.

    ``agency_ids`` limits them to those agencies' reports and actions (the API's scope).
    """
    if dimension not in DIMENSIONS:
        raise InputError(f"Cannot group by '{dimension}'; use one of: {', '.join(DIMENSIONS)}.")
    groups: dict[str, Group] = {}

    def group(key: object) -> Group:
        name = str(key) if key not in (None, "") else UNKNOWN
        return groups.setdefault(name, Group(name))

    if dimension != "province":
        _add_reports(session, dimension, start, end, group, agency_ids)
    _add_actions(session, dimension, start, end, group, agency_ids)
    if dimension == "unit":
        _roll_up(session, groups)
    return [groups[name] for name in sorted(groups)]


def visible_figures(session: Session, principal: Principal, dimension: str) -> dict[Any, Group]:
    """Reports and losses per key (as stored: None stays None) over every report the
    principal may see, read from the totals of its own agency and units.

    Exact as ``access.scope.visible``: the own totals, less the own reports hidden from
    this reader (TLP:RED it is not named on), plus other agencies' reports it reached
    through packages or joint cases; both sets are small and found by index.
    """
    groups: dict[Any, Group] = {}

    def group(key: Any) -> Group:
        return groups.setdefault(key, Group(str(key)))

    _add_reports(session, dimension, None, None, group, scope.figures_scope(principal))
    count_reports(session, dimension, scope.hidden_own(principal, "report"), group, -1)
    count_reports(session, dimension, scope.foreign_visible(principal, "report"), group)
    for figures in groups.values():
        figures.losses = defaultdict(Decimal, {c: a for c, a in figures.losses.items() if a})
    return {key: g for key, g in groups.items() if g.reports or g.losses}


def _add_reports(
    session: Session,
    dimension: str,
    start: dt.date | None,
    end: dt.date | None,
    group: Any,
    agency_ids: list[int] | None,
) -> None:
    """Reports and losses: summary rows for counted days, the reports of stale days."""
    chosen = rollup.plan(session, start, end)
    scope = _of(ReportFigure.agency_id, agency_ids)
    found: dict[Any, Group] = {}

    def here(key: Any) -> Group:
        return found.setdefault(key, Group(""))

    for where, sign in ((chosen.months, 1), (chosen.days, 1), (chosen.minus, -1)):
        if where is None:
            continue
        for value, currency, count, total in session.execute(
            rollup.summary_rows(session, dimension, where, scope)
        ):
            if currency == rollup.COUNT:
                here(value).reports += sign * int(count or 0)
            else:
                here(value).losses[currency] += sign * rollup.zero(total)
    if chosen.stale:
        on_stale_days = and_(
            _of(Report.agency_id, agency_ids),
            rollup.reported_on_days(chosen.stale),
            _between_instants(Report.reported_at, start, end),
        )
        count_reports(session, dimension, on_stale_days, here)
    for value, figures in found.items():  # a stale day may have emptied a group
        losses = {c: a for c, a in figures.losses.items() if a}
        if figures.reports or losses:
            mine = group(value)
            mine.reports += figures.reports
            for currency, amount in losses.items():
                mine.losses[currency] += amount


# written out, not bound: a database uses the partial index ix_money_record_loss only when
# it can see the query's kind is the index's
LOSS: ColumnElement[str] = literal_column("'loss'")


def count_reports(
    session: Session, dimension: str, where: ColumnElement[bool], group: Any, sign: int = 1
) -> None:
    """Add (or with ``sign`` -1 take away) the reports matching ``where`` and their losses,
    counted from the reports themselves: the few a summary does not hold.

    One statement: the reports are found once (by ``ix_report_day``, which covers what a
    figure reads, so a stale day's 14,000 reports at ten million are a few index pages,
    not 14,000 heap pages) and their losses reached by ``ix_money_record_loss``.
    """
    chosen = (
        select(Report.id.label("id"), _report_key(session, dimension).label("key"))
        .select_from(Report)
        .join(Agency, Agency.id == Report.agency_id)
        .where(where)
        .cte("chosen")
    )
    if session.get_bind().dialect.name == "postgresql":
        chosen = chosen.prefix_with("MATERIALIZED")  # once, not once per branch
    counted = select(
        chosen.c.key, literal(rollup.COUNT).label("currency"), func.count(), literal(None, Money)
    ).group_by(chosen.c.key)
    lost = (
        select(
            chosen.c.key, MoneyRecord.currency, literal(0), exact_sum(session, MoneyRecord.amount)
        )
        .select_from(chosen)
        .join(MoneyRecord, MoneyRecord.report_id == chosen.c.id)
        .where(MoneyRecord.kind == LOSS)
        .group_by(chosen.c.key, MoneyRecord.currency)
    )
    for value, currency, count, total in session.execute(union_all(counted, lost)):
        if currency == rollup.COUNT:
            group(value).reports += sign * int(count)
        else:
            group(value).losses[currency] += sign * rollup.zero(total)


def _between_instants(column: Any, start: dt.date | None, end: dt.date | None) -> Any:
    return and_(
        true() if start is None else column >= dt.datetime.combine(start, dt.time(), dt.UTC),
        true() if end is None else column < dt.datetime.combine(end, dt.time(), dt.UTC),
    )


def _of(column: Any, agency_ids: list[int] | None) -> Any:
    return true() if agency_ids is None else column.in_(agency_ids)


def _add_actions(
    session: Session,
    dimension: str,
    start: dt.date | None,
    end: dt.date | None,
    group: Any,
    agency_ids: list[int] | None = None,
) -> None:
    """Persons arrested and rescued: monthly totals for whole months, the actions of the
    days a window cuts out of a month (few, by ``ix_operation_action_occurred_at``)."""
    if dimension not in ("month", "unit", "province"):
        return
    months, parts = _action_plan(start, end)
    if months is not None:
        _add_persons(session, group, _action_totals(session, dimension, *months, agency_ids))
    for first, after in parts:
        _add_persons(session, group, _action_rows(session, dimension, first, after, agency_ids))


def _action_plan(
    start: dt.date | None, end: dt.date | None
) -> tuple[tuple[dt.date | None, dt.date | None] | None, list[tuple[dt.date | None, dt.date]]]:
    """The whole months of [start, end) (None: there are none) and the days outside them."""
    low = None if start is None else (start if start.day == 1 else rollup.next_month(start))
    high = None if end is None else end.replace(day=1)
    if low is not None and high is not None and low >= high:
        assert start is not None and end is not None
        return None, [(start, end)]
    parts: list[tuple[dt.date | None, dt.date]] = []
    if start is not None and low is not None and start < low:
        parts.append((start, low))
    if end is not None and high is not None and high < end:
        parts.append((high, end))
    return (low, high), parts


def _action_totals(
    session: Session,
    dimension: str,
    low: dt.date | None,
    high: dt.date | None,
    agency_ids: list[int] | None,
) -> Any:
    keys: dict[str, Any] = {
        "month": rollup.month_text(session, ActionFigure.month),
        "unit": Agency.code,
        "province": ActionFigure.province,
    }
    key = keys[dimension]
    return (
        select(key, ActionFigure.kind, func.sum(ActionFigure.persons))
        .select_from(ActionFigure)
        .join(Agency, Agency.id == ActionFigure.agency_id)
        .where(
            ActionFigure.kind.in_(("arrest", "rescue")),
            ActionFigure.actions > 0,
            _of(ActionFigure.agency_id, agency_ids),
            true() if low is None else ActionFigure.month >= low,
            true() if high is None else ActionFigure.month < high,
        )
        .group_by(key, ActionFigure.kind)
    )


def _action_rows(
    session: Session,
    dimension: str,
    start: dt.date | None,
    end: dt.date | None,
    agency_ids: list[int] | None,
) -> Any:
    keys: dict[str, Any] = {
        "month": _month_start(session, OperationAction.occurred_at),
        "unit": Agency.code,
        "province": OperationAction.province,
    }
    key = keys[dimension]
    return _window(
        select(key, OperationAction.kind, func.sum(OperationAction.persons))
        .select_from(OperationAction)
        .join(Agency, Agency.id == OperationAction.agency_id)
        .where(
            OperationAction.kind.in_(("arrest", "rescue")),
            _of(OperationAction.agency_id, agency_ids),
        )
        .group_by(key, OperationAction.kind),
        OperationAction.occurred_at,
        start,
        end,
    )


def _add_persons(session: Session, group: Any, query: Any) -> None:
    for value, kind, persons in session.execute(query):
        found = group(value.strftime("%Y-%m") if isinstance(value, dt.datetime) else value)
        if kind == "arrest":
            found.arrested += int(persons or 0)
        else:
            found.rescued += int(persons or 0)


def _roll_up(session: Session, groups: dict[str, Group]) -> None:
    """Add every unit's own figures to each agency above it (a total row per parent)."""
    parent = _parents(session)
    own = {
        name: Group(g.key, g.reports, dict(g.losses), g.arrested, g.rescued)
        for name, g in groups.items()
    }
    for name, figures in own.items():
        above = parent.get(name)
        while above:
            total = groups.setdefault(above, Group(above))
            total.reports += figures.reports
            total.arrested += figures.arrested
            total.rescued += figures.rescued
            for currency, amount in figures.losses.items():
                total.losses[currency] = total.losses.get(currency, Decimal(0)) + amount
            above = parent.get(above)


def _parents(session: Session) -> dict[str, str]:
    rows = [
        (id_, code, parent)
        for id_, code, parent in session.execute(select(Agency.id, Agency.code, Agency.parent_id))
    ]
    codes = {id_: code for id_, code, _ in rows}
    return {code: codes[parent] for _, code, parent in rows if parent is not None}


def as_csv(groups: Iterable[Group]) -> str:
    """One row per group and currency (a group without losses gets one row with none)."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "reports", "arrested", "rescued", "currency", "losses"])
    for g in groups:
        losses = sorted(g.losses.items()) or [("", Decimal(0))]
        for currency, amount in losses:
            writer.writerow(
                [g.key, g.reports, g.arrested, g.rescued, currency, amount if currency else ""]
            )
    return out.getvalue()
