"""The network page (graph, key players, losses, timeline, explain a link) and the money trace.

Handlers read through ``fraudlink.access.networks`` (the principal's scope, the
audit of persons shown) and hand the results to templates; the diagrams'
geometry lives in ``web.drawing``. Key players are ranked in a second request
(``web_network_players``), so the graph is usable while they are computed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.networks import (
    explain_link,
    money_trail,
    network_page,
    network_players,
)
from fraudlink.api.deps import DatabaseDep
from fraudlink.api.paging import IdPath
from fraudlink.errors import FraudlinkError
from fraudlink.web.deps import PurposeDep, SessionDep
from fraudlink.web.drawing import page_graph, timeline_bars, trail_drawing
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
PLAYERS_SHOWN = 15
REPORTS_LISTED = 300  #: suggestions in the explain form; any report can still be typed
Text = Annotated[str | None, Query(max_length=300)]


@router.get("/networks/{network_id}", name="web_network", response_class=HTMLResponse)
def network_view(
    request: Request,
    network_id: IdPath,
    viewer: PurposeDep,
    store: DatabaseDep,
    session: SessionDep,
    a: Text = None,
    b: Text = None,
) -> HTMLResponse:
    principal, purpose = viewer.principal, viewer.purpose or ""
    detail, picture = network_page(store, session, principal, network_id, purpose)
    explained, problem = None, None
    if a and b:
        try:
            explained = explain_link(store, principal, a.strip(), b.strip())
        except FraudlinkError as error:  # shown beside the form, the page stays usable
            problem = error.message
    context = {
        "detail": detail,
        "graph": page_graph(picture),
        "reports": [n.label for n in picture.nodes.values() if n.kind == "report"][:REPORTS_LISTED],
        "counts": picture.counts(),
        "bars": timeline_bars(detail.histogram()),
        "a": a or "",
        "b": b or "",
        "explained": explained,
        "problem": problem,
    }
    return page(request, "network_graph.html", viewer, context)


@router.get(
    "/networks/{network_id}/players", name="web_network_players", response_class=HTMLResponse
)
def players_fragment(
    request: Request,
    network_id: IdPath,
    viewer: PurposeDep,
    store: DatabaseDep,
    session: SessionDep,
) -> HTMLResponse:
    ranked = network_players(store, session, viewer.principal, network_id, viewer.purpose or "")
    context = {"players": [p.as_json() for p in ranked[:PLAYERS_SHOWN]], "total": len(ranked)}
    return page(request, "network_players.html", viewer, context)


@router.get("/trace", name="web_trace", response_class=HTMLResponse)
def trace_page(
    request: Request,
    viewer: PurposeDep,
    store: DatabaseDep,
    session: SessionDep,
    account: Text = None,
) -> HTMLResponse:
    context: dict[str, object] = {"account": account or "", "trace": None, "problem": None}
    if account and account.strip():
        try:
            trace, drawn = money_trail(store, session, viewer.principal, account.strip())
        except FraudlinkError as error:
            context["problem"] = error.message
        else:
            context |= {"trace": trace, "drawing": trail_drawing(drawn), "diagram": drawn}
    return page(request, "money_trace.html", viewer, context)
