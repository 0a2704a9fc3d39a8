"""Identifiers given in a report's structured fields, normalised by the extract stage's kinds.

An identifier that does not normalise (a bad checksum, an unknown kind) is kept
with ``valid=False`` so that nothing the reporter wrote is lost, but it never
links reports.
"""

from __future__ import annotations

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


def normalise_field(kind_name: str, raw: str, context: Context) -> Match:
    name = canonical_kind(kind_name)
    identifier_kind = kind(name)
    if identifier_kind is not None:
        match = identifier_kind.normalise(raw, context)
        if match is not None:
            return match
    return Match(kind=name, value=raw.strip(), raw=raw, valid=False)
