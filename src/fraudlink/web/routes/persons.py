"""The person (or organisation) page: names in every script, documents, roles, screening."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.records import person_detail
from fraudlink.api.deps import SessionDep
from fraudlink.web.deps import PurposeDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/persons/{entity_id}", name="web_person", response_class=HTMLResponse)
def person_page(
    request: Request, entity_id: int, viewer: PurposeDep, opened: SessionDep
) -> HTMLResponse:
    found = person_detail(opened, viewer.principal, entity_id, viewer.purpose or "")
    return page(request, "person.html", viewer, {"person": found})
