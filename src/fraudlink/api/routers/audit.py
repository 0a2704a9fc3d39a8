"""The audit log, for auditors: who read or changed what, when and why."""

from __future__ import annotations

from fastapi import APIRouter

from fraudlink.api import models
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.paging import CursorQuery, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.audit.log import entries_after

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get(
    "",
    name="list_audit",
    response_model=models.AuditPage,
    responses=responses(400, 401, 403, 429),
)
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> models.AuditPage:
    """Entries oldest first; an auditor of one agency sees the entries of its agencies."""
    entries, last = entries_after(session, after(cursor), limit, who.principal.unit_codes)
    return models.AuditPage.model_validate(
        {"items": [e.as_json() for e in entries], "next_cursor": next_cursor(last)}
    )
