"""The fixed geography of the synthetic world: victims' countries, scam bases, benign hubs.

Weights are rough shares of reported victims and of known compound locations
in the region; they only need to make the data lopsided in the way real data
is (many Chinese-language reports, compounds mostly in Cambodia and Myanmar).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta, timezone
from itertools import accumulate
from random import Random
from typing import TypeVar

from fraudlink.generate.identifiers import Identifier, mint_phone

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class VictimCountry:
    code: str
    agency: str
    languages: tuple[tuple[str, float], ...]
    currency: str
    weight: float
    messengers: tuple[str, ...]
    utc_offset: int

    @property
    def tz(self) -> timezone:
        return _ZONES[self.utc_offset]


_ZONES = {hours: timezone(timedelta(hours=hours)) for hours in range(-12, 15)}

VICTIM_COUNTRIES: tuple[VictimCountry, ...] = (
    VictimCountry("CN", "CN-MPS", (("zh-Hans", 1.0),), "CNY", 20, ("wechat", "telegram"), 8),
    VictimCountry("TW", "TW-CIB", (("zh-Hant", 1.0),), "TWD", 6, ("line", "telegram"), 8),
    VictimCountry("HK", "HK-HKPF", (("zh-Hant", 0.75), ("en", 0.25)), "HKD", 4,
                  ("whatsapp", "telegram", "wechat"), 8),
    VictimCountry("KR", "KR-KNPA", (("ko", 1.0),), "KRW", 10, ("kakao", "telegram"), 9),
    VictimCountry("VN", "VN-MPS", (("vi", 1.0),), "VND", 8, ("telegram", "whatsapp"), 7),
    VictimCountry("TH", "TH-CCIB", (("th", 1.0),), "THB", 8, ("line", "telegram"), 7),
    VictimCountry("KH", "KH-NPA", (("km", 0.85), ("en", 0.15)), "USD", 4, ("telegram",), 7),
    VictimCountry("MY", "MY-PDRM", (("ms", 0.55), ("en", 0.3), ("zh-Hans", 0.15)), "MYR", 6,
                  ("whatsapp", "telegram", "wechat"), 8),
    VictimCountry("ID", "ID-POLRI", (("id", 1.0),), "IDR", 6, ("whatsapp", "telegram"), 7),
    VictimCountry("JP", "JP-NPA", (("ja", 1.0),), "JPY", 5, ("line",), 9),
    VictimCountry("SG", "SG-SPF", (("en", 0.8), ("zh-Hans", 0.2)), "SGD", 4,
                  ("whatsapp", "telegram"), 8),
    VictimCountry("PH", "PH-PNP", (("en", 0.6), ("tl", 0.4)), "PHP", 6,
                  ("telegram", "whatsapp"), 8),
    VictimCountry("US", "US-FBI", (("en", 1.0),), "USD", 7, ("whatsapp", "telegram"), -5),
    VictimCountry("AU", "AU-AFP", (("en", 1.0),), "AUD", 3, ("whatsapp", "telegram"), 10),
    VictimCountry("GB", "GB-NCA", (("en", 1.0),), "GBP", 3, ("whatsapp", "telegram"), 0),
)  # fmt: skip

VICTIM_WEIGHTS: tuple[tuple[str, float], ...] = tuple((c.code, c.weight) for c in VICTIM_COUNTRIES)

BASE_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("KH", 30), ("MM", 20), ("LA", 10), ("PH", 12), ("MY", 6), ("TH", 6), ("VN", 5),
    ("AE", 6), ("GE", 3), ("TR", 2),
)  # fmt: skip

#: where bosses come from; recruiters and mules mostly share the victims' nationality
BOSS_NATIONALITIES: tuple[tuple[str, float], ...] = (
    ("CN", 55), ("TW", 8), ("HK", 4), ("KR", 6), ("TH", 5), ("VN", 5), ("MY", 7), ("KH", 6),
    ("SG", 2), ("ID", 2),
)  # fmt: skip

_HUB_DOMAINS = (
    "facebook.com", "telegram.org", "binance.com", "line.me", "okx.com", "tiktok.com",
    "instagram.com", "whatsapp.com",
)  # fmt: skip
_HUB_TELEGRAM = ("binanceexchange", "okxofficial_english")
_HOTLINE_REGIONS = ("CN", "KR", "TH", "MY", "PH", "TW", "VN", "ID")


def make_hubs(rng: Random) -> tuple[Identifier, ...]:
    """Identifiers that unrelated reports share: platforms, official channels, bank hotlines."""
    hubs = [Identifier("domain", d, None, (d,)) for d in _HUB_DOMAINS]
    hubs += [Identifier("telegram", h, None, (h,)) for h in _HUB_TELEGRAM]
    hubs += [mint_phone(rng, region, mobile=False) for region in _HOTLINE_REGIONS]
    return tuple(hubs)


def pick(rng: Random, items: Sequence[T]) -> T:
    """``rng.choice`` at a third of the cost: one ``random()`` call, no rejection loop."""
    return items[int(rng.random() * len(items))]


class Weights:
    """Keys drawn by weight with one ``random()`` and a bisection (the hot-path version)."""

    __slots__ = ("cumulative", "keys", "total")

    def __init__(self, pairs: tuple[tuple[str, float], ...]) -> None:
        self.keys = tuple(key for key, _ in pairs)
        self.cumulative = tuple(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def draw(self, rng: Random) -> str:
        return self.keys[bisect_right(self.cumulative, rng.random() * self.total)]


def weighted(rng: Random, pairs: tuple[tuple[str, float], ...]) -> str:
    """One key of ``pairs`` drawn by weight, deterministic for the rng's state."""
    total = sum(w for _, w in pairs)
    point = rng.random() * total
    for key, weight in pairs:
        point -= weight
        if point < 0:
            return key
    return pairs[-1][0]
