"""When it happened, as victims write dates: a distractor extractors must not take for a number.

Dates are full of digits in every notation (``2025年3月15日``, ``15/03/2568``
in the Thai Buddhist calendar, Khmer digits), so a phone or account extractor
that is too eager shows up as false positives on them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from random import Random

from fraudlink.generate.notation import KHMER, native_digits
from fraudlink.generate.world import pick

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _en(rng: Random, d: date) -> str:
    return pick(rng, (f"It started on {d.day} {_EN_MONTHS[d.month - 1]} {d.year}. ",
                      f"Date: {d.day:02d}/{d.month:02d}/{d.year}. ",
                      f"It happened on {_EN_MONTHS[d.month - 1]} {d.day}. "))  # fmt: skip


_FORMATS: dict[str, Callable[[Random, date], str]] = {
    "zh-Hans": lambda rng, d: f"{d.year}年{d.month}月{d.day}日，",
    "zh-Hant": lambda rng, d: f"{d.year}年{d.month}月{d.day}日，",
    "ja": lambda rng, d: f"{d.year}年{d.month}月{d.day}日、",
    "ko": lambda rng, d: f"{d.year}년 {d.month}월 {d.day}일 ",
    "vi": lambda rng, d: f"Sự việc xảy ra ngày {d.day}/{d.month}/{d.year}. ",
    "th": lambda rng, d: f"เมื่อวันที่ {d.day}/{d.month}/{d.year + 543} ",
    "km": lambda rng, d: (
        f"នៅថ្ងៃទី{d.day}/{d.month}/{d.year} ".translate(KHMER)
        if rng.random() < 0.6
        else f"នៅថ្ងៃទី{d.day}/{d.month}/{d.year} "
    ),
    "ms": lambda rng, d: f"Tarikh kejadian: {d.day}/{d.month}/{d.year}. ",
    "id": lambda rng, d: f"Kejadian tanggal {d.day}-{d.month:02d}-{d.year}. ",
    "tl": lambda rng, d: f"Nangyari ito noong {d.month}/{d.day}/{d.year}. ",
    "en": _en,
}


def write_date(rng: Random, language: str, when: date) -> str:
    """An opening clause or sentence with ``when`` in the notation of ``language``."""
    text = _FORMATS.get(language, _en)(rng, when)
    return native_digits(rng, text, language) if language in ("zh-Hans", "ja") else text
