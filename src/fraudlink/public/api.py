"""``/v1``: the identifier check, the job-offer check and disputes, as JSON."""

from __future__ import annotations

import json
import time
from typing import Annotated
from urllib.parse import unquote_plus

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.types import Receive, Scope, Send

from fraudlink.errors import FraudlinkError
from fraudlink.public.app import Service, problem, problem_for, service
from fraudlink.public.check import PUBLIC_KINDS, check
from fraudlink.public.logs import log

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

    ``PublicApp`` hands this path to ``CheckEndpoint`` before FastAPI sees it; the route
    stays so that the OpenAPI document describes it.
    """
    return answer_check(request.app.state.service, request)


def answer_check(svc: Service, request: Request) -> Response:
    """The check as a ``Response`` (the route's view); ``CheckEndpoint`` answers it faster."""
    query = request.query_params
    svc.limit(request)
    svc.index.refresh()
    result = check(svc.index, query.get("kind", ""), query.get("value", ""), query.get("country"))
    request.state.value_hash = svc.hasher(result.kind, result.value)
    body = json.dumps(result.answer, separators=(",", ":"))
    return Response(body, media_type="application/json")


_JSON_HEADERS = [(b"content-type", b"application/json")]


def _query(raw: bytes) -> dict[str, str]:
    """``kind``, ``value`` and ``country`` of a query string (the first of each), nothing
    else: what Starlette's ``QueryParams`` gives, without building a multi-dict."""
    found: dict[str, str] = {}
    for pair in raw.decode("latin-1").split("&"):
        name, _, text = pair.partition("=")
        if name in _WANTED and name not in found:
            found[name] = unquote_plus(text, encoding="utf-8", errors="replace")
    return found


_WANTED = frozenset({"kind", "value", "country"})


class CheckEndpoint:
    """Pure ASGI: ``GET /v1/check`` answered ahead of FastAPI's middleware, routing and
    dependency solving, which together cost more than the check itself.

    It logs its own line, the same as ``RequestLog`` writes for every other path, and
    sends the answer's two messages itself rather than through a ``Response`` object.
    """

    def __init__(self, service: Service) -> None:
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        svc = self.service
        client = svc.client_of(scope)
        value_hash = "-"
        try:
            query = _query(scope["query_string"])
            svc.limiter.hit(client)
            svc.index.refresh()
            result = check(svc.index, query.get("kind", ""), query.get("value", ""),
                           query.get("country"))  # fmt: skip
            value_hash = svc.hasher(result.kind, result.value)
            body = json.dumps(result.answer, separators=(",", ":")).encode()
        except FraudlinkError as error:
            response = problem_for(error)
        except Exception:  # a bug: said in one line to the client, in full in the log
            log.exception("unhandled error in the check")
            response = problem(500, "Internal error", "Something went wrong; try again later.")
        else:
            headers = [*_JSON_HEADERS, (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            svc.log_request(scope, 200, started, client, value_hash)
            return
        await response(scope, receive, send)
        svc.log_request(scope, response.status_code, started, client, value_hash)


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
