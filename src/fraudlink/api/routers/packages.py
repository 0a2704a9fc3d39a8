"""Packages between agencies: create, show before approval, approve, inbox and outbox,
open an uploaded package, retract, correct, and download the file to hand over.

Handlers call ``fraudlink.share`` with the signed-in principal, which decides
the sending agency and applies the two-person rule. The agency passphrase that
unlocks the signing keys travels in ``X-Agency-Passphrase`` on each request
that signs or decrypts; the server keeps it for that request only.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request, status
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from fraudlink.access.records import audit_read
from fraudlink.api.deps import CallerDep, DatabaseDep, SessionDep
from fraudlink.api.models import NO_NUL, TLP, Code, Cursor
from fraudlink.api.paging import CursorQuery, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.errors import InputError
from fraudlink.settings import Settings

router = APIRouter(prefix="/packages", tags=["packages"])

PassphraseHeader = Annotated[
    str,
    Header(
        min_length=8,
        max_length=1024,
        description="The agency passphrase that unlocks its keys; never stored or logged.",
    ),
]
PackageId = Annotated[
    str,
    PathParam(
        min_length=6,
        max_length=64,
        pattern=r"^[0-9a-f-]+$",
        description="The package id, or its first characters (at least 6).",
    ),
]
Text = Annotated[str, Field(min_length=1, max_length=2000, pattern=NO_NUL)]


class PackageIn(BaseModel):
    """What to send; evidence transfers are made on the command line, next to the files."""

    kind: Literal["case_notification", "repatriation_request"] = Field(
        examples=["case_notification"]
    )
    case: Code = Field(examples=["KH-2026-007"])
    to: Code = Field(examples=["TH-RTP"])
    tlp: TLP = "AMBER"
    purpose: (
        Literal[
            "investigation",
            "prosecution",
            "intelligence",
            "victim_identification",
            "victim_support",
            "repatriation",
        ]
        | None
    ) = None
    handling: list[Literal["crime_only", "no_court", "no_onward"]] = Field(
        default=["crime_only", "no_court", "no_onward"], max_length=3
    )
    request: str = Field(
        default="", max_length=2000, pattern=NO_NUL, examples=["Please identify the wallet owner"]
    )
    subject: int | None = Field(default=None, ge=1, le=2**63 - 1, description="A person's id.")
    legal_basis: Literal["extradition", "deportation", "voluntary_return"] | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F", "X"] = "B"
    accuracy: int = Field(default=2, ge=1, le=4)
    recipients: list[Code] = Field(
        default_factory=list, max_length=20, description="Named people (TLP:RED)."
    )


class ReasonIn(BaseModel):
    reason: Text = Field(examples=["the victim's name was misspelt"])


class Outcome(BaseModel):
    package_id: str = Field(examples=["6f1c2a9e-9a43-4d4e-9a55-0c1f4a9e7b21"])
    status: str = Field(examples=["awaiting_approval"])
    file: str | None = Field(default=None, description="Where to download the written package.")


class PackageSummary(BaseModel):
    package_id: str
    direction: Literal["inbound", "outbound"]
    kind: str = Field(examples=["case_notification"])
    status: str = Field(examples=["written"])
    tlp: str
    sender: str | None
    recipient: str | None
    relation: str | None = None
    follows: str | None = None
    created_by: str
    approved_by: str | None = None
    created_at: str
    problems: list[str] = Field(
        default_factory=list, description="Why the safeguards blocked it (status 'blocked')."
    )


class PackagePage(BaseModel):
    items: list[PackageSummary]
    next_cursor: str | None = Cursor


class Package(BaseModel):
    """A package as its sender reviews it before approval, or its receiver reads it."""

    package_id: str
    direction: Literal["inbound", "outbound"]
    kind: str
    status: str
    sender: str | None
    recipient: str | None
    case: str | None
    purpose: str
    markings: dict[str, Any]
    request: dict[str, Any]
    created_by: str
    created_at: str | None
    approved_by: str | None = None
    approved_at: str | None = None
    opened_at: str | None = None
    relation: str | None = None
    follows: str | None = None
    reason: str | None = None
    contents: dict[str, list[str]]
    safeguards: dict[str, Any]


class Opened(BaseModel):
    package_id: str
    kind: str
    sender: str
    tlp: str
    relation: str | None
    already_opened: bool
    imported: dict[str, int]
    withdrawn: dict[str, int]
    handling: list[str]
    purpose: str | None
    follows: str | None


def _settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def _outcome(outcome: Any) -> Outcome:
    file = f"/api/v1/packages/{outcome.package_id}/file" if outcome.path else None
    return Outcome(package_id=outcome.package_id, status=outcome.status, file=file)


def _out(settings: Settings) -> str:
    settings.package_dir.mkdir(parents=True, exist_ok=True)
    return str(settings.package_dir / f"{uuid.uuid4()}.flpkg")


@router.post(
    "",
    name="create_package",
    status_code=status.HTTP_201_CREATED,
    response_model=Outcome,
    responses=responses(400, 401, 403, 404, 422, 429),
)
async def create(
    body: PackageIn,
    request: Request,
    who: CallerDep,
    store: DatabaseDep,
    x_agency_passphrase: PassphraseHeader,
) -> Outcome:
    """Build a package; safeguards run first; above GREEN or naming people it waits for
    a supervisor of your agency other than you."""
    from fraudlink.share import Request as ShareRequest
    from fraudlink.share import create as create_package

    asked = ShareRequest(
        kind=body.kind,
        case=body.case,
        to=body.to,
        out=_out(_settings(request)),
        created_by=who.principal.username,
        tlp=body.tlp,
        handling=list(dict.fromkeys(body.handling)),
        reliability=body.reliability,
        accuracy=body.accuracy,
        purpose=body.purpose,
        action=body.request,
        subject=body.subject,
        legal_basis=body.legal_basis,
        recipients=list(body.recipients),
    )
    outcome = await run_in_threadpool(
        create_package, store, asked, x_agency_passphrase, who.principal
    )
    return _outcome(outcome)


def _page(
    session: SessionDep, who: CallerDep, direction: str, cursor: str | None, limit: int
) -> PackagePage:
    from fraudlink.share.package import package_box

    items, last = package_box(session, who.principal, direction, after(cursor), limit)
    return PackagePage.model_validate({"items": items, "next_cursor": next_cursor(last)})


@router.get(
    "/inbox",
    name="list_inbox",
    response_model=PackagePage,
    responses=responses(400, 401, 403, 429),
)
def inbox(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> PackagePage:
    """Packages your agency (or a unit) received and opened, oldest first."""
    return _page(session, who, "inbound", cursor, limit)


@router.get(
    "/outbox",
    name="list_outbox",
    response_model=PackagePage,
    responses=responses(400, 401, 403, 429),
)
def outbox(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> PackagePage:
    """Packages your agency (or a unit) made: awaiting approval, sent, retracted, corrected."""
    return _page(session, who, "outbound", cursor, limit)


@router.post(
    "/open",
    name="open_package",
    response_model=Opened,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
    responses=responses(400, 401, 403, 413, 422, 429),
)
async def open_upload(
    request: Request, who: CallerDep, store: DatabaseDep, x_agency_passphrase: PassphraseHeader
) -> Opened:
    """Verify, decrypt and import an uploaded package addressed to your agency; any failed
    check imports nothing."""
    from fraudlink.share import open_package

    data = await request.body()
    if not data:
        raise InputError("Send the package file as the request body (application/octet-stream).")
    evidence = _settings(request).evidence_dir
    with tempfile.TemporaryDirectory(prefix="fraudlink-upload-") as folder:
        path = Path(folder) / "upload.flpkg"
        path.write_bytes(data)
        received = await run_in_threadpool(
            open_package, store, path, x_agency_passphrase, evidence, who.principal
        )
    return Opened.model_validate(received.as_json())


@router.get(
    "/{package_id}",
    name="get_package",
    response_model=Package,
    responses=responses(401, 403, 404, 428, 429),
)
def read(package_id: PackageId, who: CallerDep, store: DatabaseDep, session: SessionDep) -> Package:
    """What will leave (rebuilt as approval would, with the safeguards' verdict) or what
    arrived; read before approving. Audited with your X-Purpose."""
    from fraudlink.share.show import show_package

    view = show_package(store, package_id, who.principal)
    audit_read(session, who.principal, who.justification, "share_package", [view.package_id])  # type: ignore[list-item]
    return Package.model_validate(view.as_json())


@router.post(
    "/{package_id}/approve",
    name="approve_package",
    response_model=Outcome,
    responses=responses(400, 401, 403, 404, 422, 429),
)
async def approve(
    package_id: PackageId,
    who: CallerDep,
    store: DatabaseDep,
    x_agency_passphrase: PassphraseHeader,
) -> Outcome:
    """Release a waiting package: a supervisor of the sending agency who did not create it."""
    from fraudlink.share import approve as approve_package

    outcome = await run_in_threadpool(
        approve_package, store, package_id, who.principal, x_agency_passphrase
    )
    return _outcome(outcome)


@router.post(
    "/{package_id}/retract",
    name="retract_package",
    status_code=status.HTTP_201_CREATED,
    response_model=Outcome,
    responses=responses(400, 401, 403, 404, 422, 429),
)
async def retract(
    package_id: PackageId,
    body: ReasonIn,
    request: Request,
    who: CallerDep,
    store: DatabaseDep,
    x_agency_passphrase: PassphraseHeader,
) -> Outcome:
    """Write a follow-up package that withdraws one sent earlier."""
    from fraudlink.share import retract as retract_package

    out = _out(_settings(request))
    outcome = await run_in_threadpool(
        retract_package, store, package_id, body.reason, who.principal, out, x_agency_passphrase
    )
    return _outcome(outcome)


@router.post(
    "/{package_id}/correct",
    name="correct_package",
    status_code=status.HTTP_201_CREATED,
    response_model=Outcome,
    responses=responses(400, 401, 403, 404, 422, 429),
)
async def correct(
    package_id: PackageId,
    body: ReasonIn,
    request: Request,
    who: CallerDep,
    store: DatabaseDep,
    x_agency_passphrase: PassphraseHeader,
) -> Outcome:
    """Resend the package from the records as they are now; the receiver replaces its copy."""
    from fraudlink.share import correct as correct_package

    out = _out(_settings(request))
    outcome = await run_in_threadpool(
        correct_package, store, package_id, body.reason, who.principal, out, x_agency_passphrase
    )
    return _outcome(outcome)


@router.get(
    "/{package_id}/file",
    name="download_package",
    response_class=FileResponse,
    responses={
        200: {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
            "description": "The signed, encrypted package, to hand to the receiving agency.",
        },
        **responses(401, 403, 404, 429),
    },
)
def download(package_id: PackageId, who: CallerDep, session: SessionDep) -> FileResponse:
    """The written package file of a package your agency sent."""
    from fraudlink.share.package import written_file

    path = written_file(session, package_id, who.principal)
    return FileResponse(path, media_type="application/octet-stream", filename=path.name)
