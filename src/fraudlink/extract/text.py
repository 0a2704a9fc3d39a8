"""Text folded for matching, with offsets that still point into the original.

Victims write digits in their own script (``០១២``, ``１２３``, ``๑๒๓``) and
punctuation in full width. Every pattern runs on the folded text; because each
character folds to exactly one character, an offset in the folded text is the
same offset in the original, and ``raw`` is always sliced from the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character to its ASCII look-alike when that is a single character."""
    if char.isascii():
        return char
    if char.isdigit():
        try:
            return str(unicodedata.decimal(char))
        except ValueError:
            return char
    compat = unicodedata.normalize("NFKC", char)
    if len(compat) == 1 and compat.isascii():
        return compat
    return char


class _FoldTable(dict[int, int]):
    """``str.translate`` table filled on first sight of each code point.

    Filling lazily keeps import cheap while repeated characters are folded in C.
    """

    def __missing__(self, code: int) -> int:
        folded = ord(fold_char(chr(code)))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    """Every BMP character that folds to something else, and any astral one.

    Built once (some 60 ms): most reports have none of them, and one C-speed
    search proves it, where ``translate`` would look every character up.
    """
    codes = [
        code
        for code in range(0x80, 0x10000)
        if not 0xD800 <= code < 0xE000 and fold_char(chr(code)) != chr(code)
    ]
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)
    return re.compile(f"[{parts}\\U00010000-\\U0010ffff]")


def _fold_match(match: re.Match[str]) -> str:
    return fold_char(match.group())


def fold(text: str) -> str:
    """Same length as ``text``: digits of every script and full-width forms become ASCII.

    Only the characters that fold are visited (``translate`` would look up
    every Chinese character of a report to change its commas).
    """
    if text.isascii():
        return text
    return _foldable().sub(_fold_match, text)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """The original text and its folded twin, of equal length."""

    original: str
    folded: str

    @classmethod
    def of(cls, text: str) -> FoldedText:
        return cls(text, fold(text))

    def raw(self, start: int, end: int) -> str:
        return self.original[start:end]


@lru_cache(maxsize=8)
def lower_keep_length(text: str) -> str:
    """Lower case with the length kept (``İ`` stays), so offsets still hold.

    Cached: every kind that matches without case asks for the same report's copy.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
