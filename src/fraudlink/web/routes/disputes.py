"""Disputes from the public check ("this is my number, reported by mistake"): the ones
about identifiers the agency's reports name, and the decision (withdraw from the index,
or reject) for the roles the API's policy gives it to. The rules are the API's:
``public.disputes`` scopes, ``api.policy`` names the roles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from fraudlink.access import Principal
from fraudlink.api.policy import POLICIES
from fraudlink.public.disputes import DECISIONS, decidable, decide, disputes_for
from fraudlink.web.deps import SessionDep, SignedFormDep, ViewerDep, see_other
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
STATUSES = ("open", "withdrawn", "rejected")


def _may(principal: Principal, route: str) -> bool:
    return bool(set(principal.roles) & set(POLICIES[route].roles))


def _spool(request: Request) -> Path | None:
    found: Path | None = request.app.state.settings.public_disputes
    return found


@router.get("/disputes", name="web_disputes", response_class=HTMLResponse)
def disputes_page(
    request: Request, viewer: ViewerDep, opened: SessionDep, status: str = "open"
) -> HTMLResponse:
    viewer.principal.require(*POLICIES["list_disputes"].roles)
    status = status if status in STATUSES else "open"
    spool = _spool(request)
    rows = [] if spool is None else disputes_for(opened, viewer.principal, spool, status)
    deciding = _may(viewer.principal, "decide_dispute")
    context = {
        "status": status,
        "configured": spool is not None,
        "disputes": [(row, deciding and decidable(opened, viewer.principal, row)) for row in rows],
        "decided": request.query_params.get("decided"),
    }
    return page(request, "disputes.html", viewer, context)


@router.post(
    "/disputes/{reference}/decision", name="web_dispute_decision", response_class=RedirectResponse
)
def decision_form(
    request: Request,
    reference: str,
    viewer: SignedFormDep,
    opened: SessionDep,
    decision: Annotated[str, Form(max_length=16)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:
    from fraudlink.errors import ConfigError, InputError

    viewer.principal.require(*POLICIES["decide_dispute"].roles)
    if decision not in DECISIONS:
        raise InputError("Choose withdraw or reject.")
    spool = _spool(request)
    if spool is None:
        raise ConfigError("No dispute spool is set; set FRAUDLINK_PUBLIC_DISPUTES to its file.")
    decide(opened, viewer.principal, spool, reference, decision, note.strip() or None)
    return see_other(f"/disputes?decided={reference}")
