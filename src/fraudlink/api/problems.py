"""RFC 9457 problem details from the one exception root, for every error the API answers.

A ``FraudlinkError`` carries its status and a message that says what to do;
validation errors list each field; anything unexpected becomes a plain 500
problem (the traceback goes to the log, never to the client).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from fraudlink.errors import FraudlinkError

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("fraudlink.api")


class FieldProblem(BaseModel):
    field: str = Field(examples=["query.limit"])
    message: str = Field(examples=["Input should be less than or equal to 200"])


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(examples=["/problems/not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No report KH-NPA/R-1 is visible to you."])
    instance: str | None = Field(default=None, examples=["/api/v1/reports/KH-NPA/R-1"])
    errors: list[FieldProblem] | None = None


#: Path prefixes whose errors another standard defines (TAXII 2.1 error objects), and how.
Renderer = Callable[[Request, int, str, str, dict[str, str] | None], JSONResponse]
RENDERERS: dict[str, Renderer] = {}


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    kind: str,
    errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    for prefix, render in RENDERERS.items():
        if request.url.path.startswith(prefix):
            return render(request, status, title, detail, headers)
    body = Problem(
        type=f"/problems/{kind}",
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True), status, headers=headers, media_type=MEDIA_TYPE
    )


def _fraudlink(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FraudlinkError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if exc.status >= 500:
        log.error("error answered", extra={"path": request.url.path, "problem": exc.message})
    return problem(
        request, exc.status, exc.title, exc.message, _slug(type(exc).__name__), headers=headers
    )


def _field(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldProblem(field=_field(tuple(e.get("loc", ()))), message=str(e.get("msg", "")))
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors[:5])
    return problem(request, 422, "Invalid request", detail, "invalid-request", errors)


def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "The request cannot be served."
    title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
    return problem(request, exc.status_code, title, detail, _slug(title.replace(" ", "")))


def _busy(request: Request, exc: Exception) -> JSONResponse:
    """Every database connection stayed taken for the pool's whole wait: the server is
    overloaded, not broken, so the client is told to come back (503 with Retry-After)."""
    log.warning("no database connection free", extra={"path": request.url.path})
    return problem(
        request,
        503,
        "Server busy",
        "The server is busy; send the same request again in a few seconds.",
        "busy",
        headers={"Retry-After": "2"},
    )


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", extra={"path": request.url.path})
    return problem(
        request,
        500,
        "Internal error",
        "The server failed on this request; it is logged, tell your administrator.",
        "internal-error",
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(FraudlinkError, _fraudlink)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(PoolTimeout, _busy)
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems a route may answer (``document`` fixes their media type)."""
    return {status: {"model": Problem, "description": "A problem"} for status in statuses}


PROBLEM_CONTENT = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
COMMON = {
    "400": "The input cannot be used; detail says why.",
    "422": "The request's fields are invalid; each is named in errors.",
    "500": "The server failed; nothing is told but that.",
}


def _as_problems(operation: dict[str, Any]) -> None:
    answers = operation.setdefault("responses", {})
    for status, text in COMMON.items():
        answers[status] = {"description": text}
    for status, answer in answers.items():
        if int(status) >= 400:
            answer["content"] = PROBLEM_CONTENT


def document(app: FastAPI) -> None:
    """Every error in the OpenAPI document is what the handlers send: problem+json."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    _as_problems(operation)
            for unused in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(unused, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
