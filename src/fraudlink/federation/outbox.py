"""The sending side: packages and receipts queued per partner, delivered in order by the job runner.

``enqueue`` is called when a package addressed to a network partner has been
written: the package becomes "queued". ``Sender.tick`` (run by the jobs runner
between jobs) takes one partner at a time under a lease, and delivers its
queue oldest first: a package in chunks from wherever the partner's staged
copy ends, a receipt in one request. Only the partner's signed receipt, once
verified and stored, makes a package "delivered". A partner that does not
answer is retried with exponential back-off; a final refusal marks the item
"failed" with the partner's answer. Delivery is idempotent on the package id:
the partner answers a package it holds with the receipt it gave before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from fraudlink.errors import FraudlinkError
from fraudlink.federation import receipts
from fraudlink.federation.client import Client, Part, PartnerDown, PartnerRefused, Peer
from fraudlink.federation.config import FederationSettings
from fraudlink.federation.guard import forget_old_nonces
from fraudlink.federation.partners import Identity, now
from fraudlink.federation.signing import Refused
from fraudlink.federation.tables import FedOutbox, FedPartner, FedReceipt
from fraudlink.share.keys import partner_keys
from fraudlink.share.tables import SharePackage
from fraudlink.store import Database
from fraudlink.store.schema import Agency

log = logging.getLogger("fraudlink.federation")
LEASE = dt.timedelta(minutes=5)


def enqueue(session: Session, row: SharePackage, path: Path) -> bool:
    """Queue a written package for a partner on the network; False for one reached by file."""
    partner = session.scalar(select(FedPartner).where(FedPartner.agency_id == row.recipient_id))
    if partner is None:
        return False
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    session.add(
        FedOutbox(
            kind="package",
            package_id=row.package_id,
            partner_id=partner.id,
            state="queued",
            path=str(path),
            size=size,
            sha256=digest.hexdigest(),
            attempts=0,
            queued_at=now(),
        )
    )
    row.status = "queued"
    return True


@dataclass(frozen=True)
class Item:
    id: int
    kind: str
    package_id: str
    path: str | None
    size: int
    sha256: str | None
    body: dict[str, object] | None
    attempts: int


class Sender:
    """One per worker; keeps the unlocked keys and an HTTP client between ticks."""

    def __init__(self, database: Database, config: FederationSettings, worker: str) -> None:
        self.database, self.config, self.worker = database, config, worker
        self.identity = Identity(database, config.secret())
        self._client: Client | None = None
        self.ticks = 0

    @property
    def client(self) -> Client:
        if self._client is None:
            self._client = Client(self.identity.keys(), self.config.fed_timeout)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def tick(self) -> bool:
        """Deliver to every partner that is due; True when anything was attempted."""
        self.ticks += 1
        if self.ticks % 600 == 1:
            forget_old_nonces(self.database, self.config.fed_window)
        busy = False
        for partner_id in self._due():
            peer = self._claim(partner_id)
            if peer is not None:
                busy = True
                try:
                    self._drain(partner_id, peer)
                finally:
                    self._release(partner_id)
        return busy

    def _due(self) -> list[int]:
        at = now()
        with self.database.session() as session:
            waiting = select(FedOutbox.partner_id).where(FedOutbox.state == "queued")
            return list(
                session.scalars(
                    select(FedPartner.id).where(
                        FedPartner.enabled.is_(True),
                        FedPartner.id.in_(waiting),
                        or_(FedPartner.next_attempt_at.is_(None), FedPartner.next_attempt_at <= at),
                        or_(FedPartner.lease_until.is_(None), FedPartner.lease_until < at),
                    )
                )
            )

    def _claim(self, partner_id: int) -> Peer | None:
        """Take the partner's lease (one sender per partner, so its queue stays in order)."""
        at = now()
        with self.database.session() as session:
            taken = session.execute(
                update(FedPartner)
                .where(
                    FedPartner.id == partner_id,
                    FedPartner.enabled.is_(True),
                    or_(FedPartner.lease_until.is_(None), FedPartner.lease_until < at),
                )
                .values(lease_until=at + LEASE, lease_by=self.worker)
            )
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            partner = session.get_one(FedPartner, partner_id)
            code = session.scalar(select(Agency.code).where(Agency.id == partner.agency_id))
            assert code is not None
            return Peer(code, partner.url, partner_keys(session, code).signing)

    def _release(self, partner_id: int) -> None:
        with self.database.session() as session:
            session.execute(
                update(FedPartner)
                .where(FedPartner.id == partner_id, FedPartner.lease_by == self.worker)
                .values(lease_until=None, lease_by=None)
            )

    def _renew(self, partner_id: int) -> None:
        with self.database.session() as session:
            session.execute(
                update(FedPartner)
                .where(FedPartner.id == partner_id, FedPartner.lease_by == self.worker)
                .values(lease_until=now() + LEASE)
            )

    def _next(self, partner_id: int) -> Item | None:
        with self.database.session() as session:
            row = session.scalar(
                select(FedOutbox)
                .where(FedOutbox.partner_id == partner_id, FedOutbox.state == "queued")
                .order_by(FedOutbox.id)
                .limit(1)
            )
            if row is None:
                return None
            return Item(
                row.id,
                row.kind,
                row.package_id,
                row.path,
                row.size,
                row.sha256,
                row.body,
                row.attempts,
            )

    def _drain(self, partner_id: int, peer: Peer) -> None:
        while (item := self._next(partner_id)) is not None:
            try:
                if item.kind == "package":
                    self._deliver_package(partner_id, peer, item)
                else:
                    self._deliver_receipt(peer, item)
            except (PartnerDown, Refused) as error:
                self._back_off(partner_id, item, error.message)
                return
            except (PartnerRefused, FraudlinkError, OSError) as error:
                self._fail(partner_id, item, getattr(error, "message", str(error)))
                continue
            self._done(partner_id, item)

    def _deliver_package(self, partner_id: int, peer: Peer, item: Item) -> None:
        assert item.path is not None and item.sha256 is not None
        path = f"/packages/{item.package_id}"
        answer = self.client.call(peer, "GET", path) if item.attempts else {"offset": 0}
        file = Path(item.path)
        if not file.is_file() or file.stat().st_size != item.size:
            raise FraudlinkError(f"The package file {file} is gone or changed since it was queued.")
        while answer.get("state") != "received":
            offset = int(str(answer.get("offset", 0)))
            part = Part(file, offset, min(self.config.fed_chunk, item.size - offset))
            query = {"offset": offset, "total": item.size, "sha256": item.sha256}
            answer = self.client.call(peer, "PUT", path, query, part)
            if answer.get("state") != "received" and int(str(answer.get("offset"))) == offset:
                raise PartnerDown(f"{peer.code} did not take the chunk at {offset}.")
            self._renew(partner_id)
        document = answer.get("receipt")
        if not isinstance(document, dict):
            raise PartnerDown(f"{peer.code} answered without a receipt.")
        with self.database.session() as session:
            local = self.identity.keys().code
            body = receipts.check(session, document, peer.code, local, item.package_id)
            if body.get("sha256") != item.sha256 or body.get("receipt") != "delivered":
                raise Refused("The receipt is for other bytes.", "receipt mismatch", peer.code)
            receipts.keep(session, document, body, peer.code)

    def _deliver_receipt(self, peer: Peer, item: Item) -> None:
        import json

        data = json.dumps(item.body, ensure_ascii=False).encode()
        self.client.call(peer, "POST", "/receipts", None, data, "application/json")

    def _done(self, partner_id: int, item: Item) -> None:
        at = now()
        with self.database.session() as session:
            session.execute(
                update(FedOutbox)
                .where(FedOutbox.id == item.id)
                .values(
                    state="delivered", delivered_at=at, attempts=item.attempts + 1, last_error=None
                )
            )
            session.execute(
                update(FedPartner)
                .where(FedPartner.id == partner_id)
                .values(failures=0, next_attempt_at=None, last_ok_at=at, last_error=None)
            )

    def _back_off(self, partner_id: int, item: Item, error: str) -> None:
        with self.database.session() as session:
            partner = session.get_one(FedPartner, partner_id)
            partner.failures += 1
            delay = min(
                self.config.fed_backoff_max, self.config.fed_backoff * 2 ** (partner.failures - 1)
            )
            partner.next_attempt_at = now() + dt.timedelta(seconds=delay)
            partner.last_error = error[:2000]
            session.execute(
                update(FedOutbox)
                .where(FedOutbox.id == item.id)
                .values(attempts=item.attempts + 1, last_error=error[:2000])
            )
        log.info("partner unavailable, retry later", extra={"problem": error[:300]})

    def _fail(self, partner_id: int, item: Item, error: str) -> None:
        """A final refusal: the item stops, the package is 'failed' with the partner's answer."""
        with self.database.session() as session:
            session.execute(
                update(FedOutbox)
                .where(FedOutbox.id == item.id)
                .values(state="failed", attempts=item.attempts + 1, last_error=error[:2000])
            )
            if item.kind == "package":
                session.execute(
                    update(SharePackage)
                    .where(
                        SharePackage.package_id == item.package_id,
                        SharePackage.direction == "outbound",
                        SharePackage.status == "queued",
                    )
                    .values(status="failed")
                )
        log.warning("delivery failed", extra={"problem": error[:300]})


