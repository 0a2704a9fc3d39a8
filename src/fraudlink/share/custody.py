"""Chain of custody: every evidence item's log, hash-chained, continued across agencies.

A received log is checked link by link before it is stored, then the receiver
appends its own "received" event, so the chain reads from the seizure to the
present holder without a gap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.errors import InputError
from fraudlink.share.errors import PackageRejected
from fraudlink.share.tables import CustodyEvent, EvidenceItem
from fraudlink.store.schema import Case

GENESIS = "0" * 64


@dataclass(frozen=True)
class Acquisition:
    """Who acquired the evidence, when, how, and under which authorisation."""

    by: str
    at: dt.datetime
    method: str
    authorisation: str


def acquisition_record(
    evidence: bool, by: str | None, at: str | None, method: str | None, authorisation: str | None
) -> dict[str, str]:
    """How evidence was obtained, required before any file leaves: a court asks first."""
    if not evidence:
        return {}
    missing = [name for name, value in (("--method", method), ("--authorisation", authorisation))
               if not (value and value.strip())]  # fmt: skip
    if missing:
        raise InputError(
            f"Evidence needs its custody record: give {' and '.join(missing)} "
            "(how it was obtained and under which warrant or order)."
        )
    record = {"method": str(method).strip(), "authorisation": str(authorisation).strip()}
    if by:
        record["by"] = by
    if at:
        try:
            when = dt.datetime.fromisoformat(at)
        except ValueError as exc:
            raise InputError(f"--acquired-at {at!r} is not an ISO 8601 time.") from exc
        record["at"] = (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).isoformat()
    return record


def _hash(evidence_sha256: str, event: dict[str, Any]) -> str:
    body = {key: event[key] for key in sorted(event) if key != "hash"}
    data = json.dumps([evidence_sha256, body], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def iso(at: dt.datetime) -> str:
    """One spelling of a time in UTC, whatever the database hands back (SQLite drops the zone)."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).isoformat()


def event_json(event: CustodyEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "action": event.action,
        "actor": event.actor,
        "agency": event.agency,
        "at": iso(event.at),
        "package_id": event.package_id,
        "note": event.note,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def log(session: Session, item: EvidenceItem) -> list[CustodyEvent]:
    query = select(CustodyEvent).where(CustodyEvent.evidence_id == item.id)
    return list(session.scalars(query.order_by(CustodyEvent.seq)))


def append(
    session: Session,
    item: EvidenceItem,
    action: str,
    actor: str,
    agency: str,
    package_id: str | None = None,
    note: str | None = None,
    at: dt.datetime | None = None,
) -> CustodyEvent:
    events = log(session, item)
    previous = events[-1].hash if events else GENESIS
    when = dt.datetime.fromisoformat(iso(at or dt.datetime.now(dt.UTC)))
    data = {
        "seq": len(events) + 1,
        "action": action,
        "actor": actor,
        "agency": agency,
        "at": iso(when),
        "package_id": package_id,
        "note": note,
        "prev_hash": previous,
    }
    event = CustodyEvent(evidence_id=item.id, **{**data, "at": when}, hash=_hash(item.sha256, data))
    session.add(event)
    session.flush()
    return event


def register(
    session: Session, case: Case, name: str, sha256: str, size: int, acq: Acquisition, agency: str
) -> EvidenceItem:
    """The case's record of this file, created with its "acquired" event the first time."""
    item = session.scalar(
        select(EvidenceItem).where(EvidenceItem.case_id == case.id, EvidenceItem.sha256 == sha256)
    )
    if item is not None:
        return item
    item = EvidenceItem(
        case_id=case.id,
        sha256=sha256,
        size=size,
        name=name,
        acquired_by=acq.by,
        acquired_at=acq.at,
        method=acq.method,
        authorisation=acq.authorisation,
        tlp=case.tlp,
    )
    session.add(item)
    session.flush()
    append(session, item, "acquired", acq.by, agency, note=acq.method, at=acq.at)
    return item


def check_chain(sha256: str, events: list[dict[str, Any]]) -> None:
    """Refuse a received custody log whose links do not follow one another."""
    previous = GENESIS
    for seq, event in enumerate(events, start=1):
        if event.get("seq") != seq or event.get("prev_hash") != previous:
            raise PackageRejected(f"The custody log of evidence {sha256[:12]} has a gap at {seq}.")
        if _hash(sha256, event) != event.get("hash"):
            raise PackageRejected(f"The custody log of evidence {sha256[:12]} was altered.")
        previous = str(event["hash"])


def continue_chain(session: Session, item: EvidenceItem, events: list[dict[str, Any]]) -> None:
    """Copy the sender's log (when this item is new here) so the receiver's log continues it."""
    check_chain(item.sha256, events)
    if log(session, item):
        return
    for event in events:
        at = dt.datetime.fromisoformat(str(event["at"]))
        fields = {key: event[key] for key in ("seq", "action", "actor", "agency", "package_id")}
        session.add(
            CustodyEvent(
                evidence_id=item.id,
                at=at,
                note=event.get("note"),
                prev_hash=event["prev_hash"],
                hash=event["hash"],
                **fields,
            )
        )
    session.flush()
