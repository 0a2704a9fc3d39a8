"""Opening a package: verify, decrypt, check every SHA-256, then import in one transaction.

Nothing is imported until the whole file has passed: the signature over every
byte, the archive checks, the decryption of every chunk and the hash and size
of every member. Evidence is decrypted into a staging folder and moved into
the evidence store (a folder per SHA-256 holding the file under its original,
sanitised name) only as the last step of the transaction;
on any failure the staging folder is removed and the database rolls back.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from fraudlink.audit import record_event
from fraudlink.audit.anchor import anchor_if_due
from fraudlink.errors import FraudlinkError
from fraudlink.share.archive import Limits, check_members, open_zip, read_manifest, verify_file
from fraudlink.share.crypto import decrypt_stream, key_from
from fraudlink.share.errors import PackageRejected
from fraudlink.share.importer import Context, import_content
from fraudlink.share.keys import LocalKeys, SigningKey, signing_keys, unlock
from fraudlink.share.manifest import Manifest, MemberModel, parse_json
from fraudlink.share.markings import Markings
from fraudlink.share.officers import may_send
from fraudlink.share.received import check_content
from fraudlink.share.tables import SharePackage
from fraudlink.store import Database

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal


@dataclass
class Received:
    package_id: str
    kind: str
    sender: str
    tlp: str
    relation: str | None
    already_opened: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    withdrawn: dict[str, int] = field(default_factory=dict)
    handling: list[str] = field(default_factory=list)
    purpose: str | None = None
    follows: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "package_id": self.package_id,
            "kind": self.kind,
            "sender": self.sender,
            "tlp": self.tlp,
            "relation": self.relation,
            "already_opened": self.already_opened,
            "imported": self.counts,
            "withdrawn": self.withdrawn,
            "handling": self.handling,
            "purpose": self.purpose,
            "follows": self.follows,
        }


def open_package(
    database: Database,
    path: Path,
    passphrase: str,
    evidence_dir: Path,
    by: Principal,
    limits: Limits | None = None,
    agency: str | None = None,
) -> Received:
    """Open ``path`` for ``by``'s agency, which must be the package's recipient."""
    user = may_send(by)
    limits = limits or Limits()
    staging: Path | None = None
    try:
        with database.session() as session:
            keys = unlock(session, passphrase, by.agency)
            sender, signer = verify_file(path, lambda code: _signing_keys(session, code, keys.code))
            with open_zip(path) as archive:
                check_members(archive, limits)
                manifest = _checked_manifest(archive, limits, sender, keys.code)
                signer.check_signed_at(manifest.signed_at or manifest.created_at, sender)
                done = _already(session, manifest)
                if done is not None:
                    return done
                key, body = _decrypted_content(archive, keys, manifest, limits)
                if len(manifest.members) > 1:
                    staging = _staging(evidence_dir)
                    staged = _stage_evidence(archive, key, manifest, staging)
                else:
                    staged = {}
            received, targets = _import(session, manifest, body, staged, evidence_dir, keys, user)
            _finish_evidence(staged, targets, evidence_dir)
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, FraudlinkError):
            raise
        raise PackageRejected(
            f"The package is malformed ({type(exc).__name__}); nothing was imported."
        ) from exc
    except (DataError, IntegrityError) as exc:
        raise PackageRejected(
            f"The package's records do not fit this database ({type(exc.orig).__name__}); "
            "nothing was imported."
        ) from exc
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    anchor_if_due(database, passphrase)
    return received


def _staging(evidence_dir: Path) -> Path:
    """A fresh folder of our own making inside the evidence store; no name from the package."""
    evidence_dir.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".incoming-", dir=evidence_dir))


def _inside(root: Path, path: Path) -> Path:
    """``path`` once resolved (links followed), refused unless it stays under ``root``."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise PackageRejected(f"A member would be written outside {root}; nothing was imported.")
    return resolved


def _signing_keys(session: Session, code: str, local: str) -> list[SigningKey]:
    if code == local:
        raise PackageRejected(
            f"This package was made here, by {local}, for a partner; it is opened at the "
            "recipient's database (`fraudlink package show ID` shows it here)."
        )
    return signing_keys(session, code)


def _checked_manifest(
    archive: zipfile.ZipFile, limits: Limits, sender: str, local: str
) -> Manifest:
    manifest = read_manifest(archive, limits)
    if manifest.sender != sender:
        raise PackageRejected("The manifest names another sender than the one who signed it.")
    if manifest.recipient != local:
        raise PackageRejected(
            f"The package is addressed to '{manifest.recipient}', not to this agency ({local})."
        )
    return manifest


