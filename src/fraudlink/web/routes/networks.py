"""Networks: the list of the viewer's networks, largest first.

The network page itself and the money trace are in ``network_graph``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.networks import network_list
from fraudlink.api.deps import DatabaseDep
from fraudlink.web.deps import ViewerDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
LISTED = 100


@router.get("/networks", name="web_networks", response_class=HTMLResponse)
def networks_page(request: Request, viewer: ViewerDep, store: DatabaseDep) -> HTMLResponse:
    rows, _ = network_list(store, viewer.principal, 2, 0, LISTED)
    return page(request, "networks.html", viewer, {"networks": [r.as_json() for r in rows]})
