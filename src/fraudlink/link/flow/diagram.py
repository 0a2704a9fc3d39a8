"""A money trail as a diagram: accounts in columns by hop, one arrow per sender, receiver, currency.

The trace (``trace``) lists every payment that carried traced money; a page
needs fewer, wider arrows. Payments between the same two accounts in the same
currency are summed into one flow; each account sits in the column of the
first hop that reached it (the traced account in column 0), so the diagram
reads left to right, hop by hop, like a Sankey diagram. Money can come back
to an earlier account; such a flow points left and is marked ``back``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from fraudlink.link.flow.trace import Trace


@dataclass(slots=True)
class Account:
    name: str
    column: int
    row: int = 0
    networks: list[int] = field(default_factory=list)
    rests: dict[str, Decimal] = field(default_factory=dict)  # traced money still there
    reason: str | None = None  # why it rests: "held" or "no outgoing records"

    def as_json(self) -> dict[str, object]:
        return {"account": self.name, "column": self.column, "row": self.row,
                "networks": self.networks, "reason": self.reason,
                "rests": {c: str(a) for c, a in sorted(self.rests.items())}}  # fmt: skip


@dataclass(slots=True)
class Flow:
    source: str
    target: str
    currency: str
    amount: Decimal = Decimal(0)
    payments: int = 0
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    exchanged_from: str | None = None
    back: bool = False

    def as_json(self) -> dict[str, object]:
        return {"from": self.source, "to": self.target, "currency": self.currency,
                "amount": str(self.amount), "payments": self.payments,
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None,
                "exchanged_from": self.exchanged_from, "back": self.back}  # fmt: skip


@dataclass(slots=True)
class Diagram:
    account: str
    accounts: dict[str, Account] = field(default_factory=dict)
    flows: list[Flow] = field(default_factory=list)
    sent: dict[str, Decimal] = field(default_factory=dict)

    @property
    def columns(self) -> int:
        return 1 + max((a.column for a in self.accounts.values()), default=0)

    def as_json(self) -> dict[str, object]:
        return {"account": self.account, "columns": self.columns,
                "sent": {c: str(a) for c, a in sorted(self.sent.items())},
                "accounts": [a.as_json() for a in self.accounts.values()],
                "flows": [f.as_json() for f in self.flows]}  # fmt: skip


def diagram(trace: Trace) -> Diagram:
    """The trail of ``trace`` as accounts in hop columns and summed flows between them."""
    shown = Diagram(trace.account, sent=trace.totals())
    shown.accounts[trace.account] = Account(trace.account, 0)
    flows: dict[tuple[str, str, str], Flow] = {}
    for hop in trace.hops:
        shown.accounts.setdefault(hop.from_account, Account(hop.from_account, hop.depth - 1))
        target = shown.accounts.setdefault(hop.to_account, Account(hop.to_account, hop.depth))
        target.column = min(target.column, hop.depth)
        key = (hop.from_account, hop.to_account, hop.currency)
        flow = flows.setdefault(key, Flow(*key))
        flow.amount += hop.amount
        flow.payments += 1
        flow.first = hop.at if flow.first is None else min(flow.first, hop.at)
        flow.last = hop.at if flow.last is None else max(flow.last, hop.at)
        if hop.exchange:
            flow.exchanged_from = hop.exchange[0]
    for end in trace.ends:
        account = shown.accounts.setdefault(end.account, Account(end.account, 0))
        account.rests[end.currency] = end.amount
        account.reason = end.reason
    for name, networks in trace.networks.items():
        if name in shown.accounts:
            shown.accounts[name].networks = list(networks)
    shown.flows = list(flows.values())
    _arrange(shown)
    return shown


def _arrange(shown: Diagram) -> None:
    """Rows within each column in arrival order; flows that go back a column are marked."""
    rows: dict[int, int] = defaultdict(int)
    for account in shown.accounts.values():
        account.row = rows[account.column]
        rows[account.column] += 1
    for flow in shown.flows:
        source, target = shown.accounts[flow.source], shown.accounts[flow.target]
        flow.back = target.column <= source.column
