"""Networks of linked reports, as far as the caller's scope shows them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from fraudlink.access.scope import visible
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, DatabaseDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.link.networks.views import list_networks, network_detail

router = APIRouter(prefix="/networks", tags=["networks"])


@router.get(
    "",
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
    rows = list_networks(store, min_size, scope=visible(who.principal, "report"))
    start = after(cursor)
    page = rows[start : start + limit]
    last = start + limit if len(rows) > start + limit else None
    items = [models.NetworkSummary.model_validate(row.as_json()) for row in page]
    return models.NetworkPage(items=items, next_cursor=next_cursor(last))


@router.get(
    "/{network_id}",
    name="get_network",
    response_model=models.Network,
    responses=responses(401, 403, 404, 428, 429),
)
def read(network_id: IdPath, who: CallerDep, store: DatabaseDep) -> models.Network:
    """What links the network, where and when, with only the reports you may see."""
    detail = network_detail(store, network_id, visible(who.principal, "report"))
    return models.Network.model_validate(detail.as_json())
