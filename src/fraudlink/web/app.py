"""Mount the pages, their static files and their error pages on the server's app."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from fraudlink.errors import FraudlinkError
from fraudlink.web import tables as tables
from fraudlink.web.deps import LANG_COOKIE, Redirect
from fraudlink.web.i18n import negotiate
from fraudlink.web.middleware import PageHeaders
from fraudlink.web.render import page
from fraudlink.web.routes import ROUTERS

log = logging.getLogger("fraudlink.web")
Handler = Callable[[Request, Exception], Response | Awaitable[Response]]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, exc: Exception) -> Response:
    if isinstance(exc, Redirect):
        return RedirectResponse(exc.location, 303)
    if isinstance(exc, FraudlinkError):
        status, message = exc.status, exc.message
    elif isinstance(exc, HTTPException):
        status, message = exc.status_code, ""
    elif isinstance(exc, RequestValidationError):
        status, message = 400, ""
    else:
        log.exception("page failed", extra={"path": request.url.path})
        status, message = 500, ""
    if not hasattr(request.state, "language"):
        request.state.language = negotiate(
            request.query_params.get("lang") or request.cookies.get(LANG_COOKIE),
            request.headers.get("accept-language"),
        )
    return page(request, "error.html", None, {"status": status, "message": message}, status)


def _dispatch(api_handler: Handler) -> Handler:
    """The API keeps its problem+json; a page answers an HTML page in the viewer's language."""

    async def handle(request: Request, exc: Exception) -> Response:
        if not _is_api(request):
            return _error_page(request, exc)
        answer = api_handler(request, exc)
        return await answer if isinstance(answer, Awaitable) else answer

    return handle


def install(app: FastAPI) -> None:
    for router in ROUTERS:
        app.include_router(router, include_in_schema=False)
    static = files("fraudlink.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for kind in (FraudlinkError, HTTPException, RequestValidationError, Exception):
        app.exception_handlers[kind] = _dispatch(app.exception_handlers[kind])
    app.add_middleware(PageHeaders)
