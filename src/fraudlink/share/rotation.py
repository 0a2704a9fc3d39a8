"""Key rotation and revocation: an agency's keys change over time without breaking trust.

Rotating makes a new key pair current and retires the old one; the new public
card carries the old signing key's *endorsement* (its signature over the new
fingerprint), so a partner who trusted the old key can take the new one without
a phone call. Retired keys still verify what they signed and still decrypt
what was sent to them. Revoking says a key is compromised: from that moment
(or an earlier one the agency names) nothing it signs is believed, and a
revoked key endorses nothing. Both need the agency passphrase and are audited.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.audit import record_event
from fraudlink.errors import InputError, NotFound
from fraudlink.share.errors import KeyProblem
from fraudlink.share.keys import (
    b64,
    current_key,
    key_rows,
    local_row,
    new_local_key,
    show_fingerprint,
    unlock,
)
from fraudlink.share.tables import AgencyKey
from fraudlink.store.schema import Agency

ENDORSE = b"fraudlink key rotation\0"


@dataclass(frozen=True)
class KeyRow:
    """One key as ``agency list`` shows it."""

    code: str
    name: str | None
    country: str | None
    local: bool
    fingerprint: str
    status: str
    added_at: dt.datetime
    revoked_at: dt.datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "local": self.local,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "added_at": self.added_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def _status(row: AgencyKey) -> str:
    if row.revoked_at is not None:
        return "revoked"
    return "retired" if row.retired_at is not None else "current"


def list_keys(session: Session, history: bool = False) -> list[KeyRow]:
    """Every agency this database knows keys of, ours first; earlier keys with ``history``."""
    rows = session.execute(
        select(Agency, AgencyKey)
        .join(AgencyKey)
        .order_by(AgencyKey.local.desc(), Agency.code, AgencyKey.id.desc())
    ).all()
    shown = [
        KeyRow(a.code, a.name, a.country, k.local, k.fingerprint, _status(k), k.added_at,
               k.revoked_at)
        for a, k in rows
    ]  # fmt: skip
    if history:
        return shown
    codes = {row.code for row in shown if row.status == "current"}
    return [row for row in shown if row.status == "current" or row.code not in codes]


def _endorses(row: AgencyKey, card: dict[str, Any], fingerprint: str) -> bool:
    signature = card.get("endorsement")
    if not isinstance(signature, str) or row.revoked_at is not None:
        return False
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(row.signing_public))
    try:
        public.verify(base64.b64decode(signature, validate=True), ENDORSE + fingerprint.encode())
    except (InvalidSignature, ValueError):
        return False
    return True


def accept_rotation(
    session: Session,
    agency: Agency,
    rows: list[AgencyKey],
    card: dict[str, Any],
    fingerprint: str,
    replace: bool,
) -> str:
    """The audit action for a new partner card, retiring the key it replaces (or refusing)."""
    current = current_key(rows)
    if current is None:
        return "create"
    if not (replace or _endorses(current, card, fingerprint)):
        raise InputError(
            f"Agency '{agency.code}' already has a trusted key "
            f"({show_fingerprint(current.fingerprint)}) and this card is not endorsed by it; "
            "check the new fingerprint with them, then add it with --replace."
        )
    current.retired_at = dt.datetime.now(dt.UTC)
    return "rotate"


def rotate(
    session: Session, passphrase: str, user: str, code: str | None = None, revoke: str | None = None
) -> AgencyKey:
    """A new current key pair for the local agency; ``revoke`` (a reason) marks the old one
    compromised, and then it endorses nothing."""
    agency, old = local_row(session, code)
    keys = unlock(session, passphrase, code)
    now = dt.datetime.now(dt.UTC)
    old.retired_at = now
    session.flush()
    new = new_local_key(session, agency, passphrase)
    if revoke is None:
        new.endorsement = b64(keys.signing.sign(ENDORSE + new.fingerprint.encode()))
    else:
        old.revoked_at, old.revoked_reason = now, revoke[:255]
    _audit(session, "rotate", agency.code, user,
           {"old": old.fingerprint, "new": new.fingerprint, "revoked": revoke})  # fmt: skip
    return new


def revoke(
    session: Session,
    passphrase: str,
    user: str,
    partner: str,
    reason: str,
    since: dt.datetime | None = None,
    fingerprint: str | None = None,
    code: str | None = None,
) -> AgencyKey:
    """Stop believing a partner's key from ``since`` (default now), e.g. once they report it
    stolen: packages it signed from then on are refused, earlier ones still verify."""
    unlock(session, passphrase, code)
    agency = session.scalar(select(Agency).where(Agency.code == partner))
    rows = key_rows(session, agency.id, local=False) if agency is not None else []
    if agency is not None and not rows and key_rows(session, agency.id, local=True):
        raise InputError("To replace this agency's own key use `fraudlink agency rotate --revoke`.")
    wanted = (fingerprint or "").replace(" ", "").lower()
    target = next((r for r in rows if r.fingerprint.startswith(wanted)), None) if wanted else None
    target = target or (None if wanted else current_key(rows))
    if target is None:
        raise NotFound(f"No such key of agency '{partner}'; `fraudlink agency list --history`.")
    if target.revoked_at is not None:
        raise KeyProblem(f"That key of '{partner}' is already revoked.")
    when = since or dt.datetime.now(dt.UTC)
    target.revoked_at, target.revoked_reason = when, reason[:255]
    detail = {"fingerprint": target.fingerprint, "since": when.isoformat(), "reason": reason}
    _audit(session, "revoke", partner, user, detail)
    return target


#: the audit log's fixed actions: a rotation creates a key, a revocation withdraws one
AUDIT_ACTIONS = {"rotate": "create", "revoke": "delete"}


def _audit(session: Session, event: str, code: str, user: str, detail: dict[str, Any]) -> None:
    session.flush()
    record_event(session, action=AUDIT_ACTIONS[event], record_type="agency_key", record_id=code,
                 user=user, agency=code, detail={"event": event, **detail})  # fmt: skip
