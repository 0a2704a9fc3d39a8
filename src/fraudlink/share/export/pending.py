"""Exports that wait for a second person: the same flow as packages.

``request`` writes at once what needs no approval (GREEN or below, naming no
one); anything else is stored as awaiting approval and written only when a
supervisor other than its creator runs ``approve`` after ``show`` listed what
it holds. The export leaves the records as they are at approval, marked by the
strictest of them; the approval check itself is the one exports always had
(``approval.approve_export``), so who may approve is decided in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from fraudlink.audit import current_user, record_event
from fraudlink.errors import InputError, NotFound
from fraudlink.share.errors import ApprovalRequired
from fraudlink.share.export import FORMATS, Approval, export
from fraudlink.share.export.data import ExportData, load_export
from fraudlink.share.markings import needs_approval
from fraudlink.share.tables import ExportRequest
from fraudlink.store import Database

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal

AWAITING = "awaiting_approval"


def _personal(data: ExportData) -> bool:
    return any(entity.schema == "Person" for entity in data.entities.values())


def request(
    database: Database,
    fmt: str,
    out: Path,
    *,
    case: str | None = None,
    tlp_max: str = "AMBER",
    user: str | None = None,
    purpose: str | None = None,
    recipients: Sequence[str] = (),
) -> dict[str, Any]:
    """Write the export now when it needs no approval; else keep it for a supervisor."""
    if fmt not in FORMATS:
        raise InputError(f"Format '{fmt}' is not one of {', '.join(FORMATS)}.")
    who = current_user(user)
    with database.session() as session:
        data = load_export(session, case, tlp_max)
        if not needs_approval(data.tlp, _personal(data)):
            session.rollback()
            written = _written(database, fmt, out, case, tlp_max, who, purpose)
            return {"status": "written", **written}
        if data.tlp == "RED" and not recipients:
            raise ApprovalRequired(
                "TLP:RED goes only to named people: add --recipient NAME for each person "
                "who may read this export."
            )
        row = ExportRequest(format=fmt, out=str(out), case_ref=case, tlp_max=tlp_max,
                            tlp=data.tlp, purpose=purpose, recipients=list(recipients),
                            status=AWAITING, created_by=who,
                            created_at=dt.datetime.now(dt.UTC))  # fmt: skip
        session.add(row)
        session.flush()
        record_event(session, action="create", record_type="export_request",
                     record_id=str(row.id), user=who, purpose=purpose,
                     detail={"format": fmt, "tlp": data.tlp, "case": case})  # fmt: skip
        return {"status": AWAITING, "id": row.id, **_counts(data)}


def _written(
    database: Database, fmt: str, out: Path, case: str | None, tlp_max: str, who: str,
    purpose: str | None,
) -> dict[str, Any]:  # fmt: skip
    return export(database, fmt, out, case=case, tlp_max=tlp_max, user=who, purpose=purpose)


def _counts(data: ExportData) -> dict[str, Any]:
    return {"tlp": data.tlp, "reports": len(data.reports),
            "identifiers": len(data.identifiers), "entities": len(data.entities)}  # fmt: skip


def _row(database: Database, request_id: int) -> ExportRequest:
    with database.sessions() as session:
        row = session.get(ExportRequest, request_id)
        if row is None:
            raise NotFound(f"No export {request_id}; `fraudlink export list` shows them.")
        session.expunge(row)
    return row


def show(database: Database, request_id: int) -> dict[str, Any]:
    """What the export would carry if approved now: markings, reports and people by name."""
    row = _row(database, request_id)
    with database.sessions() as session:
        data = load_export(session, row.case_ref, row.tlp_max)
        session.rollback()
    people = sorted(e.name for e in data.entities.values() if e.schema == "Person")
    return {
        "id": row.id, "status": row.status, "format": row.format, "out": row.out,
        "case": row.case_ref, "purpose": row.purpose, "recipients": row.recipients,
        "created_by": row.created_by, "created_at": row.created_at.isoformat(),
        "approved_by": row.approved_by, **_counts(data),
        "report_ids": [f"{r.agency}/{r.external_id}" for r in data.reports], "people": people,
    }  # fmt: skip


def approve(database: Database, request_id: int, by: Principal, passphrase: str) -> dict[str, Any]:
    """Write a waiting export with ``by``'s approval (a signed-in supervisor, not its creator)."""
    row = _row(database, request_id)
    if row.status != AWAITING:
        raise InputError(f"Export {request_id} is {row.status.replace('_', ' ')}, not waiting.")
    approval = Approval(by, passphrase, tuple(row.recipients))
    summary = export(database, row.format, Path(row.out), case=row.case_ref,
                     tlp_max=row.tlp_max, user=row.created_by, purpose=row.purpose,
                     approval=approval)  # fmt: skip
    with database.session() as session:
        stored = session.get(ExportRequest, request_id)
        assert stored is not None
        stored.status, stored.approved_by = "written", summary["approved_by"]
        stored.approved_at = dt.datetime.now(dt.UTC)
    return {"status": "written", "id": request_id, **summary}


def waiting(database: Database) -> list[dict[str, Any]]:
    """Every export request, newest first."""
    with database.sessions() as session:
        rows = session.scalars(select(ExportRequest).order_by(ExportRequest.id.desc()))
        return [
            {"id": r.id, "status": r.status, "format": r.format, "tlp": r.tlp,
             "case": r.case_ref, "created_by": r.created_by,
             "created_at": r.created_at.isoformat(), "approved_by": r.approved_by}
            for r in rows
        ]  # fmt: skip
