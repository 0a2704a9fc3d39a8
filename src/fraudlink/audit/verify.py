"""Checking the whole chain, streaming, and naming the first entry that is wrong.

Checks, in the order that gives the most useful message: the sequence has no
gap (an entry removed), each entry names the hash of the one before it (an
entry removed, inserted or moved), each entry's own hash matches its content
(an entry edited), and the head row names the last entry (the tail cut off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from fraudlink.audit.chain import FIELDS, row_hash
from fraudlink.audit.tables import GENESIS, HEAD_ID, AuditEntryRow, AuditHead
from fraudlink.errors import FraudlinkError
from fraudlink.store import Database

BATCH = 20_000
_COLUMNS = ", ".join("user_name" if name == "user" else name for name in FIELDS)
_QUERY = f"SELECT {_COLUMNS}, hash FROM audit_entry ORDER BY seq"


class AuditChainBroken(FraudlinkError):
    """The audit log was altered; the message names the first bad entry."""

    status = 409
    title = "Audit log tampered with"


@dataclass(frozen=True)
class VerifyResult:
    """``ok`` with the head hash to note down, or the first bad ``seq`` and why."""

    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    bad_seq: int | None = None
    problem: str | None = None
    anchored: int | None = None  # entries of the anchor the log was proved to extend

    def describe(self) -> str:
        if self.ok:
            extends = (
                f"; extends its anchor of {self.anchored} entries"
                if self.anchored is not None
                else ""
            )
            return f"audit log intact: {self.entries} entries, head {self.head_hash}{extends}"
        where = f" at entry {self.bad_seq}" if self.bad_seq is not None else ""
        return f"audit log broken{where}: {self.problem}"

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Walker:
    """Folds rows into the expected chain state; stops at the first problem."""

    def __init__(self) -> None:
        self.count = 0
        self.seq = 0
        self.hash = GENESIS
        self.bad: tuple[int, str] | None = None

    def step(self, row: tuple[Any, ...]) -> bool:
        seq, prev_hash, stored = row[0], row[-2], row[-1]
        if seq != self.seq + 1:
            return self._fail(self.seq + 1, f"entry missing (the next entry found is {seq})")
        if prev_hash != self.hash:
            return self._fail(seq, "does not follow the entry before it (removed or reordered)")
        try:
            edited = row_hash(row[:-1]) != stored
        except (TypeError, ValueError):
            return self._fail(seq, "unreadable (a column holds a value of the wrong type)")
        if edited:
            return self._fail(seq, "content does not match its hash (edited)")
        self.count, self.seq, self.hash = self.count + 1, seq, stored
        return True

    def _fail(self, seq: int, problem: str) -> bool:
        self.bad = (seq, problem)
        return False


def _walk(connection: Connection, walker: _Walker) -> None:
    result = connection.execution_options(stream_results=True).exec_driver_sql(_QUERY)
    for batch in result.partitions(BATCH):
        for row in batch:
            if not walker.step(tuple(row)):
                result.close()
                return


def _head(connection: Connection) -> tuple[int, str] | None:
    row = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == HEAD_ID)
    ).first()
    if row is None:
        return None
    try:
        return int(row.seq), str(row.hash)
    except (TypeError, ValueError):
        return None


def verify_connection(connection: Connection) -> VerifyResult:
    """Verify in one read transaction so concurrent appends cannot confuse the check.

    Damage of any kind (a missing head row, a dropped table, a value of the
    wrong type) is a broken result with its reason, never an exception.
    """
    walker = _Walker()
    try:
        head = _head(connection)
        _walk(connection, walker)
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        problem = f"the audit tables cannot be read ({type(cause).__name__})"
        return VerifyResult(False, walker.count, 0, GENESIS, None, problem)
    if head is None:
        problem = (
            "the chain-head row (audit_head) is missing or unreadable: the log was tampered with"
        )
        return VerifyResult(False, walker.count, walker.seq, walker.hash, None, problem)
    head_seq, head_hash = head
    if walker.bad is None and (walker.seq, walker.hash) != (head_seq, head_hash):
        walker.bad = (
            walker.seq + 1,
            f"entries after {walker.seq} are missing (head is {head_seq})",
        )
    if walker.bad is not None:
        seq, problem = walker.bad
        return VerifyResult(False, walker.count, head_seq, head_hash, seq, problem)
    return VerifyResult(True, walker.count, head_seq, head_hash)


def verify(database: Database) -> VerifyResult:
    """Check every entry of ``database``'s audit log, end to end."""
    with database.engine.connect() as connection, connection.begin():
        return verify_connection(connection)


__all__ = ["AuditChainBroken", "AuditEntryRow", "VerifyResult", "verify", "verify_connection"]
