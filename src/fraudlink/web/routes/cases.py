"""Cases and joint cases: subjects with their status timelines, members, released records."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.joint import list_joint_cases, view_joint_case
from fraudlink.api.deps import SessionDep
from fraudlink.cases.service import case_overview, case_visible_to, cases_visible_to
from fraudlink.web.deps import PurposeDep, ViewerDep
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])


@router.get("/cases", name="web_cases", response_class=HTMLResponse)
def cases_page(request: Request, viewer: ViewerDep, opened: SessionDep) -> HTMLResponse:
    context = {
        "cases": cases_visible_to(opened, viewer.principal),
        "joint_cases": list_joint_cases(opened, viewer.principal, 0, 200),
    }
    return page(request, "cases.html", viewer, context)


@router.get("/cases/{reference}", name="web_case", response_class=HTMLResponse)
def case_page(
    request: Request, reference: str, viewer: PurposeDep, opened: SessionDep
) -> HTMLResponse:
    case = case_visible_to(opened, viewer.principal, reference)
    return page(request, "case.html", viewer, {"case": case_overview(opened, case)})


@router.get("/joint-cases/{reference}", name="web_joint_case", response_class=HTMLResponse)
def joint_case_page(
    request: Request, reference: str, viewer: ViewerDep, opened: SessionDep
) -> HTMLResponse:
    view = view_joint_case(opened, viewer.principal, reference)
    return page(request, "joint_case.html", viewer, {"case": view})
