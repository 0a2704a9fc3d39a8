"""Evidence of a case as a signed-in principal handles it: upload, list, download.

Upload is for the agency (or a unit) leading the case. Listing and downloading
go through the scoping layer (``scope.evidence_visible``): the lead agency, an
agency that received the item in an opened package, or a member of a joint
case it was released into; anything else is "not found". Evidence holds
personal data, so each list or download is audited with the justification, and
each download is also a "downloaded" event in the item's chain of custody.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.cases import visible_case
from fraudlink.access.principal import Principal
from fraudlink.access.records import audit_read
from fraudlink.access.scope import evidence_visible, name_reader
from fraudlink.errors import NotFound
from fraudlink.share.custody import Acquisition
from fraudlink.share.evidence import Spool, add_evidence, evidence_json, take_out
from fraudlink.share.tables import EvidenceItem
from fraudlink.store.schema import Case


def attach_evidence_as(
    session: Session,
    principal: Principal,
    reference: str,
    spool: Spool,
    name: str,
    acquisition: Acquisition,
    evidence_dir: Path,
) -> dict[str, Any]:
    """Store the uploaded file as evidence of a case the principal's agency leads."""
    case = visible_case(session, principal, reference)
    item = add_evidence(
        session, case, spool, name, acquisition, principal.username, principal.agency,
        evidence_dir,
    )  # fmt: skip
    if item.tlp == "RED":  # only named people see RED: the one who brought it in is named
        name_reader(session, "evidence_item", item.id, principal.user_id)
        session.flush()
    return evidence_json(session, item)


def _visible_items(session: Session, principal: Principal, reference: str) -> Any:
    return (
        select(EvidenceItem)
        .join(Case, Case.id == EvidenceItem.case_id)
        .where(Case.reference == reference, evidence_visible(principal))
    )


def list_evidence_as(
    session: Session, principal: Principal, reference: str, purpose: str
) -> list[dict[str, Any]]:
    """The case's evidence items the principal may see, each with its custody log."""
    items = list(session.scalars(_visible_items(session, principal, reference)
                                 .order_by(EvidenceItem.id)))  # fmt: skip
    if not items:
        visible_case(session, principal, reference)  # a led case without evidence is []
    audit_read(session, principal, purpose, "evidence_item", [item.id for item in items])
    return [evidence_json(session, item) for item in items]


def download_evidence_as(
    session: Session, principal: Principal, reference: str, sha256: str, purpose: str
) -> tuple[Path, str, str]:
    """The file of one visible evidence item (path, original name, hash), audited and
    logged in its chain of custody."""
    item = session.scalar(
        _visible_items(session, principal, reference).where(EvidenceItem.sha256 == sha256.lower())
    )
    if item is None:
        raise NotFound(f"No evidence {sha256[:12]} of case '{reference}' is visible to you.")
    audit_read(session, principal, purpose, "evidence_item", [item.id])
    path = take_out(session, item, principal.username, principal.agency)
    return path, item.name, item.sha256
