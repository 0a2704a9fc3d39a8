"""Persons and organisations named in reports visible to you (personal data: audited)."""

from __future__ import annotations

from fastapi import APIRouter

from fraudlink.access.records import get_person, list_persons
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses

router = APIRouter(prefix="/persons", tags=["persons"])


@router.get(
    "",
    name="list_persons",
    response_model=models.PersonPage,
    responses=responses(400, 401, 403, 428, 429),
)
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> models.PersonPage:
    page = list_persons(session, who.principal, after(cursor), limit, who.justification)
    return models.PersonPage.model_validate(
        {"items": page.items, "next_cursor": next_cursor(page.next_cursor)}
    )


@router.get(
    "/{person_id}",
    name="get_person",
    response_model=models.Person,
    responses=responses(401, 403, 404, 428, 429),
)
def read(person_id: IdPath, who: CallerDep, session: SessionDep) -> models.Person:
    return models.Person.model_validate(
        get_person(session, who.principal, person_id, who.justification)
    )
