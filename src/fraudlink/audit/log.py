"""Appending to the audit log inside the caller's own transaction.

The entry is written on the caller's connection and commits or rolls back
with the caller's work, so an import that fails leaves no entry claiming it
happened. Appending first updates the chain-head row (``UPDATE ... RETURNING``),
which takes the row lock on PostgreSQL (like ``SELECT ... FOR UPDATE``) and
the database write lock on SQLite: concurrent writers queue instead of forking
the chain. The lock is held until the caller commits, so keep audited
transactions short.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update
from sqlalchemy.orm import Session

from fraudlink.audit.chain import canonical_json, entry_hash
from fraudlink.audit.tables import HEAD_ID, AuditEntryRow, AuditHead
from fraudlink.errors import ConfigError, InputError

ENTRY_TABLE = cast(Table, AuditEntryRow.__table__)
ACTIONS = ("create", "read", "export", "import", "delete", "approve", "refuse")


@dataclass(frozen=True)
class AuditEvent:
    """What happened, before it gets its place (``seq``) and hash in the chain."""

    action: str
    record_type: str
    record_id: str
    user: str
    purpose: str | None = None
    agency: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    """An entry as stored; ``detail`` is the canonical JSON text that was hashed."""

    seq: int
    at: str
    action: str
    record_type: str
    record_id: str
    user: str
    agency: str | None
    purpose: str | None
    detail: str
    prev_hash: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        row = {name: getattr(self, name) for name in self.__dataclass_fields__}
        row["detail"] = json.loads(self.detail)
        return row

    def as_row(self) -> dict[str, Any]:
        """Column values for ``audit_entry`` (``user`` is a reserved word in SQL)."""
        row = {name: getattr(self, name) for name in self.__dataclass_fields__}
        row["user_name"] = row.pop("user")
        return row


def current_user(user: str | None = None) -> str:
    """Who is acting: the explicit ``user``, else ``$FRAUDLINK_USER``, else the OS login."""
    if user:
        return user
    from_env = os.environ.get("FRAUDLINK_USER", "").strip()
    if from_env:
        return from_env
    try:
        return getpass.getuser()
    except (OSError, KeyError) as exc:
        raise ConfigError(
            "Cannot tell who is acting; set FRAUDLINK_USER to your user name."
        ) from exc


def _connection(target: Connection | Session) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _check(event: AuditEvent) -> None:
    if event.action not in ACTIONS:
        raise InputError(f"Audit action '{event.action}' is not one of {', '.join(ACTIONS)}.")
    if not event.user:
        raise InputError("An audit entry needs the acting user; pass user= or set FRAUDLINK_USER.")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _claim(connection: Connection, count: int) -> tuple[int, str]:
    """Lock the head and reserve ``count`` sequence numbers; return the last seq and hash."""
    statement = (
        update(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .values(seq=AuditHead.seq + count)
        .returning(AuditHead.seq, AuditHead.hash)
    )
    row = connection.execute(statement).one()
    return int(row.seq) - count, str(row.hash)


def _chain(events: Sequence[AuditEvent], seq: int, prev_hash: str) -> Iterator[AuditEntry]:
    at = _now()
    for event in events:
        seq += 1
        fields: dict[str, Any] = {
            "seq": seq,
            "at": at,
            "action": event.action,
            "record_type": event.record_type,
            "record_id": str(event.record_id),
            "user": event.user,
            "agency": event.agency,
            "purpose": event.purpose,
            "detail": canonical_json(dict(event.detail)),
            "prev_hash": prev_hash,
        }
        prev_hash = entry_hash(fields)
        yield AuditEntry(**fields, hash=prev_hash)


def record_events(target: Connection | Session, events: Sequence[AuditEvent]) -> list[AuditEntry]:
    """Append several events under one lock, in order (bulk imports, benchmarks)."""
    for event in events:
        _check(event)
    if not events:
        return []
    connection = _connection(target)
    last_seq, last_hash = _claim(connection, len(events))
    entries = list(_chain(events, last_seq, last_hash))
    connection.execute(insert(ENTRY_TABLE), [entry.as_row() for entry in entries])
    connection.execute(
        update(AuditHead).where(AuditHead.id == HEAD_ID).values(hash=entries[-1].hash)
    )
    return entries


def record_event(
    target: Connection | Session,
    *,
    action: str,
    record_type: str,
    record_id: str,
    user: str,
    purpose: str | None = None,
    agency: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction; it commits or rolls back with it."""
    event = AuditEvent(action, record_type, record_id, user, purpose, agency, dict(detail or {}))
    [entry] = record_events(target, [event])
    return entry


def _entry(row: Any) -> AuditEntry:
    values = dict(row._mapping)
    values["user"] = values.pop("user_name")
    return AuditEntry(**values)


def last_entries(connection: Connection, limit: int = 50) -> list[AuditEntry]:
    """The newest ``limit`` entries, oldest first, as a reader of a log expects."""
    newest = select(ENTRY_TABLE).order_by(ENTRY_TABLE.c.seq.desc()).limit(limit)
    rows = connection.execute(newest).all()
    return [_entry(row) for row in reversed(rows)]


def entries_after(
    session: Session, after: int, limit: int, agencies: Collection[str]
) -> tuple[list[AuditEntry], int | None]:
    """A page of entries about ``agencies``, oldest first, and the cursor of the next page."""
    query = (
        select(ENTRY_TABLE)
        .where(ENTRY_TABLE.c.seq > after, ENTRY_TABLE.c.agency.in_(list(agencies)))
        .order_by(ENTRY_TABLE.c.seq)
        .limit(limit + 1)
    )
    rows = [_entry(row) for row in session.connection().execute(query)]
    page = rows[:limit]
    return page, page[-1].seq if len(rows) > limit else None


@dataclass(frozen=True)
class AuditFilter:
    """Which entries a reader asks for; every field narrows, none means all."""

    user: str | None = None
    action: str | None = None
    record_type: str | None = None
    record_id: str | None = None
    since: str | None = None  # ISO 8601, compared with the entry's UTC time
    until: str | None = None


def _utc_text(at: str) -> str:
    """An ISO time as the log writes times (UTC, ``Z``), so text comparison orders them."""
    try:
        parsed = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"{at!r} is not an ISO 8601 date or time.") from exc
    aware = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def find_entries(
    connection: Connection, where: AuditFilter, limit: int = 50, before: int | None = None
) -> list[AuditEntry]:
    """The newest ``limit`` entries matching ``where`` with ``seq`` below ``before``, oldest
    first; the next page is asked for with ``before`` = the first ``seq`` of this one."""
    c = ENTRY_TABLE.c
    query = select(ENTRY_TABLE)
    for column, value in (
        (c.user_name, where.user),
        (c.action, where.action),
        (c.record_type, where.record_type),
        (c.record_id, where.record_id),
    ):
        if value is not None:
            query = query.where(column == value)  # fmt: skip
    if where.since:
        query = query.where(c.at >= _utc_text(where.since))
    if where.until:
        query = query.where(c.at <= _utc_text(where.until))
    if before is not None:
        query = query.where(c.seq < before)
    rows = connection.execute(query.order_by(c.seq.desc()).limit(limit)).all()
    return [_entry(row) for row in reversed(rows)]
