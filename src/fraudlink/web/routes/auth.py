"""Sign-in, sign-out, and the purpose asked once before reading personal data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from fraudlink.web.deps import (
    FormDep,
    MaybeViewerDep,
    SessionDep,
    SignedFormDep,
    ViewerDep,
    safe_next,
    see_other,
    set_cookie,
)
from fraudlink.web.render import page
from fraudlink.web.sessions import COOKIE, set_purpose, sign_in, sign_out

router = APIRouter(tags=["pages"])


@router.get("/sign-in", name="web_sign_in", response_class=HTMLResponse)
def sign_in_page(request: Request, found: MaybeViewerDep, next: str = "/") -> HTMLResponse:
    return page(request, "sign_in.html", None, {"next": safe_next(next), "failed": False})


@router.post("/sign-in", name="web_sign_in_post", response_model=None)
def sign_in_form(
    request: Request,
    _: FormDep,
    opened: SessionDep,
    username: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> HTMLResponse | RedirectResponse:
    key = sign_in(opened, username, password)
    if key is None:
        context = {"next": safe_next(next), "failed": True, "username": username}
        return page(request, "sign_in.html", None, context, 401)
    set_cookie(request, COOKIE, key)
    return see_other(safe_next(next))


@router.post("/sign-out", name="web_sign_out")
def sign_out_form(request: Request, _: SignedFormDep, opened: SessionDep) -> RedirectResponse:
    sign_out(opened, request.cookies.get(COOKIE))
    set_cookie(request, COOKIE, "", 0)
    return see_other("/sign-in")


@router.get("/purpose", name="web_purpose", response_class=HTMLResponse)
def purpose_page(request: Request, viewer: ViewerDep, next: str = "/") -> HTMLResponse:
    return page(request, "purpose.html", viewer, {"next": safe_next(next)})


@router.post("/purpose", name="web_purpose_post")
def purpose_form(
    request: Request,
    viewer: SignedFormDep,
    opened: SessionDep,
    purpose: Annotated[str, Form(min_length=3, max_length=500)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> RedirectResponse:
    set_purpose(opened, viewer.session_id, purpose.strip())
    return see_other(safe_next(next))
