"""Which writing system a character or token belongs to.

Romanisation and comparison rules differ by script, so every token is
tagged once, from the Unicode blocks of its letters.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Script(StrEnum):
    LATIN = "latin"
    HAN = "han"
    HANGUL = "hangul"
    KANA = "kana"
    KHMER = "khmer"
    THAI = "thai"
    ARABIC = "arabic"
    OTHER = "other"


_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0x08A0, 0x08FF, Script.ARABIC),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE70, 0xFEFF, Script.ARABIC),
    (0x1100, 0x11FF, Script.HANGUL),
    (0x1780, 0x17FF, Script.KHMER),
    (0x19E0, 0x19FF, Script.KHMER),
    (0x0E00, 0x0E7F, Script.THAI),
    (0x3040, 0x30FF, Script.KANA),
    (0x3130, 0x318F, Script.HANGUL),
    (0x3400, 0x4DBF, Script.HAN),
    (0x4E00, 0x9FFF, Script.HAN),
    (0xAC00, 0xD7A3, Script.HANGUL),
    (0xF900, 0xFAFF, Script.HAN),
    (0x20000, 0x3FFFF, Script.HAN),
)

SYLLABIC = frozenset({Script.HAN, Script.HANGUL})
"""Scripts where one character is one syllable of a name: a different character is a
different name, so native comparison is exact per character."""


def char_script(char: str) -> Script | None:
    """The script of one letter, or None for marks, digits and punctuation."""
    code = ord(char)
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    if not char.isalpha():
        return None
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF or unicodedata.name(char, "").startswith("LATIN"):
        return Script.LATIN
    return Script.OTHER


def token_script(token: str) -> Script:
    """The script most letters of ``token`` are in (Latin for a token with no letters)."""
    counts: dict[Script, int] = {}
    for char in token:
        script = char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return Script.LATIN
    return max(counts, key=lambda s: counts[s])
