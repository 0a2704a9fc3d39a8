"""Transactions in the store: idempotent import, and the slice of the ledger a trace needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, insert, or_, select

from fraudlink.errors import NotFound
from fraudlink.link.flow.accounts import ACCOUNT_KINDS, normalise_account
from fraudlink.link.flow.readers import Payment, Rejected, read_transactions
from fraudlink.link.flow.tables import Transaction
from fraudlink.link.flow.trace import Trace, trace_payments
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Identifier, ReportIdentifier

BATCH = 1000


@dataclass(slots=True)
class ImportSummary:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "read": self.read,
            "added": self.added,
            "unchanged": self.unchanged,
            "rejected": [str(r) for r in self.rejected],
        }


def _write(conn: Connection, batch: dict[str, Payment]) -> int:
    keys = list(batch)
    known = set(
        conn.execute(select(Transaction.dedup_key).where(Transaction.dedup_key.in_(keys))).scalars()
    )
    rows = [
        {
            "dedup_key": key,
            "from_account": p.from_account,
            "to_account": p.to_account,
            "amount": p.amount,
            "currency": p.currency,
            "at": p.at,
            "reference": p.reference,
            "source": p.source,
            "line": p.line,
        }
        for key, p in batch.items()
        if key not in known
    ]
    if rows:
        conn.execute(insert(Transaction), rows)
    return len(rows)


def import_transactions(database: Database, paths: Iterable[Path]) -> ImportSummary:
    """Load every good row; a row already stored (same dedup key) changes nothing."""
    summary = ImportSummary()
    for path in paths:
        batch: dict[str, Payment] = {}
        for outcome in read_transactions(path):
            if isinstance(outcome, Rejected):
                summary.rejected.append(outcome)
                continue
            summary.read += 1
            batch.setdefault(outcome.dedup_key, outcome)
            if len(batch) >= BATCH:
                summary.added += _flush(database, batch)
        summary.added += _flush(database, batch)
    summary.unchanged = summary.read - summary.added
    return summary


def _flush(database: Database, batch: dict[str, Payment]) -> int:
    if not batch:
        return 0
    with database.engine.begin() as conn:
        added = _write(conn, batch)
    batch.clear()
    return added


def _payment(row: Transaction) -> Payment:
    return Payment(row.from_account, row.to_account, row.amount, row.currency, row.at,
                   row.reference, row.source, row.id)  # fmt: skip


def _reachable(conn: Connection, account: str) -> set[str]:
    """Accounts the traced account's money could reach: forward over any later payments."""
    seen, frontier = {account}, {account}
    while frontier:
        query = select(Transaction.to_account).where(Transaction.from_account.in_(frontier))
        frontier = set(conn.execute(query).scalars()) - seen
        seen |= frontier
    return seen


def trace_account(database: Database, account: str) -> Trace:
    """Follow ``account``'s payments through the stored ledger (see ``trace`` for the rules)."""
    account = normalise_account(account)
    with database.sessions() as session:
        reach = _reachable(session.connection(), account)
        if len(reach) == 1 and not _has_outgoing(session.connection(), account):
            raise NotFound(
                f"No outgoing transactions from {account!r}; import them with "
                "`fraudlink transactions import FILE.csv` or check the account number."
            )
        query = select(Transaction).where(
            or_(Transaction.from_account.in_(reach), Transaction.to_account.in_(reach))
        )
        payments = [_payment(row) for row in session.execute(query).scalars()]
        trace = trace_payments(account, payments)
        trace.networks = account_networks(session.connection(), trace.accounts())
    return trace


def account_networks(conn: Connection, accounts: list[str]) -> dict[str, list[int]]:
    """The networks whose reports name each account (as an IBAN, bank account or wallet)."""
    stmt = (
        select(Identifier.value, LinkReport.network_id)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .join(LinkReport, LinkReport.report_id == ReportIdentifier.report_id)
        .where(Identifier.kind.in_(ACCOUNT_KINDS), Identifier.value.in_(accounts))
        .distinct()
    )
    found: dict[str, set[int]] = {}
    for value, network in conn.execute(stmt):
        found.setdefault(value, set()).add(int(network))
    return {account: sorted(found[account]) for account in accounts if account in found}


def _has_outgoing(conn: Connection, account: str) -> bool:
    query = select(Transaction.id).where(Transaction.from_account == account).limit(1)
    return conn.execute(query).first() is not None
