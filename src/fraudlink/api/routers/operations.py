"""Joint operations, their seized assets, rescued people and the figures ministries ask for.

Figures only, except ``get_rescued``: a rescued person's record is for the named roles
of the agency holding it, with a purpose, and every read is audited.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.cases import views

router = APIRouter(tags=["operations"])


Dimension = Literal["month", "country", "scam_type", "unit", "province"]


class OperationSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    reference: str
    name: str
    started_on: dt.date
    ended_on: dt.date | None
    legal_basis: str | None


class OperationPage(BaseModel):
    items: list[OperationSummary]
    next_cursor: str | None


class OperationFigures(BaseModel):
    """Counts and sums; amounts as exact decimal strings, with the USD rate used for each."""

    operation: str
    name: str
    lead: str | None
    started_on: dt.date
    ended_on: dt.date | None
    legal_basis: str | None
    cases: int
    reports: int
    networks: int
    actions: dict[str, int]
    arrested: int
    rescued: int
    handed_over_or_repatriated: int
    losses: dict[str, str]
    losses_usd: dict[str, Any]
    assets: dict[str, dict[str, str]]
    assets_usd: dict[str, dict[str, Any]]
    victims: dict[str, Any]


class Asset(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    description: str
    amount: Decimal
    currency: str
    state: str
    details: dict[str, Any]


class GroupFigures(BaseModel):
    key: str
    reports: int
    arrested: int
    rescued: int
    losses: dict[str, str]


class RescuedPerson(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    nationality: str | None
    rescued_on: dt.date
    place: str | None
    needs: list[str]
    trafficking_status: str
    status_authority: str | None
    status_basis: str | None
    repatriated_on: dt.date | None
    embassy: str | None


@router.get(
    "/operations",
    name="list_operations",
    response_model=OperationPage,
    responses=responses(400, 401, 403, 429),
)
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> OperationPage:
    """Operations your agency or its units lead or take part in."""
    rows = views.list_operations(session, who.principal, after(cursor) or None, limit + 1)
    page = rows[:limit]
    last = page[-1].id if len(rows) > limit else None
    items = [OperationSummary.model_validate(row) for row in page]
    return OperationPage(items=items, next_cursor=next_cursor(last))


@router.get(
    "/operations/{reference}",
    name="get_operation",
    response_model=OperationFigures,
    responses=responses(400, 401, 403, 404, 429),
)
def read(
    reference: str,
    who: CallerDep,
    session: SessionDep,
    on: Annotated[dt.date | None, Query(description="Date of the USD rates.")] = None,
) -> OperationFigures:
    """The operation's figures, in original currencies and in USD with each rate's date."""
    return OperationFigures.model_validate(
        views.operation_figures(session, who.principal, reference, on)
    )


@router.get(
    "/operations/{reference}/assets",
    name="list_operation_assets",
    response_model=list[Asset],
    responses=responses(401, 403, 404, 429),
)
def assets(reference: str, who: CallerDep, session: SessionDep) -> list[Asset]:
    """What was seized in the operation and where each item stands in its legal course."""
    return [
        Asset.model_validate(a) for a in views.operation_assets(session, who.principal, reference)
    ]


@router.get(
    "/statistics",
    name="get_statistics",
    response_model=list[GroupFigures],
    responses=responses(400, 401, 403, 429),
)
def statistics(
    who: CallerDep,
    session: SessionDep,
    by: Dimension = "unit",
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    end: Annotated[dt.date | None, Query(alias="to", description="First day not counted.")] = None,
) -> list[GroupFigures]:
    """Your agency's and units' figures by group; units roll up into the agencies above."""
    rows = views.statistics(session, who.principal, by, start, end)
    return [GroupFigures.model_validate(row) for row in rows]


@router.get(
    "/rescued/{person_id}",
    name="get_rescued",
    response_model=RescuedPerson,
    responses=responses(401, 403, 404, 428, 429),
)
def rescued(person_id: IdPath, who: CallerDep, session: SessionDep) -> RescuedPerson:
    """One rescued person's record: named roles of the holding agency only, audited."""
    from fraudlink.cases.rescued import read_rescued

    return RescuedPerson.model_validate(
        read_rescued(session, who.principal, person_id, who.justification)
    )
