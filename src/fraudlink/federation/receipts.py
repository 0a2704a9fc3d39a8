"""Receipts: what the receiver signs when a package arrived whole, and when a liaison opened it.

The sender keeps every receipt it verified (``fed_receipt``); a package is
"delivered" only with the first, "opened" only with the second, and "failed"
when the receiver reports that opening refused it (the reason travels along).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.federation.partners import now
from fraudlink.federation.signing import Refused, sign_document, verify_document
from fraudlink.federation.tables import FedOutbox, FedReceipt
from fraudlink.share.keys import LocalKeys, partner_keys
from fraudlink.share.tables import SharePackage
from fraudlink.store.schema import Agency

KINDS = ("delivered", "opened", "rejected")
#: the state a receipt moves an outbound package to, from the states it may move it from
MOVES = {
    "delivered": ("delivered", ("queued", "failed")),
    "opened": ("opened", ("queued", "delivered", "failed")),
    "rejected": ("failed", ("queued", "delivered")),
}


def make(
    keys: LocalKeys, kind: str, package_id: str, sender: str, **facts: Any
) -> dict[str, Any]:
    """A receipt signed by the receiving agency (``keys``) for ``sender``."""
    body = {"receipt": kind, "package": package_id, "from": keys.code, "to": sender,
            "at": now().isoformat(), **facts}  # fmt: skip
    return sign_document(body, keys.code, keys.signing)


def check(
    session: Session, document: dict[str, Any], partner: str, local: str, package_id: str
) -> dict[str, Any]:
    """The receipt's facts once its signature is the partner's and it is about our package."""
    body = verify_document(document, partner, partner_keys(session, partner).signing)
    if body.get("receipt") not in KINDS or body.get("package") != package_id:
        raise Refused("The receipt is not about this package.", "receipt mismatch", partner)
    if body.get("from") != partner or body.get("to") != local:
        raise Refused("The receipt names other agencies.", "receipt mismatch", partner)
    return body


def keep(session: Session, document: dict[str, Any], body: dict[str, Any], partner: str) -> bool:
    """Store the receipt and move the package's state; False when it was kept before."""
    kind, package_id = str(body["receipt"]), str(body["package"])
    seen = session.scalar(
        select(FedReceipt.id).where(FedReceipt.package_id == package_id, FedReceipt.kind == kind)
    )
    if seen is not None:
        return False
    agency_id = session.scalar(select(Agency.id).where(Agency.code == partner))
    assert agency_id is not None
    session.add(FedReceipt(package_id=package_id, kind=kind, agency_id=agency_id,
                           document=document, received_at=now()))  # fmt: skip
    row = session.scalar(
        select(SharePackage).where(
            SharePackage.package_id == package_id, SharePackage.direction == "outbound"
        )
    )
    state, sources = MOVES[kind]
    if row is not None and row.status in sources:
        row.status = state
    if kind == "rejected":
        item = session.scalar(select(FedOutbox).where(FedOutbox.package_id == package_id,
                                                      FedOutbox.kind == "package"))  # fmt: skip
        if item is not None:
            item.last_error = f"{partner} refused to open it: {body.get('reason', '')}"[:2000]
    session.flush()
    return True
