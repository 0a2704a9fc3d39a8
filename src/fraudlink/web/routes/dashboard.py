"""The dashboard: charts drawn by static/js/dashboard.js from ``/dashboard.json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.analyse.dashboard import dashboard
from fraudlink.cases import views
from fraudlink.web import i18n
from fraudlink.web.deps import SessionDep, ViewerDep
from fraudlink.web.labels import labels
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/", name="web_dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, viewer: ViewerDep) -> HTMLResponse:
    return page(request, "dashboard.html", viewer, {"has_units": len(viewer.principal.units) > 1})


@router.get("/dashboard.json", name="web_dashboard_data")
def dashboard_data(request: Request, viewer: ViewerDep, opened: SessionDep) -> dict[str, Any]:
    """Counts only, no personal data, so no purpose is asked; codes come with their words."""
    token = i18n.current.set(request.state.language)
    try:
        units = views.unit_figures(opened, viewer.principal)
        rows = [[u["key"], u["reports"], u["arrested"], u["rescued"]] for u in units]
        words = labels() | {u["key"]: u["name"] for u in units}
        return dashboard(opened, viewer.principal) | {"units": rows, "labels": words}
    finally:
        i18n.current.reset(token)
