"""The identifier check: normalise what the public typed, probe the index, answer minimally.

The value goes through the same normalisers as ingest, so ``012 345 678`` in
Cambodia finds ``+85512345678`` and ``hxxps://shop[.]com/pay`` finds its domain.
Every check probes the same number of keys (padding with random ones) and
builds its answer the same way, so found and not found cost the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from fraudlink.errors import InputError
from fraudlink.public.index import OFFICIAL, REPORTED, Found, PublicIndex, entry_key

#: the kinds the public chooses from, and the agency kinds each one is stored as
PUBLIC_KINDS: dict[str, tuple[str, ...]] = {
    "phone": ("phone", "whatsapp"),
    "account": ("iban", "bank_account"),
    "wallet": ("crypto_wallet",),
    "url": ("url", "domain"),
    "domain": ("domain",),
    "email": ("email",),
    "telegram": ("telegram",),
    "whatsapp": ("whatsapp", "phone"),
    "line": ("line",),
    "wechat": ("wechat",),
    "kakao": ("kakao",),
}
PROBES = 3
#: kinds whose normal form is the same E.164 number (``publish.twins``): a number read as
#: one is that number as the other, so the second, costly reading is skipped
_PHONE_TWINS = frozenset({"phone", "whatsapp"})
_WILDCARDS = frozenset("*%?")
NOT_REPORTED: dict[str, object] = {"reported": False}


class BadCheck(InputError):
    """A check the service cannot run: unknown kind, wildcard, or a value of no such kind."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    kind: str
    value: str  # the normal form checked, shown back to the person who typed it
    answer: dict[str, object]


def _region(country: str | None) -> str | None:
    if not country or not country.strip():
        return None
    code = country.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise BadCheck(f"'{country}' is not a country code; use two letters such as KH or VN.")
    return code


def candidates(kind: str, value: str, country: str | None = None) -> list[tuple[str, str]]:
    """The stored (kind, normal form) pairs that ``value`` may be, most specific first."""
    from fraudlink.extract import Context, normalise
    from fraudlink.public.publish import public_keys

    if kind not in PUBLIC_KINDS:
        raise BadCheck(f"'{kind}' cannot be checked; choose one of: {', '.join(PUBLIC_KINDS)}.")
    value = value.strip()
    if not value or len(value) > 512:
        raise BadCheck("Enter the whole number, account, wallet or address (512 characters max).")
    if kind != "url" and _WILDCARDS & set(value):
        raise BadCheck("Wildcards are not searched; enter the whole number or address.")
    context = Context(region=_region(country))
    found: list[tuple[str, str]] = []
    read: str | None = None  # a phone's normal form, which its twin kind shares
    for stored in PUBLIC_KINDS[kind]:
        if read is not None and stored in _PHONE_TWINS:
            value_read: str | None = read  # one reading of the number, not two
        else:
            match = normalise(stored, value, context)
            value_read = match.value if match is not None and match.valid else None
        if value_read is None:
            continue
        if stored in _PHONE_TWINS:
            read = value_read
        for key in public_keys(stored, value_read):
            if key not in found:
                found.append(key)
    if not found:
        raise BadCheck(_unreadable(kind))
    return found


def _unreadable(kind: str) -> str:
    if kind == "phone":
        return "That is not a phone number we can read; add the country code or choose the country."
    return f"That is not a {kind} we can read; check it and enter it whole."


def check(index: PublicIndex, kind: str, value: str, country: str | None = None) -> CheckResult:
    keys = candidates(kind, value, country)[:PROBES]
    probes = [entry_key(k, v) for k, v in keys]
    probes += [os.urandom(16) for _ in range(PROBES - len(probes))]
    found = index.lookup(probes)[: len(keys)]
    chosen = _decide(kind, keys, found)
    return CheckResult(kind, keys[0][1], _answer(chosen))


def _decide(kind: str, keys: list[tuple[str, str]], found: list[Found | None]) -> Found | None:
    """The first key held; a page on a platform's domain is not vouched for by the platform."""
    for (stored, _), hit in zip(keys, found, strict=True):
        if hit is None:
            continue
        on_platform = kind == "url" and stored == "domain" and hit.status == OFFICIAL
        if on_platform and urlsplit(keys[0][1]).path.strip("/"):
            return None
        return hit
    return None


def _answer(found: Found | None) -> dict[str, object]:
    if found is None:
        return dict(NOT_REPORTED)
    if found.status == OFFICIAL:
        return {"reported": False, "official": True}
    assert found.status == REPORTED
    return {
        "reported": True,
        "reports": found.reports,
        "victims": found.victims,
        "first_seen": found.first_seen,
        "last_seen": found.last_seen,
        "scam_types": found.scam_types,
        "victim_countries": found.countries,
    }
