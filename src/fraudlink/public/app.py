"""The public server: one app object over the published index and the dispute spool.

``create_app(settings)`` builds everything once; views only read ``Service``.
JSON under ``/v1`` answers errors as RFC 9457 problem+json; pages answer them
as an HTML page in the reader's language. Neither ever shows a traceback.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fraudlink.errors import FraudlinkError
from fraudlink.public.index import PublicIndex
from fraudlink.public.logs import ValueHasher, log
from fraudlink.public.ratelimit import Limiter, RateLimited, make_limiter
from fraudlink.public.settings import PublicSettings


@dataclass
class Service:
    settings: PublicSettings
    index: PublicIndex
    limiter: Limiter
    hasher: ValueHasher

    def client(self, request: Request) -> str:
        return self.client_of(request.scope)

    def client_of(self, scope: Scope) -> str:
        """The client's address: the peer's, or behind a trusted proxy the first forwarded."""
        if self.settings.trust_forwarded:
            for name, value in scope.get("headers") or ():
                if name == b"x-forwarded-for":
                    first: str = value.decode("latin-1").split(",", 1)[0].strip()
                    if first:
                        return first
                    break
        peer = scope.get("client")
        return str(peer[0]) if peer else "unknown"

    def limit(self, request: Request) -> None:
        self.limiter.hit(self.client(request))

    def log_request(self, scope: Scope, status: int, started: float, client: str,
                    value_hash: str | None) -> None:  # fmt: skip
        """One line: method, path without its query, status, time, hashed client and value."""
        if log.isEnabledFor(logging.INFO):
            log.info("%s %s %s %.1fms client=%s value=%s", scope["method"], scope["path"], status,
                     (time.perf_counter() - started) * 1000, self.hasher.client(client),
                     value_hash or "-")  # fmt: skip


async def service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


def create_app(settings: PublicSettings) -> FastAPI:
    from fraudlink.public import api, pages

    app = PublicApp(
        title="fraudlink public check",
        docs_url=None,
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.service = svc = Service(
        settings=settings,
        index=PublicIndex(settings.index),
        limiter=make_limiter(settings.redis_url, settings.rate_limit, settings.rate_window),
        hasher=ValueHasher(settings.log_key),
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    _errors(app)
    app.add_middleware(RequestLog, service=svc)
    app.hot = api.CheckEndpoint(svc)  # logs its own line, as RequestLog does the others
    return app


class PublicApp(FastAPI):
    """FastAPI, but ``GET /v1/check``, the one path asked thousands of times a second, goes
    straight to ``hot`` (logged like the rest) without the middleware stack and router."""

    hot: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hot = self.hot
        if (hot is not None and scope["type"] == "http" and scope["path"] == "/v1/check"
                and scope["method"] == "GET"):  # fmt: skip
            await hot(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def app_from_env() -> FastAPI:
    """One worker's app, its settings from ``FRAUDLINK_PUBLIC_*`` (uvicorn ``--workers``)."""
    _configure_logging()
    return create_app(PublicSettings())


def _configure_logging() -> None:
    from fraudlink.public.logs import quicker_records

    quicker_records()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")


def serve(index: Path, disputes: Path | None, host: str, port: int, workers: int) -> None:
    """Run uvicorn (uvloop and httptools when installed); several workers share the port.

    Each worker opens the index read-only itself. The log key is drawn once here, so
    every worker logs the same hash for the same value.
    """
    import os
    import secrets

    import uvicorn

    os.environ["FRAUDLINK_PUBLIC_INDEX"] = str(index)
    if disputes is not None:
        os.environ["FRAUDLINK_PUBLIC_DISPUTES"] = str(disputes)
    os.environ.setdefault("FRAUDLINK_PUBLIC_LOG_KEY", secrets.token_hex(32))
    settings = PublicSettings()
    PublicIndex(settings.index).close()  # a missing or foreign file fails here, once
    _configure_logging()
    # uvicorn's access log prints the query string, i.e. the value checked: ours hashes it
    options: dict[str, Any] = {"host": host, "port": port, "access_log": False}
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    uvicorn.run("fraudlink.public.app:app_from_env", factory=True, workers=workers,
                timeout_worker_healthcheck=120, **options)  # fmt: skip


class RequestLog:
    """Pure ASGI middleware: one line per request, the path without its query, values hashed.

    Pure ASGI rather than ``BaseHTTPMiddleware``, which adds a task group to every request.
    """

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app, self.service = app, service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = scope.setdefault("state", {})
        state["value_hash"] = None
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            svc = self.service
            svc.log_request(
                scope, status[0], started, svc.client_of(scope), state.get("value_hash")
            )


def problem(
    status: int, title: str, detail: str, headers: dict[str, str] | None = None
) -> Response:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return JSONResponse(body, status, headers=headers, media_type="application/problem+json")


def problem_for(error: FraudlinkError) -> Response:
    """A problem+json answer for one of ours; a 429 says when to try again."""
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, RateLimited) else None
    return problem(error.status, error.title, error.message, headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/v1/")


def _errors(app: FastAPI) -> None:
    from fraudlink.public.pages import error_page

    async def on_error(request: Request, error: Exception) -> Response:
        status, title, detail = 500, "Internal error", "Something went wrong; try again later."
        headers: dict[str, str] = {}
        if isinstance(error, FraudlinkError):
            status, title, detail = error.status, error.title, error.message
            if isinstance(error, RateLimited):
                headers["Retry-After"] = str(error.retry_after)
        elif isinstance(error, RequestValidationError):
            status, title = 400, "Bad input"
            detail = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()
            )
        elif isinstance(error, HTTPException):
            status, title, detail = error.status_code, str(error.detail), str(error.detail)
        else:
            logging.getLogger("fraudlink.public").exception("unhandled error")
        if _wants_json(request):
            return problem(status, title, detail, headers)
        return error_page(request, status, detail, headers)

    for kind in (FraudlinkError, RequestValidationError, HTTPException, Exception):
        app.add_exception_handler(kind, on_error)
