"""The figures of the agency dashboard, counted over what the signed-in principal may see.

Every count goes through ``access.scope.visible``; a dashboard never hints at
another agency's records. Figures are small JSON-ready lists the page draws.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.access.scope import visible
from fraudlink.link.networks.tables import LinkReport
from fraudlink.share.tables import SharePackage
from fraudlink.store.schema import Case, CaseAgency, MoneyRecord, Report

SIZE_BUCKETS = ((2, 2), (3, 5), (6, 10), (11, 50), (51, 200), (201, None))
TOP = 12


def _month(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(Report.reported_at, "YYYY-MM")
    return func.strftime("%Y-%m", Report.reported_at)


def _counts(session: Session, principal: Principal, column: Any) -> list[list[Any]]:
    rows = session.execute(
        select(column, func.count())
        .where(visible(principal, "report"))
        .group_by(column)
        .order_by(func.count().desc())
        .limit(TOP)
    )
    return [[value or "?", count] for value, count in rows]


def _losses(session: Session, principal: Principal) -> list[list[Any]]:
    totals: dict[str, Decimal] = {}
    rows = session.execute(
        select(MoneyRecord.currency, func.sum(MoneyRecord.amount))
        .join(Report, Report.id == MoneyRecord.report_id)
        .where(MoneyRecord.kind == "loss", visible(principal, "report"))
        .group_by(MoneyRecord.currency)
    )
    for currency, amount in rows:
        totals[currency] = totals.get(currency, Decimal(0)) + Decimal(str(amount or 0))
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return [[currency, str(amount)] for currency, amount in ranked]


def _network_sizes(session: Session, principal: Principal) -> list[list[Any]]:
    sizes = (
        select(LinkReport.network_id, func.count().label("size"))
        .join(Report, Report.id == LinkReport.report_id)
        .where(visible(principal, "report"))
        .group_by(LinkReport.network_id)
        .having(func.count() >= 2)
    )
    found = Counter(int(size) for _, size in session.execute(sizes))
    buckets = []
    for low, high in SIZE_BUCKETS:
        label = f"{low}" if low == high else (f"{low}–{high}" if high else f"{low}+")
        count = sum(
            n for size, n in found.items() if size >= low and (high is None or size <= high)
        )
        buckets.append([label, count])
    return buckets


def _cases(session: Session, principal: Principal) -> list[list[Any]]:
    mine = or_(
        Case.lead_agency_id.in_(principal.units),
        Case.id.in_(select(CaseAgency.case_id).where(CaseAgency.agency_id.in_(principal.units))),
    )
    rows = session.execute(select(Case.status, func.count()).where(mine).group_by(Case.status))
    return [[status, count] for status, count in rows]


def _waiting(session: Session, principal: Principal) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                SharePackage.status == "awaiting_approval",
                SharePackage.sender_id.in_(principal.units),
            )
        )
        or 0
    )


def dashboard(session: Session, principal: Principal) -> dict[str, Any]:
    """Reports over time, losses per currency, scam types, countries, networks, cases, packages."""
    return {
        "reports_by_month": sorted(_counts_all(session, principal, _month(session))),
        "losses": _losses(session, principal),
        "scam_types": _counts(session, principal, Report.scam_type),
        "countries": _counts(session, principal, Report.country),
        "network_sizes": _network_sizes(session, principal),
        "cases": _cases(session, principal),
        "waiting_packages": _waiting(session, principal),
    }


def _counts_all(session: Session, principal: Principal, column: Any) -> list[list[Any]]:
    rows = session.execute(
        select(column, func.count()).where(visible(principal, "report")).group_by(column)
    )
    return [[value, count] for value, count in rows if value]
