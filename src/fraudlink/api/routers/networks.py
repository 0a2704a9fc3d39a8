"""Networks of linked reports and money trails, as far as the caller's scope shows them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from fraudlink.access.networks import (
    explain_link,
    money_trail,
    network_graph,
    network_list,
    network_players,
    network_read,
)
from fraudlink.api import models
from fraudlink.api import network_models as shapes
from fraudlink.api.deps import CallerDep, DatabaseDep, SessionDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor, offset_page
from fraudlink.api.problems import responses

router = APIRouter(tags=["networks"])
ReportName = Annotated[
    str,
    Query(
        min_length=1, max_length=300, description="AGENCY/ID as ingested", examples=["KH-NPA/KH-1"]
    ),
]


@router.get(
    "/networks",
    name="list_networks",
    response_model=models.NetworkPage,
    responses=responses(401, 403, 429),
)
def index(
    who: CallerDep,
    store: DatabaseDep,
    min_size: Annotated[int, Query(ge=1, le=100000)] = 2,
    cursor: CursorQuery = None,
    limit: LimitQuery = 50,
) -> models.NetworkPage:
    """Largest first; a network counts only the reports you may see."""
    start = after(cursor)
    page, more = network_list(store, who.principal, min_size, start, limit)
    items = [models.NetworkSummary.model_validate(row.as_json()) for row in page]
    return models.NetworkPage(items=items, next_cursor=next_cursor(start + limit if more else None))


@router.get(
    "/networks/explain",
    name="explain_link",
    response_model=shapes.Explanation,
    responses=responses(400, 401, 403, 404, 428, 429),
)
def explain(a: ReportName, b: ReportName, who: CallerDep, store: DatabaseDep) -> shapes.Explanation:
    """The shortest chain of shared identifiers (or person names) from report a to report b."""
    found = explain_link(store, who.principal, a, b)
    return shapes.Explanation.model_validate(found.as_json())


@router.get(
    "/networks/{network_id}",
    name="get_network",
    response_model=shapes.NetworkWithPlayers,
    responses=responses(401, 403, 404, 428, 429),
)
def read(
    network_id: IdPath, who: CallerDep, store: DatabaseDep, session: SessionDep
) -> shapes.NetworkWithPlayers:
    """What links the network, where and when, and its key players, from the reports you see."""
    found = network_read(store, session, who.principal, network_id, who.justification)
    body = found.detail.as_json() | {"players": [p.as_json() for p in found.players]}
    return shapes.NetworkWithPlayers.model_validate(body)


@router.get(
    "/networks/{network_id}/graph",
    name="get_network_graph",
    response_model=shapes.NetworkGraph,
    responses=responses(401, 403, 404, 428, 429),
)
def graph(
    network_id: IdPath, who: CallerDep, store: DatabaseDep, session: SessionDep
) -> shapes.NetworkGraph:
    """Reports, identifiers and persons as laid-out nodes; hubs sit on a ring apart."""
    found = network_graph(store, session, who.principal, network_id, who.justification)
    return shapes.NetworkGraph.model_validate(found.as_json())


@router.get(
    "/networks/{network_id}/players",
    name="list_network_players",
    response_model=shapes.PlayerPage,
    responses=responses(400, 401, 403, 404, 428, 429),
)
def players(
    network_id: IdPath,
    who: CallerDep,
    store: DatabaseDep,
    session: SessionDep,
    cursor: CursorQuery = None,
    limit: LimitQuery = 50,
) -> shapes.PlayerPage:
    """Persons, accounts and identifiers the network turns around, most central first."""
    ranked = network_players(store, session, who.principal, network_id, who.justification)
    page, following = offset_page(ranked, cursor, limit)
    items = [shapes.Player.model_validate(p.as_json()) for p in page]
    return shapes.PlayerPage(items=items, next_cursor=following)


@router.get(
    "/trace",
    name="trace_money",
    response_model=shapes.MoneyTrace,
    responses=responses(400, 401, 403, 404, 429),
)
def trace(
    account: Annotated[
        str,
        Query(
            min_length=1,
            max_length=255,
            description="Account, IBAN or wallet the money left (KIND:VALUE too)",
            examples=["KH-ABA:000123"],
        ),
    ],
    who: CallerDep,
    store: DatabaseDep,
    session: SessionDep,
) -> shapes.MoneyTrace:
    """Hop by hop (FIFO, in time order, through exchanges) to where the money rests."""
    found, drawn = money_trail(store, session, who.principal, account)
    return shapes.MoneyTrace.model_validate(found.as_json() | {"diagram": drawn.as_json()})