def start_sender(database: Database, worker: str) -> Sender | None:
    """A sender when this server federates (a passphrase and a hosted agency), else None."""
    config = FederationSettings()
    if config.passphrase is None:
        return None
    try:
        sender = Sender(database, config, worker)
        sender.identity.keys()
    except FraudlinkError as error:
        log.warning("federation sender not started", extra={"problem": error.message})
        return None
    return sender


def list_outbox(
    session: Session, units: list[int] | None = None, after: int = 0, limit: int = 1000
) -> list[dict[str, object]]:
    """Deliveries in queue order (``id`` is the cursor), with the package's own state.

    ``units``: only packages those agencies sent (receipts are the hosted agency's).
    """
    query = (
        select(FedOutbox, Agency.code, SharePackage.status, SharePackage.sender_id)
        .join(FedPartner, FedPartner.id == FedOutbox.partner_id)
        .join(Agency, Agency.id == FedPartner.agency_id)
        .outerjoin(
            SharePackage,
            (SharePackage.package_id == FedOutbox.package_id)
            & (SharePackage.direction == "outbound"),
        )
        .where(FedOutbox.id > after)
        .order_by(FedOutbox.id)
        .limit(limit)
    )
    if units is not None:
        query = query.where(SharePackage.sender_id.in_(units))
    return [
        {
            "id": item.id,
            "package_id": item.package_id,
            "kind": item.kind,
            "partner": code,
            "state": item.state,
            "package_state": status,
            "size": item.size,
            "attempts": item.attempts,
            "last_error": item.last_error,
            "queued_at": item.queued_at.isoformat(),
            "delivered_at": item.delivered_at.isoformat() if item.delivered_at else None,
        }
        for item, code, status, _sender in session.execute(query)
    ]


