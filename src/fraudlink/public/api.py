"""``/v1``: the identifier check, the job-offer check and disputes, as JSON."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from fraudlink.public.app import Service, service

router = APIRouter(prefix="/v1")
Svc = Annotated[Service, Depends(service)]


@router.get("/check")
async def check_identifier(
    request: Request,
    svc: Svc,
    kind: Annotated[str, Query(max_length=16)],
    value: Annotated[str, Query(max_length=512)],
    country: Annotated[str | None, Query(max_length=2)] = None,
) -> dict[str, object]:
    """Has this identifier been reported? Only counts, days and scam types are ever answered.

    ``async`` although it blocks: the lookup takes a fraction of a millisecond, less than
    the hop to a worker thread would cost.
    """
    from fraudlink.public.check import check

    svc.limit(request)
    svc.index.refresh()
    result = check(svc.index, kind, value, country)
    request.state.value_hash = svc.hasher(kind, result.value)
    return result.answer


class JobCheckIn(BaseModel):
    text: str = Field(max_length=20_000)
    lang: str = Field(default="en", max_length=8)
    nationality: str | None = Field(default=None, max_length=2)


@router.post("/jobcheck")
def check_job(request: Request, svc: Svc, body: JobCheckIn) -> dict[str, object]:
    """How much a job advert looks like a scam-compound lure, with reasons and advice."""
    from fraudlink.public.i18n import negotiate
    from fraudlink.public.jobcheck import assess

    svc.limit(request)
    svc.index.refresh()
    language = negotiate(body.lang, None)
    return assess(body.text, language=language, nationality=body.nationality,
                  index=svc.index).as_json()  # fmt: skip


class DisputeIn(BaseModel):
    kind: str = Field(max_length=16)
    value: str = Field(max_length=512)
    country: str | None = Field(default=None, max_length=2)
    message: str = Field(default="", max_length=2000)
    contact: str = Field(default="", max_length=200)


@router.post("/disputes", status_code=201)
def dispute(request: Request, svc: Svc, body: DisputeIn) -> dict[str, object]:
    """File "this is mine, reported by mistake"; answers the reference to keep."""
    from fraudlink.public.check import candidates
    from fraudlink.public.disputes import file_dispute

    svc.limit(request)
    kind, value = candidates(body.kind, body.value, body.country)[0]
    reference = file_dispute(svc.settings.dispute_path(), kind, value, body.message, body.contact)
    return {"reference": reference, "status": "open"}
