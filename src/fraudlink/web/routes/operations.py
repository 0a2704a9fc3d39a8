"""Operations: their figures, seized assets and printable summary; the agency's statistics.

Figures only: a rescued person's record is never on these pages (the API serves it to
the named roles, audited). Scoping is ``access.scope``'s, through ``cases.views``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from fraudlink.cases import views
from fraudlink.web import i18n
from fraudlink.web.deps import SessionDep, ViewerDep
from fraudlink.web.labels import labels
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/operations", name="web_operations", response_class=HTMLResponse)
def operations_page(request: Request, viewer: ViewerDep, opened: SessionDep) -> HTMLResponse:
    """The operations the agency leads or takes part in, and its figures by unit."""
    context = {
        "operations": views.list_operations(opened, viewer.principal, None, 200),
        "groups": views.statistics(opened, viewer.principal, "unit", None, None),
    }
    return page(request, "operations.html", viewer, context)


@router.get("/operations/{reference}", name="web_operation", response_class=HTMLResponse)
def operation_page(
    request: Request, reference: str, viewer: ViewerDep, opened: SessionDep
) -> HTMLResponse:
    figures = views.operation_figures(opened, viewer.principal, reference, None)
    converted = [("losses", c) for c in figures["losses_usd"]["rates"]] + [
        (state, c) for state, usd in figures["assets_usd"].items() for c in usd["rates"]
    ]
    context = {
        "figures": figures,
        "converted": converted,
        "assets": views.operation_assets(opened, viewer.principal, reference),
    }
    return page(request, "operation.html", viewer, context)


@router.get("/operations/{reference}/figures.json", name="web_operation_figures")
def operation_figures(
    request: Request, reference: str, viewer: ViewerDep, opened: SessionDep
) -> dict[str, Any]:
    """The operation's charts: counts and sums only, never a person."""
    figures = views.operation_figures(opened, viewer.principal, reference, None)
    token = i18n.current.set(request.state.language)
    try:
        words = labels()
    finally:
        i18n.current.reset(token)
    usd = figures["assets_usd"]
    return {
        "people": [
            ["arrested", figures["arrested"]],
            ["rescued", figures["rescued"]],
            ["handed_over_or_repatriated", figures["handed_over_or_repatriated"]],
        ],
        "losses": [[currency, amount] for currency, amount in figures["losses"].items()],
        "assets_usd": [[state, usd[state]["total"]] for state in usd],
        "labels": words,
    }


@router.get("/rates", name="web_rates", response_class=HTMLResponse)
def rates_page(request: Request, viewer: ViewerDep, opened: SessionDep) -> HTMLResponse:
    """The imported USD rates that converted figures name (``fraudlink rates import``)."""
    return page(request, "rates.html", viewer, {"rates": views.exchange_rates(opened)})


@router.get("/operations/{reference}/summary.pdf", name="web_operation_summary")
def operation_summary(
    request: Request, reference: str, viewer: ViewerDep, opened: SessionDep
) -> Response:
    """The printable summary in the page's language, for the ministry."""
    from fraudlink.cases.summary import operation_page as summary_page
    from fraudlink.cases.summary import render_pdf

    op = views.visible_operation(opened, viewer.principal, reference)
    language = getattr(request.state, "language", "en")
    day = op.ended_on or dt.date.today()
    pdf = render_pdf(summary_page(opened, op, language, viewer.principal.agency, day))
    name = f"{reference}-{language}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(pdf, media_type="application/pdf", headers=headers)
