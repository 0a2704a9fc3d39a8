"""The receiving side: chunks into a staging file, a verified package into the inbox, then opening.

A package arrives as signed chunks appended to ``spool/incoming/<id>.part``; the
sender asks how far the file got and continues from there, so a transfer cut
by a crash resumes instead of restarting. Only when the last byte is in is the
whole file checked — its SHA-256 against what the sender announced, then the
package signature and the manifest (it must be addressed to us, by the partner
who signed the requests) — and moved into ``spool/inbox/`` and recorded in one
step. Nothing of a package is in the database before that step, and nothing of
its records before a liaison opens it, which runs every check ``package open``
runs (``share.receive.open_package``). Corrections and retractions are applied
as they arrive.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal, principal_for_name
from fraudlink.errors import Conflict, FraudlinkError, InputError, NotFound
from fraudlink.federation import receipts
from fraudlink.federation.config import FederationSettings
from fraudlink.federation.partners import now, partner_row
from fraudlink.federation.tables import FedInbox, FedOutbox
from fraudlink.share.archive import Limits, open_zip, read_manifest, verify_file
from fraudlink.share.errors import PackageRejected
from fraudlink.share.keys import LocalKeys, SigningKey, signing_keys
from fraudlink.share.manifest import Manifest
from fraudlink.share.prefix import by_prefix
from fraudlink.share.receive import Received, open_package
from fraudlink.share.tables import SharePackage
from fraudlink.store import Database
from fraudlink.store.schema import Agency

log = logging.getLogger("fraudlink.federation")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
SYSTEM_USER = "federation"
READ = 1 << 20


@dataclass(frozen=True)
class Chunk:
    """One upload request: ``data`` goes at ``offset`` of a ``total``-byte file (``sha256``)."""

    sender: str
    package_id: str
    offset: int
    total: int
    sha256: str
    data: bytes

    def check(self, limits: Limits) -> None:
        if not UUID.match(self.package_id) or not SHA256.match(self.sha256):
            raise InputError("Name the package by its UUID and the file by its SHA-256 hex.")
        if not 0 <= self.offset <= self.total or self.offset + len(self.data) > self.total:
            raise InputError("The chunk does not fit in the file's announced size.")
        if self.total > limits.max_total:
            raise InputError(f"A package over {limits.max_total} bytes is not accepted.")


def _folders(config: FederationSettings) -> tuple[Path, Path]:
    spool = config.spool.resolve()  # the inbox row keeps an absolute path for any opener
    incoming, inbox = spool / "incoming", spool / "inbox"
    incoming.mkdir(parents=True, exist_ok=True)
    inbox.mkdir(parents=True, exist_ok=True)
    return incoming, inbox


def _staging(config: FederationSettings, sender: str, package_id: str) -> Path:
    tag = hashlib.sha256(sender.encode()).hexdigest()[:12]
    return _folders(config)[0] / f"{package_id}-{tag}.part"


def state(
    database: Database, config: FederationSettings, sender: str, package_id: str
) -> dict[str, Any]:
    """What the receiver holds of a package: its receipt, or how many bytes are staged."""
    if not UUID.match(package_id):
        raise InputError("Name the package by its UUID.")
    with database.session() as session:
        row = _held(session, package_id, sender)
        if row is not None:
            return {"state": "received", "package": package_id, "receipt": row.receipt}
    staged = _staging(config, sender, package_id)
    offset = staged.stat().st_size if staged.exists() else 0
    return {"state": "partial", "package": package_id, "offset": offset}


def _held(session: Session, package_id: str, sender: str) -> FedInbox | None:
    row = session.scalar(select(FedInbox).where(FedInbox.package_id == package_id))
    if row is not None and session.get(Agency, row.sender_id).code != sender:  # type: ignore[union-attr]
        raise Conflict("Another agency sent a package with this id; send under a new id.")
    return row


def receive_chunk(
    database: Database, config: FederationSettings, keys: LocalKeys, chunk: Chunk
) -> dict[str, Any]:
    """Append the chunk where the staged file ends; finish the package with its last byte."""
    chunk.check(Limits())
    held = state(database, config, chunk.sender, chunk.package_id)
    if held["state"] == "received" or chunk.offset != held["offset"]:
        return held  # already here, or the sender must continue from our offset
    staged = _staging(config, chunk.sender, chunk.package_id)
    with staged.open("r+b" if staged.exists() else "wb") as sink:
        sink.seek(chunk.offset)
        sink.write(chunk.data)
        sink.truncate()
    end = chunk.offset + len(chunk.data)
    if end < chunk.total:
        return {"state": "partial", "package": chunk.package_id, "offset": end}
    return _finish(database, config, keys, chunk, staged)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(READ):
            digest.update(block)
    return digest.hexdigest()


def _finish(
    database: Database, config: FederationSettings, keys: LocalKeys, chunk: Chunk, staged: Path
) -> dict[str, Any]:
    """Verify the whole file, then move it into the inbox and record it in one step."""
    if _sha256(staged) != chunk.sha256:
        staged.unlink(missing_ok=True)
        raise PackageRejected("The file's SHA-256 is not the one announced; send it again.")
    try:
        manifest = _verified_manifest(database, staged, chunk.sender, keys.code)
    except PackageRejected:
        staged.unlink(missing_ok=True)
        raise
    if manifest.id != chunk.package_id:
        staged.unlink(missing_ok=True)
        raise PackageRejected("The package's manifest carries another id than the upload.")
    target = _folders(config)[1] / f"{manifest.id}.flpkg"
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, target)
    receipt = receipts.make(
        keys, "delivered", manifest.id, chunk.sender, sha256=chunk.sha256, size=chunk.total
    )
    with database.session() as session:
        _record(session, manifest, target, chunk, receipt)
    if manifest.relation is not None:
        try:
            apply_follow_up(database, config, keys, manifest.id)
        except FraudlinkError as error:  # delivered all the same; the sender hears via a receipt
            log.warning("follow-up not applied", extra={"problem": error.message})
    return {"state": "received", "package": manifest.id, "receipt": receipt}


def _verified_manifest(database: Database, path: Path, sender: str, local: str) -> Manifest:
    with database.session() as session:
        signer, key = verify_file(path, lambda code: _partner_signing(session, code, sender))
    with open_zip(path) as archive:
        manifest = read_manifest(archive, Limits())
    key.check_signed_at(manifest.signed_at or manifest.created_at, signer)
    if manifest.sender != signer or manifest.recipient != local:
        raise PackageRejected(
            f"The package is from {manifest.sender} to {manifest.recipient}; this is {local}."
        )
    return manifest


def _partner_signing(session: Session, code: str, sender: str) -> list[SigningKey]:
    """Every key the sender has had: a package signed before a rotation still verifies."""
    if code != sender:
        raise PackageRejected("The package was signed by another agency than its sender.")
    return signing_keys(session, code)


def _record(
    session: Session, manifest: Manifest, target: Path, chunk: Chunk, receipt: dict[str, Any]
) -> None:
    codes = [manifest.sender, manifest.recipient]
    rows = session.execute(select(Agency.code, Agency.id).where(Agency.code.in_(codes)))
    ids = {code: agency_id for code, agency_id in rows}
    session.add(
        FedInbox(
            package_id=manifest.id,
            sender_id=ids[manifest.sender],
            recipient_id=ids[manifest.recipient],
            kind=manifest.kind,
            tlp=manifest.markings.tlp,
            relation=manifest.relation,
            follows=manifest.follows,
            path=str(target),
            size=chunk.total,
            sha256=chunk.sha256,
            state="waiting",
            received_at=now(),
            receipt=receipt,
        )
    )


def _opened_here(session: Session, package_id: str) -> bool:
    return (
        session.scalar(
            select(SharePackage.id).where(
                SharePackage.package_id == package_id, SharePackage.direction == "inbound"
            )
        )
        is not None
    )


@dataclass(frozen=True)
class _Held:
    held: LocalKeys

    def keys(self) -> LocalKeys:
        return self.held


def apply_follow_up(
    database: Database, config: FederationSettings, keys: LocalKeys, package_id: str
) -> None:
    """A correction or retraction takes effect on arrival.

    When the original was opened, the follow-up is opened at once (the import
    withdraws or replaces what the original brought). When the original still
    waits in the inbox, a retraction closes it unopened; a correction opens the
    original, then itself, so the liaison finds the records as corrected.
    """
    with database.session() as session:
        row = session.scalar(select(FedInbox).where(FedInbox.package_id == package_id))
        assert row is not None and row.follows is not None
        original = session.scalar(select(FedInbox).where(FedInbox.package_id == row.follows))
        opened = _opened_here(session, row.follows)
        if not opened and original is not None and row.relation == "retracts":
            original.state, row.state = "retracted", "applied"
            row.opened_at, row.opened_by = now(), SYSTEM_USER
            _queue_receipt(session, keys, row, "opened")
            return
    held, follows = _Held(keys), row.follows
    if not opened and original is not None and original.state == "waiting":
        open_from_inbox(database, config, held, follows, SYSTEM_USER)
    open_from_inbox(database, config, held, package_id, SYSTEM_USER)  # the import withdraws


def _opener(session: Session, user: str, recipient_id: int) -> Principal:
    """The signed-in user who opens, or, for a correction or retraction applied on arrival,
    the federation itself acting as a liaison of the recipient agency."""
    if user != SYSTEM_USER:
        return principal_for_name(session, user)
    code = str(session.scalar(select(Agency.code).where(Agency.id == recipient_id)))
    return Principal(
        user_id=0,
        username=SYSTEM_USER,
        agency_id=recipient_id,
        agency=code,
        units=frozenset({recipient_id}),
        unit_codes=frozenset({code}),
        roles=frozenset({"liaison"}),
        joint_cases=frozenset(),
    )


class HasKeys(Protocol):
    def keys(self) -> LocalKeys: ...


def open_from_inbox(
    database: Database,
    config: FederationSettings,
    identity: HasKeys,
    package_id: str,
    user: str,
    units: list[int] | None = None,
) -> Received:
    """Open a waiting package with every check of ``package open``; receipt back to the sender.

    ``units``: the agencies the opener acts for (API); another agency's package is not found.
    """
    with database.session() as session:
        row = _inbox_row(session, package_id, units)
        package_id, path, waiting = row.package_id, Path(row.path), row.state == "waiting"
        opener = _opener(session, user, row.recipient_id)
    if not waiting:
        raise InputError(f"Package {package_id} is '{row.state}' in the inbox, not waiting.")
    keys = identity.keys()
    try:
        received = open_package(database, path, config.secret(), config.evidence_dir, opener)
    except FraudlinkError as error:
        if isinstance(error, PackageRejected):
            _settle(database, keys, package_id, "rejected", user, error.message)
        raise
    _settle(database, keys, package_id, "opened", user, None)
    return received


def _inbox_row(session: Session, package_id: str, units: list[int] | None) -> FedInbox:
    """The inbox row ``package_id`` names, whole or by a unique beginning as everywhere a
    package is named; another agency's package is not found."""
    query = select(FedInbox)
    if units is not None:
        query = query.where(FedInbox.recipient_id.in_(units))
    missing = f"No package {package_id!r} in the inbox; `fraudlink partner inbox` lists them."
    return by_prefix(session, query, FedInbox.package_id, package_id, missing)


