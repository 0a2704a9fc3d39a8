"""Evidence files of a case: upload one (streamed, hashed, its custody started), list them
with their chain of custody, download one (logged in the chain and audited)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from fraudlink.access.evidence import attach_evidence_as, download_evidence_as, list_evidence_as
from fraudlink.api.deps import CallerDep, DatabaseDep, SessionDep
from fraudlink.api.models import NO_NUL
from fraudlink.api.problems import responses
from fraudlink.settings import Settings
from fraudlink.share.evidence import Spool, acquisition

router = APIRouter(prefix="/cases", tags=["evidence"])
SHA256 = Annotated[str, PathParam(pattern="^[0-9a-fA-F]{64}$", examples=["9f86d0" + "0" * 58])]
Text = Annotated[str, Query(min_length=1, max_length=2000, pattern=NO_NUL)]
UPLOAD: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


class Custody(BaseModel):
    seq: int
    action: str = Field(examples=["acquired"])
    actor: str
    agency: str
    at: str
    package_id: str | None
    note: str | None
    prev_hash: str
    hash: str


class AcquisitionView(BaseModel):
    by: str
    at: str
    method: str = Field(examples=["seized phone, forensic image"])
    authorisation: str = Field(examples=["warrant 2026/117"])


class Evidence(BaseModel):
    sha256: str
    name: str
    size: int
    tlp: str
    held: bool = Field(description="whether this server holds the file itself")
    acquisition: AcquisitionView
    custody: list[Custody]


class EvidenceList(BaseModel):
    items: list[Evidence]


@router.post(
    "/{reference}/evidence",
    name="attach_case_evidence",
    status_code=status.HTTP_201_CREATED,
    response_model=Evidence,
    openapi_extra=UPLOAD,
    responses=responses(400, 401, 403, 404, 413, 429),
)
async def attach(
    reference: str,
    request: Request,
    who: CallerDep,
    store: DatabaseDep,
    name: Annotated[str, Query(min_length=1, max_length=255, pattern=NO_NUL)],
    method: Text,
    authorisation: Text,
    acquired_by: Annotated[str | None, Query(max_length=128, pattern=NO_NUL)] = None,
    acquired_at: dt.datetime | None = None,
) -> Evidence:
    """Attach a file to a case your agency leads: the body is the file's bytes, streamed
    to the evidence store and hashed on the way; how it was obtained is required. The
    same file twice is one item, its custody log gains another "uploaded"."""
    acq = acquisition(acquired_by or who.principal.username, acquired_at, method, authorisation)
    settings: Settings = request.app.state.settings
    with Spool(settings.evidence_dir) as spool:
        async for chunk in request.stream():
            spool.write(chunk)

        def store_it() -> dict[str, Any]:
            with store.session() as session:
                return attach_evidence_as(
                    session, who.principal, reference, spool, name, acq, settings.evidence_dir
                )

        stored = await run_in_threadpool(store_it)
    return Evidence.model_validate(stored)


@router.get(
    "/{reference}/evidence",
    name="list_case_evidence",
    response_model=EvidenceList,
    responses=responses(401, 403, 404, 428, 429),
)
def index(reference: str, who: CallerDep, session: SessionDep) -> EvidenceList:
    """The case's evidence you may see, each with its acquisition and chain of custody."""
    items = list_evidence_as(session, who.principal, reference, who.justification)
    return EvidenceList.model_validate({"items": items})


@router.get(
    "/{reference}/evidence/{sha256}",
    name="download_case_evidence",
    response_class=FileResponse,
    responses={
        200: {"content": {"application/octet-stream": {}}, "description": "The file."},
        **responses(400, 401, 403, 404, 409, 428, 429),
    },
)
def download(reference: str, sha256: SHA256, who: CallerDep, session: SessionDep) -> FileResponse:
    """The evidence file, streamed; the download is logged in its chain of custody and
    audited with your X-Purpose. ``X-Evidence-SHA256`` carries the hash to check."""
    path, name, digest = download_evidence_as(
        session, who.principal, reference, sha256, who.justification
    )
    return FileResponse(
        path,
        media_type="application/octet-stream",
        filename=name,
        headers={"X-Evidence-SHA256": digest},
    )
