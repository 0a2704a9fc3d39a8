"""The two-person rule for standard exports, the same rule packages follow.

An export is marked by its most restrictive record (``ExportData.tlp``).
Above TLP:GREEN, or when it names people, it leaves only when a signed-in
supervisor of the agency, another account than the exporter's, approves it with the
agency passphrase;
TLP:RED leaves only for named people. The approval is audited with the export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from fraudlink.audit import record_event
from fraudlink.errors import InputError
from fraudlink.share.errors import ApprovalRequired
from fraudlink.share.export.data import ExportData
from fraudlink.share.keys import unlock
from fraudlink.share.markings import needs_approval

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal


@dataclass(frozen=True)
class Approval:
    """Who approves an export (signed in), the passphrase of the agency's consent, who reads it."""

    by: Principal
    passphrase: str
    recipients: Sequence[str] = field(default_factory=tuple)


def _what(data: ExportData, personal: bool) -> str:
    return f"TLP:{data.tlp} records" + (" naming people" if personal else "")


def approve_export(
    session: Session,
    data: ExportData,
    exporter: str,
    case: str | None,
    purpose: str | None,
    approval: Approval | None,
    agency: str | None = None,
) -> str | None:
    """The approving officer's name, or ``None`` when the export needs no approval."""
    personal = any(entity.schema == "Person" for entity in data.entities.values())
    if not needs_approval(data.tlp, personal):
        return None
    if approval is None:
        raise ApprovalRequired(
            f"This export holds {_what(data, personal)}; a supervisor other than {exporter} "
            "must approve it: `fraudlink export approve ID --user NAME`."
        )
    unlock(session, approval.passphrase, agency)
    approval.by.require("supervisor")
    if approval.by.username == exporter:
        raise InputError("The approver must be another person than its creator (two-person rule).")
    if data.tlp == "RED" and not approval.recipients:
        raise ApprovalRequired(
            "TLP:RED goes only to named people: add --recipient NAME for each person "
            "who may read this export."
        )
    record_event(
        session,
        action="approve",
        record_type="case" if case else "database",
        record_id=case or "*",
        user=approval.by.username,
        purpose=purpose,
        detail={"tlp": data.tlp, "exporter": exporter, "recipients": list(approval.recipients)},
    )
    return approval.by.username