def _settle(
    database: Database,
    keys: LocalKeys,
    package_id: str,
    outcome: str,
    user: str,
    reason: str | None,
) -> None:
    with database.session() as session:
        row = session.scalar(select(FedInbox).where(FedInbox.package_id == package_id))
        assert row is not None
        row.state = outcome if outcome == "rejected" else "opened"
        row.opened_at, row.opened_by, row.error = now(), user, reason
        _queue_receipt(session, keys, row, outcome, reason)


def _queue_receipt(
    session: Session, keys: LocalKeys, row: FedInbox, kind: str, reason: str | None = None
) -> None:
    """The second receipt goes back through the outbox, so it too survives the sender being down."""
    sender = session.get(Agency, row.sender_id)
    assert sender is not None
    try:
        partner = partner_row(session, sender.code)
    except NotFound:
        return  # a partner without a server: nobody to tell
    facts = {"reason": reason[:1000]} if reason else {}
    document = receipts.make(keys, kind, row.package_id, sender.code, **facts)
    exists = session.scalar(
        select(FedOutbox.id).where(
            FedOutbox.kind == "receipt",
            FedOutbox.package_id == row.package_id,
            FedOutbox.partner_id == partner.id,
        )
    )
    if exists is None:
        session.add(
            FedOutbox(
                kind="receipt",
                package_id=row.package_id,
                partner_id=partner.id,
                state="queued",
                body=document,
                size=0,
                attempts=0,
                queued_at=now(),
            )
        )


