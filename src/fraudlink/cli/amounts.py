"""Amounts as people read them on a terminal: thousands grouped, the currency after.

One helper for every command's human output; ``--json`` keeps the plain amount a
script parses. The web pages and printable summaries format by the reader's locale
(Babel) instead. Nothing here imports a stage: ``fraudlink --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

#: decimals shown at most: a stablecoin or BTC amount keeps its satoshis, no more
_MOST_PLACES = 8


def format_money(amount: Decimal | int | str, currency: str | None = None) -> str:
    """``177,391,304,348.00 LAK``: two decimals at least, more when the amount has them
    (``0.00012 BTC``), at most eight."""
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    exponent = value.normalize().as_tuple().exponent
    places = min(max(2, -exponent), _MOST_PLACES) if isinstance(exponent, int) else 2
    text = f"{value:,.{places}f}"
    return f"{text} {currency}" if currency else text


def format_totals(
    totals: Mapping[str, Decimal | int | str], limit: int | None = None, sep: str = ", "
) -> str:
    """Amounts by currency, ``1,200.00 USD, 38,000.00 THB`` (the first ``limit`` of them);
    empty when there are none, so that the caller says "none recorded"."""
    shown = list(totals.items())[:limit]
    return sep.join(format_money(amount, currency) for currency, amount in shown)
