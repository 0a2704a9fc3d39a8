"""Identifiers given in a report's structured fields, normalised by the extract stage's kinds.

An identifier that does not normalise (a bad checksum, an unknown kind) is kept
with ``valid=False`` so that nothing the reporter wrote is lost, but it never
links reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from fraudlink.extract.base import Context, Match, kind

KIND_ALIASES = {
    "wallet": "crypto_wallet",
    "crypto": "crypto_wallet",
    "card": "payment_card",
    "account": "bank_account",
    "bank": "bank_account",
    "website": "url",
    "link": "url",
    "mail": "email",
    "tel": "phone",
    "mobile": "phone",
    "kakaotalk": "kakao",
}


def canonical_kind(name: str) -> str:
    lowered = name.strip().lower().replace("-", "_").replace(" ", "_")
    return KIND_ALIASES.get(lowered, lowered)


def normalise_field(
    kind_name: str, raw: str, context: Context, details: Mapping[str, Any] | None = None
) -> Match:
    """``details`` are the field's other keys; a ``bank`` beside an account number names it."""
    name = canonical_kind(kind_name)
    identifier_kind = kind(name)
    bank = (details or {}).get("bank")
    text = f"{bank} {raw}" if name == "bank_account" and isinstance(bank, str) and bank else raw
    if identifier_kind is not None:
        match = identifier_kind.normalise(text, context)
        if match is not None:
            return replace(match, raw=raw)
    return Match(kind=name, value=raw.strip(), raw=raw, valid=False)
