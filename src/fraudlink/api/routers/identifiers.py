"""Identifiers: look one up in any written form; it is normalised the way ingest does."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from fraudlink.access.records import lookup_identifier
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.problems import responses

router = APIRouter(prefix="/identifiers", tags=["identifiers"])


@router.get(
    "/{kind}/{value}",
    name="get_identifier",
    response_model=models.IdentifierView,
    responses=responses(400, 401, 403, 404, 429),
)
def read(
    kind: str,
    value: str,
    who: CallerDep,
    session: SessionDep,
    country: Annotated[
        str | None,
        Query(pattern="^[A-Za-z]{2}$", description="where a local number was written"),
    ] = None,
) -> models.IdentifierView:
    """``+855 12 345 678`` and ``012345678`` with ``?country=KH`` find the same phone."""
    found = lookup_identifier(session, who.principal, kind, value, country)
    return models.IdentifierView.model_validate(found)
