"""Operations, assets and figures as a principal may see them (the API reads these).

Scoping is ``access.scope``'s: these functions only apply its conditions, so a handler
never decides on its own what another agency may see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access import scope
from fraudlink.access.principal import Principal
from fraudlink.cases.tables import ExchangeRate, Operation, SeizedAsset
from fraudlink.errors import NotFound
from fraudlink.store.schema import Agency


def list_operations(
    session: Session, principal: Principal, after: int | None, limit: int
) -> list[Operation]:
    query = select(Operation).where(scope.operation_visible(principal))
    if after is not None:
        query = query.where(Operation.id > after)
    return list(session.scalars(query.order_by(Operation.id).limit(limit)))


def visible_operation(session: Session, principal: Principal, reference: str) -> Operation:
    found = session.scalar(
        select(Operation).where(
            Operation.reference == reference, scope.operation_visible(principal)
        )
    )
    if found is None:
        raise NotFound(f"No operation {reference} is visible to you.")
    return found


def operation_figures(
    session: Session, principal: Principal, reference: str, on: dt.date | None
) -> dict[str, Any]:
    """The operation's figures and counts of rescued people (never a person)."""
    from fraudlink.cases.operations import operation_statistics
    from fraudlink.cases.rescued import rescued_counts

    op = visible_operation(session, principal, reference)
    figures = operation_statistics(session, op, on)
    lead = session.get(Agency, op.lead_agency_id)
    return {
        **figures,
        "name": op.name,
        "lead": lead.code if lead else None,
        "started_on": op.started_on,
        "ended_on": op.ended_on,
        "legal_basis": op.legal_basis,
        "victims": rescued_counts(session, operation_id=op.id),
    }


def operation_assets(session: Session, principal: Principal, reference: str) -> list[SeizedAsset]:
    op = visible_operation(session, principal, reference)
    query = select(SeizedAsset).where(
        SeizedAsset.operation_id == op.id, scope.asset_visible(principal)
    )
    return list(session.scalars(query.order_by(SeizedAsset.id)))


def statistics(
    session: Session,
    principal: Principal,
    dimension: str,
    start: dt.date | None,
    end: dt.date | None,
) -> list[dict[str, Any]]:
    """Figures of the principal's own agency and units, grouped by ``dimension``."""
    from fraudlink.cases.statistics import figures_by

    groups = figures_by(session, dimension, start, end, scope.figures_scope(principal))
    return [g.as_json() for g in groups]


def unit_figures(session: Session, principal: Principal) -> list[dict[str, Any]]:
    """Each unit directly under the principal's agency with its rolled-up figures.

    Every unit is listed, with zeros when it has nothing yet, so a national centre
    sees all its provinces on one chart.
    """
    from fraudlink.cases.statistics import figures_by

    names = dict(
        session.execute(
            select(Agency.code, Agency.name).where(Agency.parent_id == principal.agency_id)
        ).all()
    )
    units = sorted(names)
    if not units:
        return []
    groups = {
        g.key: g.as_json()
        for g in figures_by(session, "unit", None, None, scope.figures_scope(principal))
    }
    empty = {"reports": 0, "arrested": 0, "rescued": 0, "losses": {}}
    return [
        groups.get(code, {"key": code, **empty}) | {"name": names[code] or code} for code in units
    ]


def exchange_rates(session: Session, limit: int = 2000) -> list[ExchangeRate]:
    """The imported USD rates, newest first (figures, not personal data: any signed-in user)."""
    query = select(ExchangeRate).order_by(ExchangeRate.on.desc(), ExchangeRate.currency)
    return list(session.scalars(query.limit(limit)))