#: the way of a package to a partner's server; each later step implies the earlier ones
STEPS = ("created", "approved", "queued", "delivered", "opened")
#: how far a package in each status got (a file carried by hand stops once written)
REACHED = {
    "draft": 0,
    "awaiting_approval": 0,
    "blocked": 0,
    "written": 1,
    "sent": 1,
    "queued": 2,
    "failed": 2,
    "delivered": 3,
    "opened": 4,
}
#: statuses that end the way early, or change it after the fact
ENDS = ("blocked", "failed", "retracted", "corrected", "written")


def progress(session: Session, packages: list[dict[str, Any]]) -> None:
    """Add to each outbound package summary where it stands on its way to the partner:
    ``steps`` (each of STEPS done or not), ``end`` (blocked, failed, retracted, corrected,
    or written for a file carried by hand) and ``reason`` (the safeguards' or the partner's
    answer). Retracted and corrected packages keep the steps their receipts prove."""
    ids = [str(p["package_id"]) for p in packages if p.get("direction") == "outbound"]
    if not ids:
        return
    deliveries = {
        row.package_id: row
        for row in session.scalars(
            select(FedOutbox).where(FedOutbox.kind == "package", FedOutbox.package_id.in_(ids))
        )
    }
    receipts: dict[str, set[str]] = {}
    for package_id, kind in session.execute(
        select(FedReceipt.package_id, FedReceipt.kind).where(FedReceipt.package_id.in_(ids))
    ):
        receipts.setdefault(package_id, set()).add(kind)
    for package in packages:
        if package.get("direction") != "outbound":
            continue
        status, pid = str(package["status"]), str(package["package_id"])
        delivery, proved = deliveries.get(pid), receipts.get(pid, set())
        reached = REACHED.get(status, 1)
        if status in ("retracted", "corrected"):
            reached = 4 if "opened" in proved else 3 if "delivered" in proved else 1
            reached = max(reached, 2 if delivery is not None else 1)
        package["steps"] = [
            {"code": step, "done": index <= reached} for index, step in enumerate(STEPS)
        ]
        package["end"] = status if status in ENDS else None
        if status == "written" and delivery is None:
            package["end"] = "written"
        reason: str | None = None
        if status == "blocked":
            reason = "; ".join(package.get("problems") or []) or None
        elif status == "failed" and delivery is not None:
            reason = delivery.last_error
        elif delivery is not None and delivery.state == "queued" and delivery.last_error:
            reason = delivery.last_error  # retrying: why the last attempt did not go through
        package["reason"] = reason
        package["attempts"] = delivery.attempts if delivery is not None else 0
