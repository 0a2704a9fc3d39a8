"""Following a victim's money through mule accounts, hop by hop, first in first out.

Every account is a FIFO queue of lots per currency. Transactions are replayed
in time order (ties by id, so money that arrived in the same second counts as
already there); an outgoing payment takes the oldest money first. Money that
came from the traced account is *tainted*; a payment carries forward as much
taint as the lots it consumed held, so a mule that mixes a victim's money with
other money passes on only the victim's share, in arrival order. Money never
leaves before it arrived. Currency exchange is not followed: a trail into a
payment in another currency stops at that account as "held".

FIFO (rather than proportional splitting) is the rule investigators and
courts most often apply to mixed accounts, and it keeps each hop's amount
exact in Decimal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from fraudlink.link.flow.readers import Payment

ZERO = Decimal(0)


@dataclass(slots=True)
class _Lot:
    amount: Decimal
    depth: int  # 0 = money from outside the trail; n = arrived over hop n
    hop: int | None  # index of the hop that brought it, when tainted


@dataclass(frozen=True, slots=True)
class Hop:
    depth: int
    from_account: str
    to_account: str
    amount: Decimal  # the traced share of this payment
    payment_amount: Decimal
    currency: str
    at: dt.datetime
    reference: str | None
    parents: tuple[int, ...]  # hops whose money this payment carried on

    def as_json(self) -> dict[str, object]:
        return {
            "depth": self.depth,
            "from": self.from_account,
            "to": self.to_account,
            "amount": str(self.amount),
            "payment_amount": str(self.payment_amount),
            "currency": self.currency,
            "time": self.at.isoformat(),
            "reference": self.reference,
        }


@dataclass(frozen=True, slots=True)
class TrailEnd:
    """Traced money still sitting in an account at the end of the data."""

    account: str
    amount: Decimal
    currency: str
    reason: str  # "no outgoing records" (leaves the data) or "held"

    def as_json(self) -> dict[str, object]:
        return {
            "account": self.account,
            "amount": str(self.amount),
            "currency": self.currency,
            "reason": self.reason,
        }


@dataclass(slots=True)
class Trace:
    account: str
    hops: list[Hop] = field(default_factory=list)
    ends: list[TrailEnd] = field(default_factory=list)

    def totals(self) -> dict[str, Decimal]:
        """What left the traced account, per currency."""
        sent: dict[str, Decimal] = defaultdict(Decimal)
        for hop in self.hops:
            if hop.depth == 1:
                sent[hop.currency] += hop.amount
        return dict(sent)


def _take(queue: deque[_Lot], amount: Decimal) -> list[_Lot]:
    """Pop ``amount`` from the front of ``queue``; untraced money fills any shortfall."""
    taken: list[_Lot] = []
    while amount > ZERO and queue:
        lot = queue[0]
        part = min(lot.amount, amount)
        taken.append(_Lot(part, lot.depth, lot.hop))
        lot.amount -= part
        amount -= part
        if lot.amount == ZERO:
            queue.popleft()
    if amount > ZERO:
        taken.append(_Lot(amount, 0, None))
    return taken


def _replay(trace: Trace, payments: list[Payment]) -> dict[tuple[str, str], deque[_Lot]]:
    queues: dict[tuple[str, str], deque[_Lot]] = defaultdict(deque)
    for p in payments:
        if p.from_account == trace.account:
            taken = [_Lot(p.amount, 0, -1)]  # all of the traced account's payments
        else:
            taken = _take(queues[(p.from_account, p.currency)], p.amount)
        tainted = [lot for lot in taken if lot.hop is not None]
        clean = sum((lot.amount for lot in taken if lot.hop is None), ZERO)
        receiver = queues[(p.to_account, p.currency)]
        if clean:
            receiver.append(_Lot(clean, 0, None))
        if not tainted:
            continue
        depth = 1 + max(lot.depth for lot in tainted)
        parents = tuple(
            sorted({lot.hop for lot in tainted if lot.hop is not None and lot.hop >= 0})
        )
        amount = sum((lot.amount for lot in tainted), ZERO)
        trace.hops.append(
            Hop(depth, p.from_account, p.to_account, amount, p.amount, p.currency, p.at,
                p.reference, parents)
        )  # fmt: skip
        if p.to_account != trace.account:
            receiver.append(_Lot(amount, depth, len(trace.hops) - 1))
    return queues


def trace_payments(account: str, payments: Iterable[Payment]) -> Trace:
    """Follow everything ``account`` paid out, through every later hop, to where it rests."""
    ordered = sorted(payments, key=lambda p: (p.at, p.line or 0))
    trace = Trace(account)
    queues = _replay(trace, ordered)
    senders = {p.from_account for p in ordered}
    for (holder, currency), queue in sorted(queues.items()):
        held = sum((lot.amount for lot in queue if lot.hop is not None), ZERO)
        if held and holder != account:
            reason = "held" if holder in senders else "no outgoing records"
            trace.ends.append(TrailEnd(holder, held, currency, reason))
    return trace