def list_inbox(
    session: Session, units: list[int] | None = None, after: int = 0, limit: int = 1000
) -> list[dict[str, Any]]:
    """Inbox rows in arrival order (``id`` is the cursor); ``units`` limits to those agencies."""
    query = select(FedInbox, Agency.code).join(Agency, Agency.id == FedInbox.sender_id)
    if units is not None:
        query = query.where(FedInbox.recipient_id.in_(units))
    query = query.where(FedInbox.id > after).order_by(FedInbox.id).limit(limit)
    return [
        {
            "id": row.id,
            "package_id": row.package_id,
            "sender": code,
            "kind": row.kind,
            "tlp": row.tlp,
            "relation": row.relation,
            "follows": row.follows,
            "size": row.size,
            "state": row.state,
            "received_at": row.received_at.isoformat(),
            "opened_at": row.opened_at.isoformat() if row.opened_at else None,
            "opened_by": row.opened_by,
            "error": row.error,
        }
        for row, code in session.execute(query)
    ]


def clean_staging(config: FederationSettings, older_than: float = 7 * 86400) -> int:
    """Staged parts no sender came back for in a week are dropped (the sender restarts at 0)."""
    import time

    incoming = _folders(config)[0]
    dropped = 0
    for part in incoming.glob("*.part"):
        if time.time() - part.stat().st_mtime > older_than:
            part.unlink(missing_ok=True)
            dropped += 1
    return dropped


def inbox_file(session: Session, package_id: str) -> FedInbox:
    row = session.scalar(select(FedInbox).where(FedInbox.package_id == package_id))
    if row is None:
        raise NotFound(f"No package {package_id} in the inbox.")
    return row
