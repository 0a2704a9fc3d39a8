"""Anchors: signed checkpoints of the audit log, kept outside the database it describes.

The hash chain alone proves nothing to someone who can write the database:
whoever edits an entry can recompute every hash after it and move the head.
An anchor is the entry count and head hash at one moment, signed with the
agency's Ed25519 key (which the database holds only encrypted) and written to
a file that lives elsewhere — another disk, a partner, a printout. Verifying
against it proves the log still *extends* that checkpoint: the entry it names
is still there with the same hash, and nothing before it was removed, so
rewriting, renumbering, truncation and wiping all show.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from fraudlink.audit.chain import canonical_json
from fraudlink.audit.tables import HEAD_ID, AuditEntryRow, AuditHead
from fraudlink.audit.verify import AuditChainBroken, VerifyResult, verify_connection
from fraudlink.errors import InputError
from fraudlink.store import Database

FORMAT = "fraudlink-audit-anchor/1"
CONTEXT = b"fraudlink-audit-anchor-v1\0"
MAX_SIZE = 64 << 10
RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw
AUTO_NAME = re.compile(r"anchor-([0-9]{12})\.json")


@dataclass(frozen=True)
class Anchor:
    """One checkpoint: ``entries`` entries, the last one ``seq`` with ``hash``."""

    agency: str
    entries: int
    seq: int
    hash: str
    at: str
    key: str  # the signing public key, base64, so a reader sees which key to expect
    signature: str = ""

    def signed_bytes(self) -> bytes:
        fields = {k: v for k, v in asdict(self).items() if k != "signature"}
        return CONTEXT + canonical_json({"format": FORMAT, **fields}).encode("utf-8")

    def as_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **asdict(self)}


def key_text(public: Ed25519PublicKey) -> str:
    return base64.b64encode(public.public_bytes(*RAW)).decode("ascii")


def sign(anchor: Anchor, key: Ed25519PrivateKey) -> Anchor:
    signature = base64.b64encode(key.sign(anchor.signed_bytes())).decode("ascii")
    return replace(anchor, signature=signature)


def checkpoint(session: Session, passphrase: str, agency: str | None = None) -> Anchor:
    """Sign the log's current head; refused when the log is already broken."""
    from fraudlink.share.keys import unlock  # the share stage keeps the keys and imports us

    keys = unlock(session, passphrase, agency)
    result = verify_connection(session.connection())
    if not result.ok:
        raise AuditChainBroken(
            result.describe() + "; an anchor is written only over an intact log."
        )
    at = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    public = key_text(keys.signing.public_key())
    draft = Anchor(keys.code, result.entries, result.head_seq, result.head_hash, at, public)
    return sign(draft, keys.signing)


def save(anchor: Anchor, path: Path) -> None:
    """Write the anchor file; an existing anchor is evidence and is never overwritten."""
    text = json.dumps(anchor.as_json(), indent=2, sort_keys=True) + "\n"
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise InputError(
            f"{path} already exists; anchors are never overwritten, name a new file."
        ) from exc


def write_anchor(database: Database, path: Path, passphrase: str) -> Anchor:
    with database.session() as session:
        anchor = checkpoint(session, passphrase, database.settings.agency)
    save(anchor, path)
    return anchor


def read_anchor(path: Path) -> Anchor:
    """Read an anchor file; anything but a well-formed anchor is one clear error."""
    try:
        if path.stat().st_size > MAX_SIZE:
            raise ValueError("too large")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
            raise ValueError("not an anchor")
        anchor = Anchor(**data)
        _check_types(anchor)
    except (OSError, ValueError, TypeError, RecursionError) as exc:
        raise InputError(
            f"{path} is not a readable audit anchor; "
            "use a file written by `fraudlink audit anchor`."
        ) from exc
    return anchor


def _check_types(anchor: Anchor) -> None:
    numbers = (anchor.entries, anchor.seq)
    texts = (anchor.agency, anchor.hash, anchor.at, anchor.key, anchor.signature)
    if not all(type(n) is int and n >= 0 for n in numbers):
        raise ValueError("counts must be whole numbers")
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("fields must be text")


def _signed_by(anchor: Anchor, public: Ed25519PublicKey) -> bool:
    try:
        public.verify(base64.b64decode(anchor.signature, validate=True), anchor.signed_bytes())
    except (InvalidSignature, ValueError):
        return False
    return key_text(public) == anchor.key


def _hash_at(connection: Connection, seq: int) -> str | None:
    found = connection.scalar(select(AuditEntryRow.hash).where(AuditEntryRow.seq == seq))
    return None if found is None else str(found)


def extends(connection: Connection, anchor: Anchor, public: Ed25519PublicKey) -> VerifyResult:
    """The chain checked end to end, then held against the anchor's count and head."""
    result = verify_connection(connection)
    if not _signed_by(anchor, public):
        return _broken(
            result,
            anchor.seq,
            "the anchor's signature does not verify with this agency's key "
            "(forged, altered, or another agency's anchor)",
        )
    if not result.ok:
        return result
    if result.entries < anchor.entries or result.head_seq < anchor.seq:
        return _broken(
            result,
            anchor.seq,
            f"the log holds {result.entries} entries up to {result.head_seq}, the anchor of "
            f"{anchor.at} saw {anchor.entries} up to {anchor.seq}: entries were removed",
        )
    if anchor.seq and _hash_at(connection, anchor.seq) != anchor.hash:
        problem = f"differs from the anchor of {anchor.at}: the log was rewritten up to here"
        return _broken(result, anchor.seq, problem)
    return replace(result, anchored=anchor.entries)


def _broken(result: VerifyResult, seq: int, problem: str) -> VerifyResult:
    return VerifyResult(False, result.entries, result.head_seq, result.head_hash, seq, problem)


def verify_anchor(database: Database, path: Path) -> VerifyResult:
    """``verify`` plus proof that the log extends the checkpoint in ``path``."""
    from fraudlink.share.keys import local_signing_key_for

    anchor = read_anchor(path)
    with database.engine.connect() as connection, connection.begin():
        session = Session(bind=connection)
        public = local_signing_key_for(session, database.settings.agency, anchor.key)
        return extends(connection, anchor, public)


def _newest(folder: Path) -> int:
    """The head ``seq`` of the newest automatic anchor in ``folder`` (0 when none)."""
    found = (AUTO_NAME.fullmatch(path.name) for path in folder.glob("anchor-*.json"))
    return max((int(match.group(1)) for match in found if match), default=0)


def anchor_if_due(database: Database, passphrase: str) -> Anchor | None:
    """Write ``anchor-<seq>.json`` into ``settings.anchor_dir`` once the log has grown by
    ``settings.anchor_every`` entries since the newest one there.

    Called by the operations that hold the passphrase anyway (packages, officers,
    approved exports), after their transaction committed. A broken log is left for
    ``audit verify`` to report: the operation that just succeeded is not undone.
    """
    folder, every = database.settings.anchor_dir, database.settings.anchor_every
    if folder is None:
        return None
    with database.engine.connect() as connection:
        head = connection.scalar(select(AuditHead.seq).where(AuditHead.id == HEAD_ID)) or 0
    if head - _newest(folder) < every:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with database.session() as session:
            anchor = checkpoint(session, passphrase, database.settings.agency)
        save(anchor, folder / f"anchor-{anchor.seq:012d}.json")
    except (AuditChainBroken, InputError):  # broken log, or another writer was first
        return None
    return anchor
