"""Report search (filters in the query string) and the report page."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from fraudlink.access.records import ReportQuery, report_detail, search_reports
from fraudlink.api.deps import SessionDep
from fraudlink.link.lookup import identifier_kinds
from fraudlink.web.deps import PurposeDep
from fraudlink.web.narrative import pieces
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
PAGE = 50


def _date(text: str | None) -> dt.date | None:
    """An empty date field of the form is no filter; a malformed one is also ignored."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/reports", name="web_reports", response_class=HTMLResponse)
def search_page(
    request: Request,
    viewer: PurposeDep,
    opened: SessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    country: Annotated[str, Query(max_length=2)] = "",
    scam_type: Annotated[str, Query(max_length=64)] = "",
    identifier_kind: Annotated[str, Query(max_length=32)] = "",
    identifier: Annotated[str, Query(max_length=512)] = "",
    agency: Annotated[str, Query(max_length=64)] = "",
    after: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    query = ReportQuery(
        q.strip() or None,
        _date(since),
        _date(until),
        country.strip().upper() or None,
        scam_type.strip() or None,
        identifier_kind or None,
        identifier.strip() or None,
        agency.strip() or None,
        after,
        PAGE,
    )
    results = search_reports(opened, viewer.principal, query, viewer.purpose or "")
    filters = {
        "q": q, "since": since, "until": until, "country": country, "scam_type": scam_type,
        "identifier_kind": identifier_kind, "identifier": identifier, "agency": agency,
    }  # fmt: skip
    context = {
        "filters": filters,
        "results": results.items,
        "next_cursor": results.next_cursor,
        "kinds": identifier_kinds(),
    }
    return page(request, "reports.html", viewer, context)


@router.get("/reports/{agency}/{report_id}", name="web_report", response_class=HTMLResponse)
def report_page(
    request: Request, agency: str, report_id: str, viewer: PurposeDep, opened: SessionDep
) -> HTMLResponse:
    found = report_detail(opened, viewer.principal, agency, report_id, viewer.purpose or "")
    context = {"report": found, "pieces": pieces(found["narrative"] or "", found["marks"])}
    return page(request, "report.html", viewer, context)
