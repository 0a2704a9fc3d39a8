"""Disputes filed on the public check ("this is my number"), reviewed by the agencies.

The public server writes disputes into its spool file (``FRAUDLINK_PUBLIC_DISPUTES``);
here an agency sees those about identifiers its visible reports name and decides
them. A withdrawal leaves the identifier out of the next ``fraudlink public publish``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.problems import responses
from fraudlink.errors import ConfigError

router = APIRouter(prefix="/disputes", tags=["disputes"])


class DisputeView(BaseModel):
    reference: str = Field(examples=["FLD-ABCDE-FGHJK"])
    kind: str
    value: str
    message: str
    contact: str
    created_at: str
    status: Literal["open", "withdrawn", "rejected"]
    decided_at: str | None = None
    note: str | None = None


class DisputeList(BaseModel):
    items: list[DisputeView]


class DecisionIn(BaseModel):
    decision: Literal["withdraw", "reject"]
    note: str | None = Field(default=None, max_length=2000)


def _spool(request: Request) -> Path:
    found: Path | None = request.app.state.settings.public_disputes
    if found is None:
        raise ConfigError("No dispute spool is set; set FRAUDLINK_PUBLIC_DISPUTES to its file.")
    return found


@router.get(
    "",
    name="list_disputes",
    response_model=DisputeList,
    responses=responses(400, 401, 403, 429, 500),
)
def index(
    request: Request,
    who: CallerDep,
    session: SessionDep,
    status: Annotated[Literal["open", "withdrawn", "rejected"] | None, Query()] = None,
) -> DisputeList:
    """Disputes of identifiers your agency's visible reports name, oldest first."""
    from fraudlink.public.disputes import disputes_for

    rows = disputes_for(session, who.principal, _spool(request), status)
    return DisputeList(items=[DisputeView(**row.as_json()) for row in rows])


@router.get(
    "/{reference}",
    name="get_dispute",
    response_model=DisputeView,
    responses=responses(400, 401, 403, 404, 429, 500),
)
def read(reference: str, request: Request, who: CallerDep, session: SessionDep) -> DisputeView:
    from fraudlink.public.disputes import dispute_for

    found = dispute_for(session, who.principal, _spool(request), reference)
    return DisputeView(**found.as_json())


@router.post(
    "/{reference}/decision",
    name="decide_dispute",
    response_model=DisputeView,
    responses=responses(400, 401, 403, 404, 429, 500),
)
def decide(
    reference: str, body: DecisionIn, request: Request, who: CallerDep, session: SessionDep
) -> DisputeView:
    """Withdraw the identifier from the next publish, or reject; a new decision replaces one."""
    from fraudlink.public.disputes import decide as decide_dispute

    found = decide_dispute(session, who.principal, _spool(request), reference, body.decision,
                           body.note)  # fmt: skip
    return DisputeView(**found.as_json())
