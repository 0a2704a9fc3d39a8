"""The identifier page: its reports and networks, first and last seen, its hub verdict."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from fraudlink.access.scope import visible
from fraudlink.api.deps import DatabaseDep
from fraudlink.link.lookup import lookup
from fraudlink.web.deps import PurposeDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/identifiers/{kind}/{value:path}", name="web_identifier", response_class=HTMLResponse)
async def identifier_page(
    request: Request, kind: str, value: str, viewer: PurposeDep, store: DatabaseDep
) -> HTMLResponse:
    scope = visible(viewer.principal, "report")
    found = await run_in_threadpool(lookup, store, kind, value, None, scope)
    return page(request, "identifier.html", viewer, {"identifier": found.as_json()})
