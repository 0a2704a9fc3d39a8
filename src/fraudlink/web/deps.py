"""What every page handler takes: the signed-in viewer (or a redirect to sign-in), the
language, the CSRF check of forms and the audited purpose of reads of personal data.

Cookies a dependency wants set go into ``request.state.cookies``; the pages'
middleware (``web.middleware``) writes them on whatever response leaves.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from fraudlink.api.deps import DatabaseDep
from fraudlink.errors import FraudlinkError
from fraudlink.web import i18n
from fraudlink.web.sessions import COOKIE, SignedIn, current, set_language

LANG_COOKIE = "fl_lang"
PRE_COOKIE = "fl_pre"
CSRF_HEADER = "x-csrf-token"


def web_session(store: DatabaseDep) -> Iterator[Session]:
    """A page's session: it commits when the handler returns, before the answer leaves.

    Function-scoped like the API's, so a browser that follows a redirect at once
    finds the session just signed in or the job just queued, and a commit that
    fails is answered with the error page instead of after the page already left.
    """
    with store.sessions() as opened:
        try:
            yield opened
        except BaseException:
            opened.rollback()
            raise
        opened.commit()


SessionDep = Annotated[Session, Depends(web_session, scope="function")]


class Redirect(FraudlinkError):
    """Not an error the viewer reads: the pages' handler answers it with a 303 to ``location``."""

    status = 303
    title = "See other"

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class BadForm(FraudlinkError):
    """A form without the right CSRF token: it was not sent by one of our pages."""

    status = 403
    title = "Form refused"


def set_cookie(request: Request, name: str, value: str, max_age: int | None = None) -> None:
    cookies: list[tuple[str, str, int | None]] = getattr(request.state, "cookies", [])
    cookies.append((name, value, max_age))
    request.state.cookies = cookies


def _language(request: Request, viewer: SignedIn | None, opened: SessionDep) -> str:
    asked = request.query_params.get("lang")
    if asked in i18n.LANGUAGES:
        set_cookie(request, LANG_COOKIE, asked, 365 * 86400)
        if viewer is not None and viewer.language != asked:
            set_language(opened, viewer.principal.user_id, asked)
        return asked
    if viewer is not None and viewer.language in i18n.LANGUAGES:
        return viewer.language
    cookie = request.cookies.get(LANG_COOKIE)
    return i18n.negotiate(cookie, request.headers.get("accept-language"))


def maybe_viewer(request: Request, opened: SessionDep) -> SignedIn | None:
    """The viewer if signed in; also settles the page language and the sign-in form token."""
    request.state.db_session = opened
    viewer = current(opened, request.cookies.get(COOKIE))
    request.state.language = _language(request, viewer, opened)
    if viewer is None:
        pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(32)
        if PRE_COOKIE not in request.cookies:
            set_cookie(request, PRE_COOKIE, pre)
        request.state.pre_csrf = pre
    return viewer


MaybeViewerDep = Annotated[SignedIn | None, Depends(maybe_viewer)]


def _here(request: Request) -> str:
    query = f"?{request.url.query}" if request.url.query else ""
    return quote(request.url.path + query, safe="/?=&")


def viewer(request: Request, found: MaybeViewerDep) -> SignedIn:
    if found is None:
        raise Redirect(f"/sign-in?next={quote(_here(request), safe='')}")
    return found


ViewerDep = Annotated[SignedIn, Depends(viewer)]


def purposeful(request: Request, found: ViewerDep) -> SignedIn:
    """Pages that read personal data first ask why (audited with every read), once per session."""
    if not found.purpose:
        raise Redirect(f"/purpose?next={quote(_here(request), safe='')}")
    return found


PurposeDep = Annotated[SignedIn, Depends(purposeful)]


async def check_form(request: Request, found: MaybeViewerDep) -> SignedIn | None:
    """Every POST of the pages carries the session's CSRF token, in the form or a header."""
    expected = found.csrf if found else request.cookies.get(PRE_COOKIE, "")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        sent = str(form.get("csrf", ""))
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise BadForm("This form expired or did not come from these pages; reload and send again.")
    return found


FormDep = Annotated[SignedIn | None, Depends(check_form)]


async def signed_form(found: FormDep) -> SignedIn:
    if found is None:
        raise Redirect("/sign-in")
    return found


SignedFormDep = Annotated[SignedIn, Depends(signed_form)]


def commit(request: Request) -> None:
    """Commit the page's writes so far, midway: before a stage that writes in its own
    transaction, which would otherwise wait for this one's lock (SQLite)."""
    opened = getattr(request.state, "db_session", None)
    if opened is not None:
        opened.commit()


def see_other(location: str) -> RedirectResponse:
    """A 303 after a form; the session commits as the handler returns (``web_session``)."""
    return RedirectResponse(location, 303)


def safe_next(target: str | None) -> str:
    """Only a path of this site, never another host (an open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
