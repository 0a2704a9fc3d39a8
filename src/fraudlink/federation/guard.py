"""The door for partners' servers: signature, freshness, nonce, digest — and a log of refusals.

A nonce is written in its own committed transaction before the request is
served, so the same signed request is refused the second time even when the
first one failed later. Every refusal is written to the audit log with the key
the request claimed and the reason, then answered with a 401 that says only
what to fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Iterable

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from fraudlink.audit import record_event
from fraudlink.federation.partners import now, trusted_key
from fraudlink.federation.signing import Refused, Verified, expected_sha256, verify_request
from fraudlink.federation.tables import FedNonce
from fraudlink.store import Database

log = logging.getLogger("fraudlink.federation")


def authenticate(
    database: Database,
    method: str,
    url: str,
    path: str,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    window: int,
) -> Verified:
    """The verified partner, or ``Refused`` after the refusal is logged."""
    try:
        with database.session() as session:
            verified = verify_request(
                method, url, headers, lambda code: trusted_key(session, code), window
            )
        if not hmac.compare_digest(expected_sha256(verified.digest), hashlib.sha256(body).digest()):
            raise Refused("The body does not match its Content-Digest.", "wrong digest",
                          verified.keyid)  # fmt: skip
        _remember(database, verified)
    except Refused as refused:
        log_refusal(database, method, path, refused)
        raise
    return verified


def _remember(database: Database, verified: Verified) -> None:
    try:
        with database.session() as session:
            session.add(FedNonce(keyid=verified.keyid, nonce=verified.nonce[:128], seen_at=now()))
    except IntegrityError as exc:
        raise Refused("This request was seen before; sign each request anew.", "replay",
                      verified.keyid) from exc  # fmt: skip


def log_refusal(database: Database, method: str, path: str, refused: Refused) -> None:
    log.warning("federation request refused", extra={"path": path, "problem": refused.reason})
    with database.session() as session:
        record_event(
            session,
            action="refuse",
            record_type="federation_request",
            record_id=f"{method} {path}"[:200],
            user="federation",
            agency=refused.keyid,
            detail={"reason": refused.reason},
        )


def forget_old_nonces(database: Database, window: int) -> int:
    """Nonces older than twice the window can go: their signatures are refused as stale anyway."""
    cutoff = now() - dt.timedelta(seconds=2 * window)
    with database.session() as session:
        done = session.execute(delete(FedNonce).where(FedNonce.seen_at < cutoff))
        return int(done.rowcount or 0)  # type: ignore[attr-defined]
