"""The dashboard: charts drawn by static/js/dashboard.js from ``/dashboard.json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.analyse.dashboard import dashboard
from fraudlink.api.deps import SessionDep
from fraudlink.web.deps import ViewerDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/", name="web_dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, viewer: ViewerDep) -> HTMLResponse:
    return page(request, "dashboard.html", viewer)


@router.get("/dashboard.json", name="web_dashboard_data")
def dashboard_data(viewer: ViewerDep, opened: SessionDep) -> dict[str, Any]:
    """Counts only, no personal data, so no purpose is asked."""
    return dashboard(opened, viewer.principal)
