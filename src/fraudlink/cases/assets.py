"""Seized assets through their legal course, and how confiscated funds go back to victims.

The course follows the confiscation laws the partner countries report on: an asset is
seized (or a balance frozen), then confiscated by court order, then returned to the
victims or forfeited to the state; one not confiscated may be released. Nothing moves
backwards and nothing is returned before a court confiscated it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from fraudlink.errors import InputError

ASSET_KINDS = ("cash", "crypto", "bank_account", "device", "property", "vehicle", "other")
ASSET_STATES = ("seized", "frozen", "confiscated", "returned", "forfeited", "released")
_NEXT: Mapping[str | None, tuple[str, ...]] = {
    None: ("seized", "frozen"),
    "seized": ("frozen", "confiscated", "released"),
    "frozen": ("confiscated", "released"),
    "confiscated": ("returned", "forfeited"),
    "returned": (),
    "forfeited": (),
    "released": (),
}
NEEDS_BASIS = frozenset({"confiscated", "forfeited"})

# ISO 4217 minor units where they are not two; stablecoins and coins as exchanges count them
_MINOR_UNITS = {
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "CLP": 0,
    "ISK": 0,
    "PYG": 0,
    "UGX": 0,
    "BHD": 3,
    "KWD": 3,
    "OMR": 3,
    "JOD": 3,
    "TND": 3,
    "USDT": 6,
    "USDC": 6,
    "BTC": 8,
    "ETH": 18,
    "TRX": 6,
}


class InvalidAssetTransition(InputError):
    """A change of an asset's legal state that the course of confiscation does not allow."""


def check_asset_transition(current: str | None, new: str, basis: str | None) -> None:
    """Refuse a step the law does not allow, e.g. returned before confiscated."""
    if new not in ASSET_STATES:
        raise InvalidAssetTransition(
            f"'{new}' is not an asset state; use one of: {', '.join(ASSET_STATES)}."
        )
    allowed = _NEXT[current]
    if new not in allowed:
        after = f"after '{current}'" if current else "as a first state"
        raise InvalidAssetTransition(
            f"An asset cannot become '{new}' {after}; it may become: "
            f"{', '.join(allowed) or 'nothing (its course has ended)'}."
        )
    if new in NEEDS_BASIS and not (basis and basis.strip()):
        raise InvalidAssetTransition(
            f"Becoming '{new}' needs the court order or legal basis; give it with --basis."
        )


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of ``currency`` that can be paid out (0.01 for most)."""
    return Decimal(1).scaleb(-_MINOR_UNITS.get(currency.upper(), 2))


@dataclass(frozen=True, slots=True)
class Restitution:
    """Who gets how much of a confiscated amount; what no loss claims stays unallocated."""

    currency: str
    amount: Decimal
    shares: dict[str, Decimal]
    unallocated: Decimal

    def as_json(self) -> dict[str, object]:
        return {
            "currency": self.currency,
            "amount": str(self.amount),
            "shares": {victim: str(value) for victim, value in self.shares.items()},
            "unallocated": str(self.unallocated),
        }


def propose_restitution(
    amount: Decimal, currency: str, losses: Mapping[str, Decimal]
) -> Restitution:
    """Share ``amount`` among victims pro rata to their losses, in payable units, exactly.

    Each share is rounded down to the currency's minor unit and the units left over go to
    the largest remainders (ties by victim key), so the shares and the unallocated rest add
    up to ``amount`` to the last unit. No victim receives more than their loss: when the
    funds exceed every loss, the excess stays unallocated for the court to decide.
    """
    if amount < 0 or any(loss < 0 for loss in losses.values()):
        raise InputError("Amounts and losses for a restitution must not be negative.")
    unit = min(minor_unit(currency), Decimal(1).scaleb(amount.as_tuple().exponent))  # type: ignore[arg-type]
    claims = {victim: loss for victim, loss in sorted(losses.items()) if loss > 0}
    total = sum(claims.values(), Decimal(0))
    if not claims:
        return Restitution(currency, amount, {}, amount)
    paid_out = min(amount, total).quantize(unit, rounding=ROUND_DOWN)
    exact = {victim: paid_out * loss / total for victim, loss in claims.items()}
    shares = {victim: value.quantize(unit, rounding=ROUND_DOWN) for victim, value in exact.items()}
    left = int((paid_out - sum(shares.values(), Decimal(0))) / unit)
    by_remainder = sorted(claims, key=lambda victim: (shares[victim] - exact[victim], victim))
    for victim in by_remainder[:left]:
        shares[victim] += unit
    return Restitution(currency, amount, shares, amount - sum(shares.values(), Decimal(0)))
