"""Standard exports: a STIX 2.1 bundle, a MISP event, FollowTheMoney entities.

``export`` selects what may leave (``data.load_export``), writes one format
and records an ``export`` entry in the audit log in the same transaction.
The two-person rule of packages holds for exports too: an export marked above
TLP:GREEN, or naming people, is written only with a registered supervisor's
approval and the agency passphrase, and a RED one only for named people.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fraudlink.audit import current_user, record_event
from fraudlink.audit.anchor import anchor_if_due
from fraudlink.errors import InputError
from fraudlink.share.export.approval import Approval, approve_export
from fraudlink.share.export.data import ExportData, load_export
from fraudlink.share.export.ftm import ftm_entities
from fraudlink.share.export.misp import misp_event
from fraudlink.share.export.stix import stix_bundle
from fraudlink.store import Database

FORMATS = ("stix", "misp", "ftm")


def _write(data: ExportData, fmt: str, out: Path) -> int:
    """Write ``data`` to ``out``; return how many top-level objects were written."""
    with out.open("w", encoding="utf-8") as stream:
        if fmt == "ftm":
            count = 0
            for entity in ftm_entities(data):
                stream.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
            return count
        document: dict[str, Any] = stix_bundle(data) if fmt == "stix" else misp_event(data)
        json.dump(document, stream, ensure_ascii=False, indent=1)
    if fmt == "stix":
        return len(document["objects"])
    return len(document["Event"]["Attribute"]) + len(document["Event"]["Object"])


def export(
    database: Database,
    fmt: str,
    out: Path,
    *,
    case: str | None = None,
    tlp_max: str = "AMBER",
    user: str | None = None,
    purpose: str | None = None,
    approval: Approval | None = None,
) -> dict[str, Any]:
    """Export to ``out`` and audit it; the summary says what left and at which marking."""
    if fmt not in FORMATS:
        raise InputError(f"Format '{fmt}' is not one of {', '.join(FORMATS)}.")
    who = current_user(user)
    with database.session() as session:
        data = load_export(session, case, tlp_max)
        approved_by = approve_export(
            session, data, who, case, purpose, approval, database.settings.agency
        )
        count = _write(data, fmt, out)
        summary = {
            "format": fmt,
            "out": str(out),
            "case": case,
            "tlp_max": data.tlp_max,
            "tlp": data.tlp,
            "reports": len(data.reports),
            "identifiers": len(data.identifiers),
            "entities": len(data.entities),
            "objects": count,
            "approved_by": approved_by,
            "recipients": list(approval.recipients) if approval else [],
        }
        record_event(
            session,
            action="export",
            record_type="case" if case else "database",
            record_id=case or "*",
            user=who,
            purpose=purpose,
            detail=summary,
        )
    if approval is not None:
        anchor_if_due(database, approval.passphrase)
    return summary


__all__ = [
    "FORMATS",
    "Approval",
    "ExportData",
    "export",
    "ftm_entities",
    "load_export",
    "misp_event",
    "stix_bundle",
]
