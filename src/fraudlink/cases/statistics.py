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

from sqlalchemy import Select, func, select, true
from sqlalchemy.orm import Session

from fraudlink.cases import rollup
from fraudlink.cases.sums import exact_sum
from fraudlink.cases.tables import OperationAction, ReportFigure
from fraudlink.errors import InputError
from fraudlink.store.schema import Agency, MoneyRecord, Report

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


def _report_key(session: Session, dimension: str) -> Any:
    if dimension == "month":
        return _month(session, Report.reported_at)
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
    for where in (chosen.months, chosen.days):
        if where is None:
            continue
        for value, currency, count, total in session.execute(
            rollup.summary_rows(session, dimension, where, scope)
        ):
            if currency == rollup.COUNT:
                group(value).reports += int(count or 0)
            else:
                group(value).losses[currency] += rollup.zero(total)
    if not chosen.stale:
        return
    key = _report_key(session, dimension)
    on_stale_days = rollup.reported_on_days(chosen.stale)
    counted = _window(
        select(key, func.count())
        .select_from(Report)
        .join(Agency, Agency.id == Report.agency_id)
        .where(_of(Report.agency_id, agency_ids), on_stale_days)
        .group_by(key),
        Report.reported_at,
        start,
        end,
    )
    for value, count in session.execute(counted):
        group(value).reports += count
    lost = _window(
        select(key, MoneyRecord.currency, exact_sum(session, MoneyRecord.amount))
        .select_from(MoneyRecord)
        .join(Report, Report.id == MoneyRecord.report_id)
        .join(Agency, Agency.id == Report.agency_id)
        .where(MoneyRecord.kind == "loss", _of(Report.agency_id, agency_ids), on_stale_days)
        .group_by(key, MoneyRecord.currency),
        Report.reported_at,
        start,
        end,
    )
    for value, currency, total in session.execute(lost):
        group(value).losses[currency] += total


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
    keys: dict[str, Any] = {
        "month": _month(session, OperationAction.occurred_at),
        "unit": Agency.code,
        "province": OperationAction.province,
    }
    if dimension not in keys:
        return
    key = keys[dimension]
    query = _window(
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
    for value, kind, persons in session.execute(query):
        found = group(value)
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
