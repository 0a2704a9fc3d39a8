"""Text folded for matching, with offsets that still point into the original.

Victims write digits in their own script (``០១២``, ``１２３``, ``๑๒๓``) and
punctuation in full width. Every pattern runs on the folded text; because each
character folds to exactly one character, an offset in the folded text is the
same offset in the original, and ``raw`` is always sliced from the original.
"""

from __future__ import annotations

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


def fold(text: str) -> str:
    """Same length as ``text``: digits of every script and full-width forms become ASCII."""
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


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
