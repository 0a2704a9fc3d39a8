"""Currencies and amounts shared by every stage: Decimal always, ISO 4217 plus stablecoins."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache

import pycountry

#: Crypto assets scams are paid in; DESIGN allows them beside ISO 4217 codes.
CRYPTO_CURRENCIES = frozenset({"USDT", "USDC", "BUSD", "DAI", "BTC", "ETH", "TRX", "BNB", "SOL"})


@cache
def iso_currencies() -> frozenset[str]:
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def is_known_currency(code: str) -> bool:
    return code in iso_currencies() or code in CRYPTO_CURRENCIES


def parse_decimal(value: object) -> Decimal:
    """A Decimal from a string, int or Decimal; floats are refused because they lose cents."""
    if isinstance(value, bool | float):
        raise ValueError('amounts must be written as strings, e.g. "1200.50"')
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not a number") from exc
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return amount


def plain_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros a NUMERIC(28, 8) column adds, without switching to exponent form."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)
