"""Partners on the network: a trusted key card plus the URL of the partner's server.

The key card is the one ``agency export-card`` writes and ``agency add`` trusts;
``add_partner`` adds it when it is new and refuses a card whose keys differ from
the one already trusted, so a URL never silently changes whose key is believed.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fraudlink.audit import record_event
from fraudlink.errors import InputError, NotFound
from fraudlink.federation.tables import FedOutbox, FedPartner
from fraudlink.share.keys import LocalKeys, add_card, partner_keys, unlock
from fraudlink.share.tables import AgencyKey
from fraudlink.store import Database
from fraudlink.store.schema import Agency


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise InputError(f"'{url}' is not a server URL; give one like https://fraudlink.example.")
    return url.rstrip("/")


def _card_matches(session: Session, code: str, card: dict[str, Any]) -> bool:
    """True when the card's keys are trusted already; False when the agency has none yet."""
    known = session.scalar(select(AgencyKey.fingerprint).join(Agency).where(Agency.code == code))
    if known is None:
        return False
    if card.get("signing_key") is None or known != _fingerprint(card):
        raise InputError(
            f"Agency '{code}' is trusted with other keys (fingerprint {known[:16]}…); "
            "check the card with the partner before replacing anything."
        )
    return True


def _fingerprint(card: dict[str, Any]) -> str:
    import base64

    from fraudlink.share.keys import fingerprint

    return fingerprint(
        base64.b64decode(str(card["signing_key"])), base64.b64decode(str(card["encryption_key"]))
    )


def add_partner(
    session: Session, code: str, url: str, card: dict[str, Any] | None, user: str
) -> FedPartner:
    """Trust the card (when new) and record where the partner's server answers."""
    address = _url(url)
    if card is not None:
        if str(card.get("code")) != code:
            raise InputError(f"The key card is agency '{card.get('code')}', not '{code}'.")
        if not _card_matches(session, code, card):
            add_card(session, card, user)
    agency = partner_keys(session, code)  # NotFound: no card given and none trusted yet
    agency_id = session.scalar(select(Agency.id).where(Agency.code == agency.code))
    row = session.scalar(select(FedPartner).where(FedPartner.agency_id == agency_id))
    if row is None:
        row = FedPartner(agency_id=agency_id, url=address, added_by=user, added_at=now())
        session.add(row)
    row.url, row.enabled, row.failures, row.next_attempt_at = address, True, 0, None
    session.flush()
    record_event(
        session,
        action="create",
        record_type="fed_partner",
        record_id=code,
        user=user,
        agency=code,
        detail={"url": address, "fingerprint": agency.fingerprint},
    )
    return row


def partner_row(session: Session, code: str) -> FedPartner:
    row = session.scalar(
        select(FedPartner)
        .join(Agency, Agency.id == FedPartner.agency_id)
        .where(Agency.code == code)
    )
    if row is None:
        raise NotFound(f"No partner '{code}' on the network; add it with `fraudlink partner add`.")
    return row


def set_enabled(session: Session, code: str, enabled: bool, user: str) -> FedPartner:
    row = partner_row(session, code)
    row.enabled = enabled
    row.failures, row.next_attempt_at = 0, None
    record_event(
        session,
        action="approve" if enabled else "delete",
        record_type="fed_partner",
        record_id=code,
        user=user,
        agency=code,
        detail={"enabled": enabled},
    )
    return row


def disabled(session: Session, code: str) -> bool:
    """Whether ``code`` is a network partner someone disabled (its feeds close with it)."""
    found = session.scalar(
        select(FedPartner.enabled)
        .join(Agency, Agency.id == FedPartner.agency_id)
        .where(Agency.code == code)
    )
    return found is False


def trusted_key(session: Session, code: str) -> Ed25519PublicKey | None:
    """The signing key of an enabled partner, or None: only partners may call us."""
    enabled = session.scalar(
        select(FedPartner.enabled)
        .join(Agency, Agency.id == FedPartner.agency_id)
        .where(Agency.code == code)
    )
    if not enabled:
        return None
    return partner_keys(session, code).signing


@dataclass(frozen=True)
class PartnerView:
    code: str
    url: str
    enabled: bool
    fingerprint: str
    queued: int
    delivered: int
    failed: int
    failures: int
    next_attempt_at: str | None
    last_ok_at: str | None
    last_error: str | None

    def as_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def list_partners(session: Session) -> list[PartnerView]:
    counts: dict[tuple[int, str], int] = {
        (partner, state): n
        for partner, state, n in session.execute(
            select(FedOutbox.partner_id, FedOutbox.state, func.count())
            .where(FedOutbox.kind == "package")
            .group_by(FedOutbox.partner_id, FedOutbox.state)
        )
    }
    rows = session.execute(
        select(FedPartner, Agency.code, AgencyKey.fingerprint)
        .join(Agency, Agency.id == FedPartner.agency_id)
        .join(AgencyKey, AgencyKey.agency_id == Agency.id)
        .order_by(Agency.code)
    )
    return [
        PartnerView(
            code,
            p.url,
            p.enabled,
            fingerprint,
            counts.get((p.id, "queued"), 0),
            counts.get((p.id, "delivered"), 0),
            counts.get((p.id, "failed"), 0),
            p.failures,
            _iso(p.next_attempt_at),
            _iso(p.last_ok_at),
            p.last_error,
        )
        for p, code, fingerprint in rows
    ]


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


class Identity:
    """The hosted agency's unlocked keys, unlocked once per process and kept in memory.

    A server that federates signs every request and receipt; unlocking the PEM
    each time would cost a key derivation per request.
    """

    def __init__(self, database: Database, passphrase: str) -> None:
        self.database, self.passphrase = database, passphrase
        self.lock = threading.Lock()
        self._keys: LocalKeys | None = None

    def keys(self) -> LocalKeys:
        with self.lock:
            if self._keys is None:
                with self.database.session() as session:
                    self._keys = unlock(session, self.passphrase, self.database.settings.agency)
            return self._keys


def check_partner(database: Database, code: str, passphrase: str) -> dict[str, object]:
    """``partner test``: a signed request to the partner, its signed answer verified."""
    import secrets
    import time

    from fraudlink.federation.client import Client, Peer
    from fraudlink.federation.config import FederationSettings

    with database.session() as session:
        row = partner_row(session, code)
        peer = Peer(code, row.url, partner_keys(session, code).signing)
        keys = unlock(session, passphrase, database.settings.agency)
    challenge = secrets.token_urlsafe(16)
    client = Client(keys, FederationSettings().fed_timeout)
    started = time.perf_counter()
    try:
        answer = client.call(peer, "GET", "/hello", {"challenge": challenge})
    finally:
        client.close()
    if answer.get("challenge") != challenge:
        raise InputError(f"{code} answered another challenge; something between us alters it.")
    ms = round((time.perf_counter() - started) * 1000, 1)
    return {"code": code, "url": row.url, "hello": answer.get("hello"), "ms": ms}