def _already(session: Session, manifest: Manifest) -> Received | None:
    row = session.scalar(select(SharePackage).where(SharePackage.package_id == manifest.id))
    if row is None:
        return None
    return Received(row.package_id, row.kind, manifest.sender, row.tlp, row.relation, True)


def _ephemeral(manifest: Manifest) -> bytes:
    return base64.b64decode(manifest.encryption.ephemeral_key, validate=True)


def _member(
    archive: zipfile.ZipFile, key: bytes, index: int, entry: MemberModel, sink: IO[bytes]
) -> None:
    with archive.open(f"{entry.name}.enc") as source:
        digest = decrypt_stream(key, index, entry.size, source, sink, entry.name)
    if digest.sha256 != entry.sha256:
        raise PackageRejected(f"Member {entry.name} does not match its SHA-256 in the manifest.")


def _decrypted_content(
    archive: zipfile.ZipFile, keys: LocalKeys, manifest: Manifest, limits: Limits
) -> tuple[bytes, dict[str, Any]]:
    """The package key and content, with our current key or one rotated out since the
    sender encrypted the package (the last failure is the one reported)."""
    ephemeral = _ephemeral(manifest)
    for private in keys.decryption:
        key = key_from(private, ephemeral, manifest.id)
        try:
            return key, _content(archive, key, manifest, limits)
        except PackageRejected:
            if private is keys.decryption[-1]:
                raise
    raise AssertionError("unreachable: the loop returns or raises")


def _content(
    archive: zipfile.ZipFile, key: bytes, manifest: Manifest, limits: Limits
) -> dict[str, Any]:
    entry = manifest.members[0]
    if entry.name != "content.json" or entry.size > limits.max_manifest:
        raise PackageRejected("The package's content member is missing or too large.")
    buffer = io.BytesIO()
    _member(archive, key, 0, entry, buffer)
    body = parse_json(buffer.getvalue(), "content")
    if not isinstance(body, dict):
        raise PackageRejected("The package's content is not a JSON object.")
    check_content(body, manifest.kind)
    return body


def _stage_evidence(
    archive: zipfile.ZipFile, key: bytes, manifest: Manifest, staging: Path
) -> dict[str, Path]:
    """Decrypt every evidence member under its index; names from the package never make paths."""
    staged: dict[str, Path] = {}
    for index, entry in enumerate(manifest.members[1:], start=1):
        if entry.name != f"evidence/{index:06d}":
            raise PackageRejected(f"Member {entry.name} is out of order in the manifest.")
        target = _inside(staging, staging / f"{index:06d}")
        with target.open("xb") as sink:
            _member(archive, key, index, entry, sink)
        staged[entry.sha256] = target
    return staged


def _import(
    session: Session,
    checked: Manifest,
    body: dict[str, Any],
    staged: dict[str, Path],
    evidence_dir: Path,
    keys: LocalKeys,
    user: str,
) -> tuple[Received, dict[str, Path]]:
    manifest = checked.model_dump(mode="json")
    markings = Markings.from_json(manifest["markings"])
    context = Context(session, manifest, markings, keys.code, user, evidence_dir, staged)
    counts = import_content(context, body)
    record_event(
        session,
        action="import",
        record_type="share_package",
        record_id=str(manifest["id"]),
        user=user,
        purpose=str(manifest.get("purpose")),
        agency=str(manifest["sender"]),
        detail={"kind": manifest["kind"], "tlp": markings.tlp, "counts": counts},
    )
    received = Received(
        str(manifest["id"]),
        str(manifest["kind"]),
        str(manifest["sender"]),
        markings.tlp,
        manifest.get("relation"),
        False,
        counts,
        dict(context.withdrawn),
        list(markings.handling),
        manifest.get("purpose"),
        manifest.get("follows"),
    )
    return received, context.targets


def _finish_evidence(staged: dict[str, Path], targets: dict[str, Path], evidence_dir: Path) -> None:
    """Move staged files into the store (``SHA-256/original name``) as the last step; a
    target that would leave the evidence store refuses the whole package."""
    checked = {sha256: _inside(evidence_dir, target) for sha256, target in targets.items()}
    for sha256, path in staged.items():
        target = checked.get(sha256)
        if target is not None and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
