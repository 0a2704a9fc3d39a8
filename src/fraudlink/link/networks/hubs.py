"""How much evidence it takes to call an identifier a hub, identifier by identifier.

The hub rule (``graph.judge``) asks how many otherwise-linked groups an
identifier's reports fall into. A handful of groups is weak evidence when the
identifier is the kind a scam operation owns — a mobile number, a wallet, a
mule account, a handle with digits in it — because a network's own
identifier often reaches a few fragments of that network before the rest of
its evidence has joined them. Such identifiers must reach more groups, and
stand out from the degrees their kind usually has, before they are hubs. An
identifier that looks like a public service (a landline or toll-free
number, a site's home page, a bare domain) keeps the low bar: that is what
hotlines and platforms look like.

This prior generalises beyond the generator because it is about what kinds
of identifiers an operation burns (personal, disposable) versus what
unrelated victims quote (public, official), not about particular values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import phonenumbers
from phonenumbers import PhoneNumberType

from fraudlink.link.networks.graph import MIN_HUB_DEGREE, IntArray

#: groups an identifier that looks official must reach to be a hub
OFFICIAL_HUB_GROUPS = 3
#: groups an identifier an operation would own must reach to be a hub
PERSONAL_HUB_GROUPS = 6
#: ... and its degree must reach this quantile of its kind's shared identifiers' degrees
KIND_QUANTILE = 0.99
#: the quantile is only trusted with this many shared identifiers of the kind
KIND_SAMPLE = 500
#: a hotline's national number must be this long before its variants are looked for
MIN_NATIONAL_DIGITS = 7
_NUMBER_KINDS = frozenset({"phone", "whatsapp", "bank_account"})
#: more groups than any identifier can reach
NEVER = 1 << 30

_PUBLIC_PHONE_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
    }
)


@lru_cache(maxsize=65536)
def _public_phone(value: str) -> bool:
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) in _PUBLIC_PHONE_TYPES


def looks_official(kind: str, value: str) -> bool:
    """Whether the identifier looks like something the public quotes, not an operation's own."""
    if kind == "phone":
        return _public_phone(value)
    if kind == "domain":
        return True
    if kind == "url":
        rest = value.partition("://")[2].rstrip("/")
        return not any(c in rest for c in "/?#")
    return False


def kind_floors(kinds: IntArray, degree: IntArray) -> dict[int, float]:
    """Per kind code, the degree its shared identifiers rarely reach (when enough are shared)."""
    shared = degree >= 2
    floors: dict[int, float] = {}
    for code in np.unique(kinds[shared]).tolist():
        sample = degree[shared & (kinds == code)]
        if len(sample) >= KIND_SAMPLE:
            floors[code] = float(np.quantile(sample, KIND_QUANTILE))
    return floors


def can_be_hub(kinds: IntArray, degree: IntArray) -> npt.NDArray[np.bool_]:
    """Identifiers frequent enough, for their kind, that the hub rule should judge them."""
    floor = np.full(len(degree), float(MIN_HUB_DEGREE))
    for code, value in kind_floors(kinds, degree).items():
        floor[kinds == code] = max(value, MIN_HUB_DEGREE)
    result: npt.NDArray[np.bool_] = degree >= floor
    return result


@dataclass(frozen=True, slots=True)
class Profile:
    """What the hub rule needs to know of every identifier beyond its degree."""

    needed: IntArray
    #: variant identifier -> the public number it spells for another country
    variants: dict[int, int]


def profile(identifiers: Sequence[tuple[int, str, str]], degree: IntArray) -> Profile:
    """``needed`` groups per identifier and hotline variants, from ``(id, kind, value)`` rows.

    An identifier whose degree is ordinary for its kind (below ``KIND_QUANTILE``
    of its kind's shared identifiers) is never a hub; the others need
    ``OFFICIAL_HUB_GROUPS`` groups if they look official, else ``PERSONAL_HUB_GROUPS``.
    """
    size = len(degree)
    codes: dict[str, int] = {}
    kinds = np.full(size, -1, np.int64)
    rows = [row for row in identifiers if row[0] < size]
    ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
    kinds[ids] = np.fromiter(
        (codes.setdefault(r[1], len(codes)) for r in rows), np.int64, len(rows)
    )
    judged = can_be_hub(kinds, degree)
    needed = np.full(size, NEVER, np.int64)
    official = np.zeros(size, bool)
    shared = [row for row in rows if degree[row[0]] >= 2]
    for i, kind_name, value in shared:
        if judged[i]:
            official[i] = looks_official(kind_name, value)
            needed[i] = OFFICIAL_HUB_GROUPS if official[i] else PERSONAL_HUB_GROUPS
    return Profile(needed, hotline_variants(shared, official, needed))


def hotline_variants(
    shared: Sequence[tuple[int, str, str]], official: npt.NDArray[np.bool_], needed: IntArray
) -> dict[int, int]:
    """Numbers that end with a possible hotline's national number but are not that number.

    A victim who writes a bank's hotline without its country code gets it
    read as a number of their own country (``+62 861053982597``) or as a
    bank account (``028991907``): the same public number, so no evidence.
    """
    hotlines: dict[str, int] = {}
    for i, kind_name, value in shared:
        if kind_name == "phone" and official[i] and needed[i] < NEVER:
            national = _national(value)
            if len(national) >= MIN_NATIONAL_DIGITS:
                hotlines[national] = i
    lengths = sorted({len(n) for n in hotlines})
    numbers = set(hotlines.values())
    found: dict[int, int] = {}
    for i, kind_name, value in shared:
        if kind_name not in _NUMBER_KINDS or i in numbers:
            continue
        digits = "".join(c for c in value if c.isdigit())
        for length in lengths:
            hotline = hotlines.get(digits[-length:]) if len(digits) > length else None
            if hotline is not None and hotline != i:
                found[i] = hotline
                break
    return found


def _national(value: str) -> str:
    try:
        return str(phonenumbers.national_significant_number(phonenumbers.parse(value, None)))
    except phonenumbers.NumberParseException:
        return ""
