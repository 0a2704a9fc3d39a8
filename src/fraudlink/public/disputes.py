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
    from sqlalchemy.orm import Session

    from fraudlink.access import Principal
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
    dispute = _decide(spool, reference, "withdrawn", note)
    with database.session() as session:
        _hold(session, dispute)
    return dispute


def reject(spool: Path, reference: str, note: str | None = None) -> Dispute:
    return _decide(spool, reference, "rejected", note)


def _hold(session: Session, dispute: Dispute) -> None:
    """Record the withdrawal ``publish`` reads (once, however often it is upheld)."""
    from sqlalchemy import select

    from fraudlink.public.tables import PublicWithdrawal

    held = session.execute(
        select(PublicWithdrawal).where(
            PublicWithdrawal.kind == dispute.kind, PublicWithdrawal.value == dispute.value
        )
    ).scalar_one_or_none()
    if held is None:
        session.add(PublicWithdrawal(kind=dispute.kind, value=dispute.value,
                                     reference=dispute.reference, reason=dispute.note))  # fmt: skip


def _release(session: Session, dispute: Dispute) -> None:
    """Undo a withdrawal this dispute made: a decision reversed puts the identifier back."""
    from sqlalchemy import delete

    from fraudlink.public.tables import PublicWithdrawal

    session.execute(
        delete(PublicWithdrawal).where(
            PublicWithdrawal.kind == dispute.kind,
            PublicWithdrawal.value == dispute.value,
            PublicWithdrawal.reference == dispute.reference,
        )
    )


# --- the agency's view: disputes of identifiers its visible reports name -------------------


def _mentioned(session: Session, principal: Principal, kind: str, value: str,
               own: bool) -> bool:  # fmt: skip
    """Whether a report the principal sees (``own``: its agency filed) names the identifier.

    A dispute concerns the agencies whose reports put the identifier in the index; the
    others do not learn from the dispute list that it was ever reported.
    """
    from sqlalchemy import or_, select

    from fraudlink.access.scope import visible
    from fraudlink.public.index import WEB_SCHEMES, key_form
    from fraudlink.public.publish import account_forms, twins
    from fraudlink.store.schema import Identifier, Report, ReportIdentifier

    forms = [Identifier.value == value]
    if kind == "url":  # published without its scheme: a report of either form put it there
        bare = key_form(kind, value)
        forms.append(Identifier.value.in_([scheme + bare for scheme in WEB_SCHEMES]))
    if kind == "bank_account":
        digits, bank = account_forms(value)
        if bank is None:  # the digits alone match the account written with any bank
            forms.append(Identifier.value.endswith(":" + digits))
        else:  # and the account written with its bank matches the digits stored alone
            forms.append(Identifier.value == digits)
    query = (
        select(Report.id)
        .join(ReportIdentifier, ReportIdentifier.report_id == Report.id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .where(Identifier.kind.in_(twins(kind)), or_(*forms), visible(principal, "report"))
        .limit(1)
    )
    if own:
        query = query.where(Report.agency_id.in_(principal.units))
    return session.scalar(query) is not None


def disputes_for(session: Session, principal: Principal, spool: Path,
                 status: str | None = None) -> list[Dispute]:  # fmt: skip
    """The disputes the principal's agency may review, oldest first."""
    return [d for d in list_disputes(spool, status)
            if _mentioned(session, principal, d.kind, d.value, own=False)]  # fmt: skip


def dispute_for(session: Session, principal: Principal, spool: Path, reference: str) -> Dispute:
    for found in list_disputes(spool):
        if found.reference == reference and _mentioned(
            session, principal, found.kind, found.value, own=False
        ):
            return found
    raise NotFound(f"No dispute {reference} concerns reports you can see.")


def decidable(session: Session, principal: Principal, dispute: Dispute) -> bool:
    """Whether the principal's agency may decide: its own reports name the identifier."""
    return _mentioned(session, principal, dispute.kind, dispute.value, own=True)


DECISIONS = {"withdraw": "withdrawn", "reject": "rejected"}


def decide(session: Session, principal: Principal, spool: Path, reference: str,
           decision: str, note: str | None = None) -> Dispute:  # fmt: skip
    """Withdraw the identifier from the next publish, or reject the dispute; a later
    decision replaces an earlier one (a withdrawal made in error is undone)."""
    from fraudlink.errors import Forbidden

    found = dispute_for(session, principal, spool, reference)
    if not _mentioned(session, principal, found.kind, found.value, own=True):
        raise Forbidden("Only an agency whose own reports name the identifier may decide.")
    decided = _decide(spool, reference, DECISIONS[decision], note)
    if decided.status == "withdrawn":
        _hold(session, decided)
    else:
        _release(session, decided)
    return decided
