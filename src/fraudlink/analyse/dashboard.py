"""The figures of the agency dashboard, counted over what the signed-in principal may see.

Every count goes through ``access.scope`` (reports through the agency totals corrected
by ``hidden_own`` and ``foreign_visible``, which equal ``visible``); a dashboard never
hints at another agency's records. Figures are small JSON-ready lists the page draws.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.access.scope import visible
from fraudlink.link.networks.tables import LinkReport
from fraudlink.share.tables import SharePackage
from fraudlink.store.schema import Case, CaseAgency, Report

SIZE_BUCKETS = ((2, 2), (3, 5), (6, 10), (11, 50), (51, 200), (201, None))
TOP = 12


def _report_figures(session: Session, principal: Principal) -> dict[str, Any]:
    """Reports by month, scam type and country and losses by currency, from the daily and
    monthly totals (``cases.statistics.visible_figures``) in one pass keyed by all three,
    not by counting the reports."""
    from fraudlink.cases.rollup import DETAIL
    from fraudlink.cases.statistics import visible_figures

    months: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for key, figures in visible_figures(session, principal, DETAIL).items():
        month, country, scam_type = str(key).split("|", 2)
        months[month] += figures.reports
        countries[country or "?"] += figures.reports
        kinds[scam_type or "?"] += figures.reports
        for currency, amount in figures.losses.items():
            totals[currency] += amount
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return {
        "reports_by_month": sorted([m, n] for m, n in months.items() if m and n),
        "losses": [[currency, str(amount)] for currency, amount in ranked if amount],
        "scam_types": _top(kinds),
        "countries": _top(countries),
    }


def _top(counts: Counter[str]) -> list[list[Any]]:
    return [[key, n] for key, n in counts.most_common(TOP) if n]


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
        **_report_figures(session, principal),
        "network_sizes": _network_sizes(session, principal),
        "cases": _cases(session, principal),
        "waiting_packages": _waiting(session, principal),
    }
