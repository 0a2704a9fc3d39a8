"""Synthetic transactions for tests and benches, over the generator's own mule accounts.

Each network's victims pay one of its mule accounts (the bank accounts and
IBANs ``fraudlink.generate`` minted for it); the mule passes most of the money
on, later, to a second mule, which sends it to a cash-out wallet that has no
outgoing records: the trail leaves the data there.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from random import Random

from fraudlink.generate import build_truth
from fraudlink.link.flow.readers import Payment

START = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)
_ACCOUNT_KINDS = ("bank_account", "iban")


def _mules(network: dict[str, object]) -> list[str]:
    identifiers = network.get("identifiers", [])
    assert isinstance(identifiers, list)
    return [i["value"] for i in identifiers if i["kind"] in _ACCOUNT_KINDS]


def _victim_payments(rng: Random, name: str, mule: str, victims: int) -> list[Payment]:
    payments = []
    for v in range(victims):
        amount = Decimal(rng.randrange(200, 5000)) + Decimal(rng.randrange(100)) / 100
        at = START + dt.timedelta(hours=rng.randrange(0, 72))
        payments.append(Payment(f"VICTIM:{name}-{v}", mule, amount, "USD", at, f"{name}-v{v}"))
    return payments


def _layering(name: str, mule: str, paid: list[Payment], second: str) -> list[Payment]:
    """The first mule forwards 90% of the day's takings to the second, who cashes all out."""
    total = sum((p.amount for p in paid), Decimal(0))
    last = max(p.at for p in paid)
    forward = (total * Decimal("0.9")).quantize(Decimal("0.01"))
    wallet = f"CASHOUT:{name}"
    return [
        Payment(mule, second, forward, "USD", last + dt.timedelta(hours=2), f"{name}-l1"),
        Payment(second, wallet, forward, "USD", last + dt.timedelta(hours=5), f"{name}-l2"),
    ]


def generate_transactions(reports: int = 300, seed: int = 1) -> list[Payment]:
    """Payments for every network of ``build_truth(reports, seed)`` that has a mule account."""
    rng = Random(seed)
    payments: list[Payment] = []
    for name, network in sorted(build_truth(reports, seed)["networks"].items()):
        mules = _mules(network)
        if not mules:
            continue
        paid = _victim_payments(rng, name, mules[0], rng.randint(2, 5))
        second = mules[1] if len(mules) > 1 else f"MULE2:{name}"
        payments += paid + _layering(name, mules[0], paid, second)
    return payments


def write_csv(payments: list[Payment]) -> str:
    lines = ["from,to,amount,currency,time,reference"]
    lines += [
        f"{p.from_account},{p.to_account},{p.amount},{p.currency},{p.at.isoformat()},"
        f"{p.reference or ''}"
        for p in payments
    ]
    return "\n".join(lines) + "\n"
