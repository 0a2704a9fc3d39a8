"""Dated exchange rates that an agency imports, and conversion to USD at the right date.

Ministries report figures in US dollars; every converted figure names the rate and the
date it was taken from, and nothing is fetched from the network: the agency imports the
rates it is bound to use (its central bank's, say) as CSV lines ``date,currency,usd``.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.cases.tables import ExchangeRate
from fraudlink.errors import InputError, NotFound


@dataclass(frozen=True, slots=True)
class Converted:
    """An amount in USD with the rate (USD per unit) and the date of that rate."""

    amount: Decimal
    currency: str
    usd: Decimal
    rate: Decimal
    rate_on: dt.date

    def as_json(self) -> dict[str, str]:
        return {
            "amount": str(self.amount),
            "currency": self.currency,
            "usd": str(self.usd),
            "rate": str(self.rate),
            "rate_on": self.rate_on.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class RatesImported:
    added: int
    updated: int
    rejected: list[str]

    def as_json(self) -> dict[str, object]:
        return {"added": self.added, "updated": self.updated, "rejected": self.rejected}


def _parse(row: dict[str, str], line: int) -> tuple[dt.date, str, Decimal]:
    try:
        on = dt.date.fromisoformat((row.get("date") or "").strip())
        currency = (row.get("currency") or "").strip().upper()
        usd = Decimal((row.get("usd") or "").strip())
    except (ValueError, InvalidOperation) as error:
        raise InputError(
            f"line {line}: {error}; write date,currency,usd as 2025-01-31,THB,0.029"
        ) from error
    if not (3 <= len(currency) <= 10 and currency.isalnum()) or not usd.is_finite() or usd <= 0:
        raise InputError(f"line {line}: a rate needs a currency code and a positive USD value")
    return on, currency, usd


def import_rates(session: Session, path: Path) -> RatesImported:
    """Load ``date,currency,usd`` lines; a bad line is named, the good ones still load."""
    added = updated = 0
    rejected: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as source:
        for line, row in enumerate(csv.DictReader(source), start=2):
            try:
                on, currency, usd = _parse(row, line)
            except InputError as error:
                rejected.append(f"{path}:{error.message}")
                continue
            found = session.scalar(
                select(ExchangeRate).where(ExchangeRate.currency == currency, ExchangeRate.on == on)
            )
            if found is None:
                session.add(ExchangeRate(currency=currency, on=on, usd=usd, source=path.name))
                added += 1
            elif found.usd != usd:
                found.usd, found.source = usd, path.name
                updated += 1
    session.flush()
    return RatesImported(added, updated, rejected)


def to_usd(session: Session, amount: Decimal, currency: str, on: dt.date) -> Converted:
    """``amount`` in USD at the newest rate dated on or before ``on``."""
    code = currency.upper()
    if code == "USD":
        return Converted(amount, code, amount, Decimal(1), on)
    rate = session.scalar(
        select(ExchangeRate)
        .where(ExchangeRate.currency == code, ExchangeRate.on <= on)
        .order_by(ExchangeRate.on.desc())
        .limit(1)
    )
    if rate is None:
        raise NotFound(
            f"No USD rate for {code} on or before {on}; import one with `fraudlink rates import`."
        )
    usd = (amount * rate.usd).quantize(Decimal("0.01"))
    return Converted(amount, code, usd, rate.usd, rate.on)
