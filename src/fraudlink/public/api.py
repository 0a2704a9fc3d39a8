"""``/v1``: the identifier check, the job-offer check and disputes, as JSON."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Receive, Scope, Send

from fraudlink.errors import FraudlinkError
from fraudlink.public.app import Service, problem_for, service
from fraudlink.public.check import PUBLIC_KINDS, check

router = APIRouter(prefix="/v1")
Svc = Annotated[Service, Depends(service)]


class CheckAnswer(BaseModel):
    """Counts, days, scam types and victims' countries: never a name, story or report."""

    reported: bool
    official: bool | None = None
    reports: int | None = None
    victims: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    scam_types: list[str] | None = None
    victim_countries: list[str] | None = None


_CHECK_PARAMETERS = [
    {"name": "kind", "in": "query", "required": True,
     "schema": {"type": "string", "enum": list(PUBLIC_KINDS)}},
    {"name": "value", "in": "query", "required": True,
     "schema": {"type": "string", "maxLength": 512}},
    {"name": "country", "in": "query", "required": False,
     "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
     "description": "where a local number was written, e.g. KH"},
]  # fmt: skip


@router.get(
    "/check",
    response_class=Response,
    responses={200: {"model": CheckAnswer}},
    openapi_extra={"parameters": _CHECK_PARAMETERS},
)
async def check_identifier(request: Request) -> Response:
    """Has this identifier been reported? Only counts, days and scam types are ever answered.

    ``CheckFastPath`` answers this path before FastAPI routes it; the route stays so the
    OpenAPI document describes it and an app without the middleware answers the same.
    """
    return answer_check(request.app.state.service, request)


def answer_check(svc: Service, request: Request) -> Response:
    """The hot path, kept thin: the query read by hand (``check`` validates it), the answer
    serialised once rather than validated against a model. It blocks, but for less time
    than a hop to a worker thread would take."""
    query = request.query_params
    svc.limit(request)
    svc.index.refresh()
    result = check(svc.index, query.get("kind", ""), query.get("value", ""), query.get("country"))
    request.state.value_hash = svc.hasher(result.kind, result.value)
    body = json.dumps(result.answer, separators=(",", ":"))
    return Response(body, media_type="application/json")


class CheckFastPath:
    """Pure ASGI: ``GET /v1/check`` answered without FastAPI's routing and dependency solving,
    which cost more than the check itself; every other request goes on to the app."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app, self.service = app, service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/check" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        try:
            response = answer_check(self.service, Request(scope))
        except FraudlinkError as error:
            response = problem_for(error)
        await response(scope, receive, send)


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
