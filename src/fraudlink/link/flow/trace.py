"""Following a victim's money through mule accounts, hop by hop, first in first out.

Every account is a FIFO queue of lots per currency. Transactions are replayed
in time order (ties by id, so money that arrived in the same second counts as
already there); an outgoing payment takes the oldest money first. Money that
came from the traced account is *tainted*; a payment carries forward as much
taint as the lots it consumed held, so a mule that mixes a victim's money with
other money passes on only the victim's share, in arrival order. Money never
leaves before it arrived.

Currency exchange is followed: when an account pays in a currency it holds
too little of (THB in, USDT out), the shortfall is taken from what it holds
in other currencies, oldest first, at the rate the payment implies (the
shortfall over the balance it converts); the hop records that rate.

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
    #: when the money was exchanged on the way: (currency it arrived in, units paid per unit)
    exchange: tuple[str, Decimal] | None = None

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
            "exchanged_from": self.exchange[0] if self.exchange else None,
            "rate": str(self.exchange[1]) if self.exchange else None,
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
    #: the networks whose reports name each account of the trail (filled from the store)
    networks: dict[str, list[int]] = field(default_factory=dict)

    def accounts(self) -> list[str]:
        """Every account of the trail, the traced one first, in the order money reached them."""
        seen = dict.fromkeys([self.account])
        for hop in self.hops:
            seen.update(dict.fromkeys([hop.from_account, hop.to_account]))
        return list(seen)

    def as_json(self) -> dict[str, object]:
        return {
            "account": self.account,
            "hops": [hop.as_json() for hop in self.hops],
            "ends": [end.as_json() for end in self.ends],
            "networks": self.networks,
        }

    def totals(self) -> dict[str, Decimal]:
        """What left the traced account, per currency."""
        sent: dict[str, Decimal] = defaultdict(Decimal)
        for hop in self.hops:
            if hop.depth == 1:
                sent[hop.currency] += hop.amount
        return dict(sent)


def _take(queue: deque[_Lot], amount: Decimal) -> tuple[list[_Lot], Decimal]:
    """Pop ``amount`` from the front of ``queue``; return the lots and what was missing."""
    taken: list[_Lot] = []
    while amount > ZERO and queue:
        lot = queue[0]
        part = min(lot.amount, amount)
        taken.append(_Lot(part, lot.depth, lot.hop))
        lot.amount -= part
        amount -= part
        if lot.amount == ZERO:
            queue.popleft()
    return taken, amount


Queues = dict[tuple[str, str], deque[_Lot]]


def _exchange(
    queues: Queues, account: str, currency: str, shortfall: Decimal
) -> tuple[list[_Lot], tuple[str, Decimal] | None]:
    """Fill ``shortfall`` from what ``account`` holds in another currency, all of it converted.

    The currency chosen is the one holding the most traced money (then the most money);
    every lot of it is converted at ``shortfall / balance``, the rate the payment implies.
    """
    held = [
        (sum(lot.amount for lot in q if lot.hop is not None), sum(lot.amount for lot in q), other)
        for (holder, other), q in queues.items()
        if holder == account and other != currency and q
    ]
    held = [h for h in held if h[1] > ZERO]
    if not held:
        return [], None
    _, balance, other = max(held)
    rate = shortfall / balance
    queue = queues[(account, other)]
    converted = [_Lot(lot.amount * rate, lot.depth, lot.hop) for lot in queue]
    queue.clear()
    return converted, (other, rate)


def _replay(trace: Trace, payments: list[Payment]) -> Queues:
    queues: Queues = defaultdict(deque)
    for p in payments:
        exchange = None
        if p.from_account == trace.account:
            taken = [_Lot(p.amount, 0, -1)]  # all of the traced account's payments
        else:
            taken, shortfall = _take(queues[(p.from_account, p.currency)], p.amount)
            if shortfall > ZERO:
                converted, exchange = _exchange(queues, p.from_account, p.currency, shortfall)
                taken += converted
                shortfall -= sum((lot.amount for lot in converted), ZERO)
            if shortfall > ZERO:
                taken.append(_Lot(shortfall, 0, None))  # money from outside the trail
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
        if exchange is not None:
            amount = _exact(amount, p.amount)
        trace.hops.append(
            Hop(depth, p.from_account, p.to_account, amount, p.amount, p.currency, p.at,
                p.reference, parents, exchange)
        )  # fmt: skip
        if p.to_account != trace.account:
            receiver.append(_Lot(amount, depth, len(trace.hops) - 1))
    return queues


def _exact(amount: Decimal, payment: Decimal) -> Decimal:
    """A converted share at the payment's own precision (a rate has 28 digits, money fewer)."""
    exponent = payment.as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return min(amount.quantize(Decimal(1).scaleb(-places)), payment)


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
