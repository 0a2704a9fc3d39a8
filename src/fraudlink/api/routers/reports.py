"""Reports: submit (JSON array or NDJSON, per-line results), read one, search."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from fraudlink.access.records import ReportQuery, get_report, search_reports, submit_reports
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, DatabaseDep, SessionDep
from fraudlink.api.paging import CursorQuery, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.errors import InputError, UnsupportedFormat

router = APIRouter(prefix="/reports", tags=["reports"])
NDJSON = "application/x-ndjson"
SUBMIT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": {"type": "object"}, "maxItems": 100000},
                "example": [
                    {
                        "id": "R-1",
                        "agency": "KH-NPA",
                        "reported_at": "2026-03-01T09:30:00Z",
                        "narrative": "Paid 500 USD to +855 12 345 678 on Telegram @fastprofit",
                    }
                ],
            },
            NDJSON: {"schema": {"type": "string"}},
        },
    }
}


def body_lines(body: bytes, content_type: str) -> list[str]:
    """Each report as one JSON text, so both media types take exactly the CLI's path."""
    text = body.decode("utf-8", errors="replace")
    if content_type.startswith(NDJSON):
        return text.splitlines()
    if not content_type.startswith("application/json"):
        raise UnsupportedFormat(f"Send {NDJSON} or a JSON array (application/json).")
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"The body is not JSON ({error.msg}); send an array of reports."
        ) from error
    if not isinstance(items, list):
        raise InputError("Send a JSON array of reports, or one report per line as NDJSON.")
    return [json.dumps(item, ensure_ascii=False) for item in items]


@router.post(
    "",
    name="submit_reports",
    response_model=models.IngestResult,
    openapi_extra=SUBMIT_BODY,
    responses=responses(400, 401, 403, 413, 415, 429),
)
async def submit(request: Request, who: CallerDep, store: DatabaseDep) -> models.IngestResult:
    """Load reports; bad lines are answered with their line number, good lines still load."""
    lines = body_lines(await request.body(), request.headers.get("content-type", ""))
    summary, results = await run_in_threadpool(submit_reports, store, who.principal, lines)
    return models.IngestResult.model_validate(
        summary.as_json() | {"lines": [r.as_json() for r in results]}
    )


@router.get(
    "",
    name="search_reports",
    response_model=models.ReportPage,
    responses=responses(400, 401, 403, 428, 429),
)
def search(
    who: CallerDep,
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="words in the narrative")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$")] = None,
    scam_type: Annotated[str | None, Query(max_length=64)] = None,
    identifier_kind: Annotated[str | None, Query(max_length=32, examples=["phone"])] = None,
    identifier: Annotated[str | None, Query(max_length=512)] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 50,
) -> models.ReportPage:
    """Reports visible to you, oldest first; each read is audited with your X-Purpose."""
    query = ReportQuery(
        q, since, until, country, scam_type, identifier_kind, identifier,
        after=after(cursor), limit=limit,
    )  # fmt: skip
    page = search_reports(session, who.principal, query, who.justification)
    return models.ReportPage.model_validate(
        {"items": page.items, "next_cursor": next_cursor(page.next_cursor)}
    )


@router.get(
    "/{agency}/{report_id}",
    name="get_report",
    response_model=models.Report,
    responses=responses(401, 403, 404, 428, 429),
)
def read(agency: str, report_id: str, who: CallerDep, session: SessionDep) -> models.Report:
    """One report; another agency's report you may not see is simply not found."""
    found = get_report(session, who.principal, agency, report_id, who.justification)
    return models.Report.model_validate(found)
