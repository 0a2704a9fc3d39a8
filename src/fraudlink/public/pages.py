"""The HTML pages: server-rendered forms that work without JavaScript, in five languages."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from fraudlink.errors import FraudlinkError, InputError
from fraudlink.public.app import Service, service
from fraudlink.public.i18n import LANGUAGES, negotiate, translations

router = APIRouter()
Svc = Annotated[Service, Depends(service)]
MAX_FORM = 64 * 1024


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("fraudlink.public", "templates"),
        autoescape=select_autoescape(["html"]),
        auto_reload=False,
    )


def _kinds(gettext: Any) -> list[tuple[str, str]]:
    return [
        ("phone", gettext("Phone number")),
        ("account", gettext("Bank account")),
        ("wallet", gettext("Crypto wallet")),
        ("url", gettext("Link (URL)")),
        ("domain", gettext("Website (domain)")),
        ("email", gettext("E-mail")),
        ("telegram", "Telegram"),
        ("whatsapp", "WhatsApp"),
        ("line", "LINE"),
        ("wechat", gettext("WeChat")),
        ("kakao", gettext("KakaoTalk")),
    ]


def render(
    request: Request, template: str, lang: str, status: int = 200,
    headers: dict[str, str] | None = None, **context: Any,
) -> HTMLResponse:  # fmt: skip
    catalog = translations(lang)

    def gettext(message: str, **values: object) -> str:
        text = catalog.gettext(message)
        return text % values if values else text

    context.setdefault("form", {})
    page = _environment().get_template(template).render(
        _=gettext, lang=lang, languages=LANGUAGES, path=request.url.path,
        kinds=_kinds(gettext), **context,
    )  # fmt: skip
    return HTMLResponse(page, status, headers=headers)


def language(request: Request, asked: str | None = None) -> str:
    return negotiate(asked or request.query_params.get("lang"),
                     request.headers.get("accept-language"))  # fmt: skip


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    return render(request, "error.html", language(request), status, headers, message=message)


async def _form(request: Request) -> dict[str, str]:
    """A urlencoded form read by hand: small, and no multipart parser to install."""
    body = await request.body()
    if len(body) > MAX_FORM:
        raise InputError("The form is too long; shorten the text and send it again.")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {key: values[0] for key, values in fields.items()}


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, svc: Svc) -> Response:
    from fraudlink.public.check import check

    lang = language(request)
    form = dict(request.query_params)
    if not form.get("value"):
        return render(request, "index.html", lang, form=form)
    try:
        svc.limit(request)
        svc.index.refresh()
        result = check(svc.index, form.get("kind", "phone"), form["value"], form.get("country"))
    except InputError as error:
        return render(request, "index.html", lang, 400, form=form, error=error.message)
    request.state.value_hash = svc.hasher(result.kind, result.value)
    return render(request, "index.html", lang, form=form, result=result)


@router.get("/job", response_class=HTMLResponse)
def job_form(request: Request) -> Response:
    return render(request, "job.html", language(request))


@router.post("/job", response_class=HTMLResponse)
async def job_check(request: Request, svc: Svc) -> Response:
    from fraudlink.public.jobcheck import assess

    form = await _form(request)
    lang = language(request, form.get("lang"))
    svc.limit(request)
    try:
        svc.index.refresh()
        found = assess(form.get("text", ""), language=lang,
                       nationality=form.get("nationality"), index=svc.index)  # fmt: skip
    except InputError as error:
        return render(request, "job.html", lang, 400, form=form, error=error.message)
    catalog = translations(lang)
    levels = {k: catalog.gettext(k) for k in ("high", "medium", "low")}
    return render(request, "job.html", lang, form=form, assessment=found, levels=levels,
                  highlighted=highlight(found.text, found))  # fmt: skip


def highlight(text: str, found: Any) -> list[tuple[str, bool]]:
    """The text cut into plain and marked parts, marks merged where reasons overlap."""
    spans = sorted((h.start, h.end) for r in found.reasons for h in r.hits)
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if end <= at:
            continue
        start = max(start, at)
        if start > at:
            parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    parts.append((text[at:], False))
    return parts


@router.get("/dispute", response_class=HTMLResponse)
def dispute_form(request: Request) -> Response:
    return render(request, "dispute.html", language(request))


@router.post("/dispute", response_class=HTMLResponse)
async def dispute(request: Request, svc: Svc) -> Response:
    from fraudlink.public.check import candidates
    from fraudlink.public.disputes import file_dispute

    form = await _form(request)
    lang = language(request, form.get("lang"))
    svc.limit(request)
    try:
        kind, value = candidates(form.get("kind", ""), form.get("value", ""), form.get("country"))[
            0
        ]
        message, contact = form.get("message", ""), form.get("contact", "")[:200]
        reference = file_dispute(svc.settings.dispute_path(), kind, value, message, contact)
    except FraudlinkError as error:
        return render(request, "dispute.html", lang, 400, form=form, error=error.message)
    return render(request, "dispute.html", lang, 201, reference=reference)
