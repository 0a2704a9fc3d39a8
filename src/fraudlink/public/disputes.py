"""Disputes: "this is my number and it was reported by mistake".

The public server writes each dispute into its own small SQLite spool (never
the agency database); the agency lists them and, when it upholds one, records
a withdrawal in its own database so that the next ``publish`` leaves the
identifier out. Each dispute answers with a reference code the person keeps.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fraudlink.errors import InputError, NotFound

if TYPE_CHECKING:
    from fraudlink.store import Database

_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read out over a phone
_SCHEMA = """
CREATE TABLE IF NOT EXISTS dispute (
    reference TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    decided_at TEXT,
    note TEXT
)
"""
MAX_FIELD = 2000


class BadDispute(InputError):
    """A dispute the spool cannot take."""


@dataclass(frozen=True, slots=True)
class Dispute:
    reference: str
    kind: str
    value: str
    message: str
    contact: str
    created_at: str
    status: str
    decided_at: str | None = None
    note: str | None = None

    def as_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def new_reference() -> str:
    code = "".join(secrets.choice(_ALPHABET) for _ in range(10))
    return f"FLD-{code[:5]}-{code[5:]}"


def _connect(spool: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(spool, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(_SCHEMA)
    return conn


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def file_dispute(spool: Path, kind: str, value: str, message: str = "", contact: str = "") -> str:
    """Store a dispute of an identifier already in normal form; the reference to give back."""
    if len(message) > MAX_FIELD or len(contact) > MAX_FIELD:
        raise BadDispute(f"Keep the message and contact under {MAX_FIELD} characters.")
    conn = _connect(spool)
    try:
        with conn:
            reference = new_reference()
            conn.execute(
                "INSERT INTO dispute (reference, kind, value, message, contact, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (reference, kind, value, message.strip(), contact.strip(), _now()),
            )
    finally:
        conn.close()
    return reference


def list_disputes(spool: Path, status: str | None = None) -> list[Dispute]:
    if not spool.exists():
        return []
    conn = _connect(spool)
    try:
        query = "SELECT * FROM dispute" + (" WHERE status = ?" if status else "")
        rows = conn.execute(query + " ORDER BY created_at, reference", (status,) if status else ())
        return [Dispute(*row) for row in rows]
    finally:
        conn.close()


def _decide(spool: Path, reference: str, status: str, note: str | None) -> Dispute:
    conn = _connect(spool)
    try:
        with conn:
            row = conn.execute("SELECT * FROM dispute WHERE reference = ?", (reference,)).fetchone()
            if row is None:
                raise NotFound(f"No dispute {reference}; see `fraudlink public disputes list`.")
            conn.execute(
                "UPDATE dispute SET status = ?, decided_at = ?, note = ? WHERE reference = ?",
                (status, _now(), note, reference),
            )
            reference_, kind, value, message, contact, created_at = row[:6]
            return Dispute(reference_, kind, value, message, contact, created_at,
                           status=status, decided_at=_now(), note=note)  # fmt: skip
    finally:
        conn.close()


def withdraw(database: Database, spool: Path, reference: str, note: str | None = None) -> Dispute:
    """Uphold a dispute: the identifier leaves the index at the next ``publish``."""
    from sqlalchemy import select

    from fraudlink.public.tables import PublicWithdrawal

    dispute = _decide(spool, reference, "withdrawn", note)
    with database.session() as session:
        held = session.execute(
            select(PublicWithdrawal).where(
                PublicWithdrawal.kind == dispute.kind, PublicWithdrawal.value == dispute.value
            )
        ).scalar_one_or_none()
        if held is None:
            session.add(PublicWithdrawal(kind=dispute.kind, value=dispute.value,
                                         reference=reference, reason=note))  # fmt: skip
    return dispute


def reject(spool: Path, reference: str, note: str | None = None) -> Dispute:
    return _decide(spool, reference, "rejected", note)
