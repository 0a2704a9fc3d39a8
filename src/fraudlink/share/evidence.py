"""The evidence store: files kept under their SHA-256, each with its chain of custody.

A file arrives as a stream of chunks (an upload): it is hashed while it is
written to a spool file inside the store, then moved to
``DIR/<sha256>/<original name>`` — the place an opened package puts evidence
too (``importer.evidence_path``). The case's evidence item is registered with
its acquisition record and an "acquired" custody event the first time, and
every later hand-over is a custody event: "uploaded" when a file comes in,
"downloaded" each time someone takes a copy out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.errors import Conflict, InputError, NotFound
from fraudlink.share.custody import Acquisition, append, event_json, iso, log, register
from fraudlink.share.importer import evidence_path
from fraudlink.share.tables import EvidenceItem
from fraudlink.store.schema import Case

CHUNK = 1 << 20


class Spool:
    """A file being received: written to a hidden spool file in the store and hashed as it
    comes. ``keep`` moves it into place; leaving the ``with`` block removes what is left."""

    def __init__(self, evidence_dir: Path) -> None:
        evidence_dir.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".upload-", dir=evidence_dir)
        self.path = Path(name)
        self._file = os.fdopen(handle, "wb")
        self._digest = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self._digest.update(chunk)
        self.size += len(chunk)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    def close(self) -> None:
        if not self._file.closed:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()

    def keep(self, target: Path) -> Path:
        """Move the file to ``target`` (the same content may already be there: keep that)."""
        self.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            self.path.unlink(missing_ok=True)
        else:
            self.path.replace(target)
        return target

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def add_evidence(
    session: Session,
    case: Case,
    spool: Spool,
    name: str,
    acquisition: Acquisition,
    actor: str,
    agency: str,
    evidence_dir: Path,
) -> EvidenceItem:
    """Register the spooled file as the case's evidence, store it, and log the upload.

    The same file twice in one case is one item (its log gains another "uploaded");
    an empty file is refused.
    """
    spool.close()
    if spool.size == 0:
        raise InputError("The evidence file is empty; send the file's bytes as the body.")
    item = register(session, case, name, spool.sha256, spool.size, acquisition, agency)
    stored = Path(item.stored_path) if item.stored_path else None
    if stored is None or not stored.is_file():
        stored = spool.keep(evidence_path(evidence_dir, item.sha256, item.name))
        item.stored_path = str(stored)
    append(session, item, "uploaded", actor, agency, note=f"{spool.size} bytes")
    return item


def take_out(session: Session, item: EvidenceItem, actor: str, agency: str) -> Path:
    """The stored file of ``item`` for a copy to leave, logged as "downloaded"; the file is
    checked against its hash first, so what leaves is what was registered."""
    path = Path(item.stored_path) if item.stored_path else None
    if path is None or not path.is_file():
        raise NotFound(
            f"Evidence {item.sha256[:12]} is registered here but its file is not held on "
            "this server; ask the agency that holds it."
        )
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != item.sha256:
        raise Conflict(
            f"The stored file of evidence {item.sha256[:12]} no longer matches its hash; "
            "it is not handed out. Tell the evidence officer."
        )
    append(session, item, "downloaded", actor, agency)
    return path


def evidence_json(session: Session, item: EvidenceItem) -> dict[str, Any]:
    return {
        "sha256": item.sha256,
        "name": item.name,
        "size": item.size,
        "tlp": item.tlp,
        "held": bool(item.stored_path),
        "acquisition": {
            "by": item.acquired_by,
            "at": iso(item.acquired_at),
            "method": item.method,
            "authorisation": item.authorisation,
        },
        "custody": [event_json(event) for event in log(session, item)],
    }


def case_items(session: Session, case_id: int) -> list[EvidenceItem]:
    query = select(EvidenceItem).where(EvidenceItem.case_id == case_id)
    return list(session.scalars(query.order_by(EvidenceItem.id)))


def acquisition(by: str, at: dt.datetime | None, method: str, authorisation: str) -> Acquisition:
    """How the evidence was obtained; a court asks first, so method and warrant are required."""
    if not method.strip() or not authorisation.strip():
        raise InputError(
            "Evidence needs its custody record: say how it was obtained (method) "
            "and under which warrant or order (authorisation)."
        )
    when = at or dt.datetime.now(dt.UTC)
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return Acquisition(by=by.strip(), at=when, method=method.strip(), authorisation=authorisation)
