"""How much evidence it takes to call an identifier a hub, identifier by identifier.

The hub rule (``rule.judge``) asks how many otherwise-linked groups an
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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import phonenumbers
from phonenumbers import PhoneNumberType

from fraudlink.link.networks.rule import MIN_HUB_DEGREE, IntArray

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
NUMBER_KINDS = frozenset({"phone", "whatsapp", "bank_account"})
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


@dataclass(frozen=True, slots=True)
class Cutoff:
    """A kind's degree cut-off and how many shared identifiers sat at or above it.

    ``degree`` is ``None`` while the kind has too few shared identifiers to trust
    a quantile (``MIN_HUB_DEGREE`` applies). ``shared`` and ``above`` let an
    incremental run see how far the cut-off has drifted from its quantile
    without reading every identifier again.
    """

    degree: float | None
    shared: int
    above: int

    @property
    def floor(self) -> float:
        return max(self.degree, MIN_HUB_DEGREE) if self.degree is not None else MIN_HUB_DEGREE


def kind_cutoffs(kinds: IntArray, degree: IntArray, names: Sequence[str]) -> dict[str, Cutoff]:
    """Per kind name, the degree its shared identifiers rarely reach (when enough are shared)."""
    shared = degree >= 2
    cutoffs: dict[str, Cutoff] = {}
    for code in np.unique(kinds[shared & (kinds >= 0)]).tolist():
        sample = degree[shared & (kinds == code)]
        cut = float(np.quantile(sample, KIND_QUANTILE)) if len(sample) >= KIND_SAMPLE else None
        above = int((sample >= cut).sum()) if cut is not None else 0
        cutoffs[names[code]] = Cutoff(cut, len(sample), above)
    return cutoffs


def needed_groups(kind: str, value: str, degree: int, cutoffs: dict[str, Cutoff]) -> int:
    """The hub rule's bar for one identifier: the scalar form of ``profile``'s ``needed``."""
    cutoff = cutoffs.get(kind)
    floor = cutoff.floor if cutoff is not None else MIN_HUB_DEGREE
    if degree < 2 or degree < floor:
        return NEVER
    return OFFICIAL_HUB_GROUPS if looks_official(kind, value) else PERSONAL_HUB_GROUPS


@dataclass(frozen=True, slots=True)
class Profile:
    """What the hub rule needs to know of every identifier beyond its degree."""

    needed: IntArray
    #: variant identifier -> the public number it spells for another country
    variants: dict[int, int]
    #: per kind, the degree cut-off used (stored for incremental runs)
    cutoffs: dict[str, Cutoff]


def profile(
    identifiers: Sequence[tuple[int, str, str]],
    degree: IntArray,
    cutoffs: dict[str, Cutoff] | None = None,
) -> Profile:
    """``needed`` groups per identifier and hotline variants, from ``(id, kind, value)`` rows.

    An identifier whose degree is ordinary for its kind (below ``KIND_QUANTILE``
    of its kind's shared identifiers) is never a hub; the others need
    ``OFFICIAL_HUB_GROUPS`` groups if they look official, else ``PERSONAL_HUB_GROUPS``.
    Given ``cutoffs`` (an earlier run's), those are used instead of fresh quantiles.
    """
    size = len(degree)
    codes: dict[str, int] = {}
    kinds = np.full(size, -1, np.int64)
    rows = [row for row in identifiers if row[0] < size]
    ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
    kinds[ids] = np.fromiter(
        (codes.setdefault(r[1], len(codes)) for r in rows), np.int64, len(rows)
    )
    if cutoffs is None:
        cutoffs = kind_cutoffs(kinds, degree, list(codes))
    floor = np.full(size, float(MIN_HUB_DEGREE))
    for name, code in codes.items():
        if name in cutoffs:
            floor[kinds == code] = cutoffs[name].floor
    judged = degree >= floor
    needed = np.full(size, NEVER, np.int64)
    official = np.zeros(size, bool)
    shared = [row for row in rows if degree[row[0]] >= 2]
    for i, kind_name, value in shared:
        if judged[i]:
            official[i] = looks_official(kind_name, value)
            needed[i] = OFFICIAL_HUB_GROUPS if official[i] else PERSONAL_HUB_GROUPS
    hotlines = hotline_numbers((i, k, v) for i, k, v in shared if official[i] and needed[i] < NEVER)
    return Profile(needed, hotline_variants(shared, hotlines), cutoffs)


def hotline_numbers(rows: Iterable[tuple[int, str, str]]) -> dict[str, int]:
    """National number -> id, for the public-looking phones that may be hubs."""
    hotlines: dict[str, int] = {}
    for i, kind_name, value in rows:
        if kind_name == "phone":
            national = _national(value)
            if len(national) >= MIN_NATIONAL_DIGITS:
                hotlines[national] = i
    return hotlines


def hotline_variants(
    shared: Iterable[tuple[int, str, str]], hotlines: dict[str, int]
) -> dict[int, int]:
    """Numbers that end with a possible hotline's national number but are not that number.

    A victim who writes a bank's hotline without its country code gets it
    read as a number of their own country (``+62 861053982597``) or as a
    bank account (``028991907``): the same public number, so no evidence.
    """
    lengths = sorted({len(n) for n in hotlines})
    numbers = set(hotlines.values())
    found: dict[int, int] = {}
    for i, kind_name, value in shared:
        if kind_name not in NUMBER_KINDS or i in numbers:
            continue
        digits = _digits(value)
        for length in lengths:
            hotline = hotlines.get(digits[-length:]) if len(digits) > length else None
            if hotline is not None and hotline != i:
                found[i] = hotline
                break
    return found


_NOT_ASCII_DIGIT = re.compile("[^0-9]")


def _digits(value: str) -> str:
    """The digits of ``value`` as ``str.isdigit`` finds them; for ASCII (stored numbers are)
    one regular-expression pass, several times faster than a character loop."""
    if value.isascii():
        return _NOT_ASCII_DIGIT.sub("", value)
    return "".join(c for c in value if c.isdigit())


def _national(value: str) -> str:
    try:
        return str(phonenumbers.national_significant_number(phonenumbers.parse(value, None)))
    except phonenumbers.NumberParseException:
        return ""
