"""Packages: inbox, outbox, waiting for approval (safeguards and why blocked), approve,
and open a package file someone brought (uploaded here)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fraudlink.access.principal import Principal
from fraudlink.api.deps import DatabaseDep
from fraudlink.api.policy import POLICIES
from fraudlink.api.routers.federation import FederationDep, KeysWhenAsked
from fraudlink.errors import FraudlinkError
from fraudlink.share.package import approve, packages_for
from fraudlink.share.receive import open_package
from fraudlink.share.show import show_package
from fraudlink.store import Database
from fraudlink.web.deps import SessionDep, SignedFormDep, ViewerDep, commit, see_other
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
BOXES = ("inbox", "outbox", "waiting")
EVIDENCE_DIR = Path("evidence")
MAX_PACKAGE = 64 << 20


def _box(store: Database, principal: Principal, box: str) -> dict[str, object]:
    """A box's packages; the outbox with each one's way to the partner, the inbox with what
    partners' servers delivered and waits to be opened."""
    from fraudlink.federation.inbox import list_inbox
    from fraudlink.federation.outbox import progress

    rows = packages_for(store, principal, box)
    arrived: list[dict[str, object]] = []
    with store.session() as session:
        if box == "outbox":
            progress(session, rows)
        elif box == "inbox":
            arrived = list_inbox(session, list(principal.units))
            arrived.reverse()  # newest first, as the packages below
    opener = POLICIES["open_inbox_package"].roles  # who may open: as for the API route
    can_open = bool(principal.roles & set(opener))
    return {"box": box, "packages": rows, "arrived": arrived, "can_open": can_open}


@router.get("/packages", name="web_packages", response_class=HTMLResponse)
async def packages_page(
    request: Request, viewer: ViewerDep, store: DatabaseDep, box: str = "inbox"
) -> HTMLResponse:
    box = box if box in BOXES else "inbox"
    context = await run_in_threadpool(_box, store, viewer.principal, box)
    return page(request, "packages.html", viewer, context)


@router.post("/packages/inbox/{package_id}/open", name="web_inbox_open", response_model=None)
async def open_arrived(
    request: Request,
    package_id: str,
    viewer: SignedFormDep,
    store: DatabaseDep,
    opened: SessionDep,
    fed: FederationDep,
) -> HTMLResponse | RedirectResponse:
    """A liaison opens what a partner's server delivered: every check of ``package open``."""
    from fraudlink.federation.inbox import open_from_inbox

    commit(request)  # the stage writes in its own transaction: release this one's lock
    principal = viewer.principal
    try:
        await run_in_threadpool(
            open_from_inbox, store, fed.config, KeysWhenAsked(fed), package_id,
            principal.username, list(principal.units),
        )  # fmt: skip
    except FraudlinkError as error:
        if error.status == 404:
            raise
        context = await run_in_threadpool(_box, store, principal, "inbox")
        context["problem"] = error.message
        return page(request, "packages.html", viewer, context, error.status)
    return see_other(f"/packages/{package_id}")


@router.get("/packages/open", name="web_package_open", response_class=HTMLResponse)
def open_page(request: Request, viewer: ViewerDep) -> HTMLResponse:
    return page(request, "package_open.html", viewer, {"result": None, "problem": None})


@router.post("/packages/open", name="web_package_open_post", response_class=HTMLResponse)
async def open_form(
    request: Request,
    viewer: SignedFormDep,
    store: DatabaseDep,
    opened: SessionDep,
    package: Annotated[UploadFile, File()],
    passphrase: Annotated[str, Form(max_length=1024)],
) -> HTMLResponse:
    data = await package.read(MAX_PACKAGE + 1)
    context: dict[str, object] = {"result": None, "problem": None}
    if len(data) > MAX_PACKAGE:
        context["problem"] = "The package is larger than 64 MiB."
        return page(request, "package_open.html", viewer, context, 413)
    commit(request)  # the stage writes in its own transaction: release this one's lock
    with tempfile.TemporaryDirectory() as where:
        path = Path(where) / "upload.flpkg"
        path.write_bytes(data)
        try:
            received = await run_in_threadpool(
                open_package,
                store,
                path,
                passphrase,
                EVIDENCE_DIR,
                viewer.principal,
            )
            context["result"] = received
        except FraudlinkError as error:
            context["problem"] = error.message
    status = 200 if context["problem"] is None else 400
    return page(request, "package_open.html", viewer, context, status)


@router.get("/packages/{package_id}", name="web_package", response_class=HTMLResponse)
async def package_page(
    request: Request, package_id: str, viewer: ViewerDep, store: DatabaseDep
) -> HTMLResponse:
    view = await run_in_threadpool(show_package, store, package_id, viewer.principal)
    context = {"package": view.as_json(), "problem": request.query_params.get("problem")}
    return page(request, "package.html", viewer, context)


@router.post("/packages/{package_id}/approve", name="web_package_approve", response_model=None)
async def approve_form(
    request: Request,
    package_id: str,
    viewer: SignedFormDep,
    store: DatabaseDep,
    opened: SessionDep,
    passphrase: Annotated[str, Form(max_length=1024)],
) -> HTMLResponse | RedirectResponse:
    commit(request)  # the stage writes in its own transaction: release this one's lock
    try:
        await run_in_threadpool(approve, store, package_id, viewer.principal, passphrase)
    except FraudlinkError as error:
        if error.status == 404:
            raise
        view = await run_in_threadpool(show_package, store, package_id, viewer.principal)
        context = {"package": view.as_json(), "problem": error.message}
        return page(request, "package.html", viewer, context, error.status)
    return see_other(f"/packages/{package_id}")
