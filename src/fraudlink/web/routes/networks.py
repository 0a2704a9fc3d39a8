"""Networks: the list of the viewer's networks, largest first.

The network page (``/networks/{network_id}``, route name ``web_network``) and the
money trace (``/trace``, ``web_trace``) are placeholders here for the graph pages.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.scope import visible
from fraudlink.api.deps import DatabaseDep
from fraudlink.link.networks.views import list_networks
from fraudlink.web.deps import PurposeDep, ViewerDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
LISTED = 100


@router.get("/networks", name="web_networks", response_class=HTMLResponse)
def networks_page(request: Request, viewer: ViewerDep, store: DatabaseDep) -> HTMLResponse:
    rows = list_networks(store, 2, LISTED, scope=visible(viewer.principal, "report"))
    return page(request, "networks.html", viewer, {"networks": [r.as_json() for r in rows]})


@router.get("/networks/{network_id}", name="web_network", response_class=HTMLResponse)
def network_page(request: Request, network_id: int, viewer: PurposeDep) -> HTMLResponse:
    return page(request, "placeholder.html", viewer, {"network_id": network_id})


@router.get("/trace", name="web_trace", response_class=HTMLResponse)
def trace_page(request: Request, viewer: PurposeDep) -> HTMLResponse:
    return page(request, "placeholder.html", viewer)
