"""Templates: one Jinja2 environment, autoescaped, with gettext and Babel formatting.

Every value reaches the HTML through autoescape; nothing in this package marks
user data safe (the narrative's highlighted spans are built from escaped parts).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from fraudlink.web import i18n
from fraudlink.web.labels import label
from fraudlink.web.sessions import SignedIn


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("fraudlink.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        label=label, date=i18n.date, datetime=i18n.datetime, number=i18n.number, money=i18n.money
    )
    env.globals.update(languages=i18n.LANGUAGES)
    return env


def page(
    request: Request,
    template: str,
    viewer: SignedIn | None,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The page in the request's language; ``lang`` was settled by the viewer dependency."""
    language = getattr(request.state, "language", i18n.DEFAULT)
    token = i18n.current.set(language)
    try:
        html = (
            environment()
            .get_template(template)
            .render(
                request=request,
                viewer=viewer,
                lang=language,
                csrf=viewer.csrf if viewer else getattr(request.state, "pre_csrf", ""),
                path=request.url.path,
                **(context or {}),
            )
        )
    finally:
        i18n.current.reset(token)
    return HTMLResponse(html, status, headers=getattr(request.state, "set_headers", None))
