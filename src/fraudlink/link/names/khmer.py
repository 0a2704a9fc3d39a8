"""Khmer names to Latin, UNGEGN-style, simplified for names.

Khmer consonants belong to two series that give the same vowel sign two
values (``ា`` is ``a`` after ``ក`` but ``ea`` after ``គ``); the signs ``៉``
and ``៊`` move a consonant to the other series. We romanise syllable by
syllable: onset (with subscript consonants), vowel (or the inherent vowel
when a final consonant follows), final consonant. Everyday spellings differ
from UNGEGN (``ឆាយ`` Chhay/Chay, ``សែន`` Saen/Sen); the phonetic key in
``phonetic.py`` absorbs those differences rather than listing them here.
"""

from __future__ import annotations

from functools import lru_cache

# consonant: (onset, series 1|2, final)
_CONSONANTS: dict[str, tuple[str, int, str]] = {
    "ក": ("k", 1, "k"),
    "ខ": ("kh", 1, "k"),
    "គ": ("k", 2, "k"),
    "ឃ": ("kh", 2, "k"),
    "ង": ("ng", 2, "ng"),
    "ច": ("ch", 1, "ch"),
    "ឆ": ("chh", 1, "ch"),
    "ជ": ("ch", 2, "ch"),
    "ឈ": ("chh", 2, "ch"),
    "ញ": ("nh", 2, "nh"),
    "ដ": ("d", 1, "t"),
    "ឋ": ("th", 1, "t"),
    "ឌ": ("d", 2, "t"),
    "ឍ": ("th", 2, "t"),
    "ណ": ("n", 1, "n"),
    "ត": ("t", 1, "t"),
    "ថ": ("th", 1, "t"),
    "ទ": ("t", 2, "t"),
    "ធ": ("th", 2, "t"),
    "ន": ("n", 2, "n"),
    "ប": ("b", 1, "b"),
    "ផ": ("ph", 1, "p"),
    "ព": ("p", 2, "p"),
    "ភ": ("ph", 2, "p"),
    "ម": ("m", 2, "m"),
    "យ": ("y", 2, "y"),
    "រ": ("r", 2, ""),
    "ល": ("l", 2, "l"),
    "វ": ("v", 2, "v"),
    "ឝ": ("s", 1, "s"),
    "ឞ": ("s", 1, "s"),
    "ស": ("s", 1, "s"),
    "ហ": ("h", 1, "h"),
    "ឡ": ("l", 1, "l"),
    "អ": ("", 1, ""),
}
_INDEPENDENT = {
    "ឥ": "e",
    "ឦ": "ei",
    "ឧ": "o",
    "ឩ": "ou",
    "ឪ": "ov",
    "ឫ": "rue",
    "ឬ": "rueu",
    "ឭ": "lue",
    "ឮ": "lueu",
    "ឯ": "ae",
    "ឰ": "ai",
    "ឱ": "ao",
    "ឲ": "ao",
    "ឳ": "au",
}
# vowel sign (possibly a sequence): (first series, second series)
_VOWELS: dict[str, tuple[str, str]] = {
    "ា": ("a", "ea"),
    "ិ": ("e", "i"),
    "ី": ("ei", "i"),
    "ឹ": ("oe", "ue"),
    "ឺ": ("eu", "eu"),
    "ុ": ("o", "u"),
    "ូ": ("ou", "u"),
    "ួ": ("uo", "uo"),
    "ើ": ("aeu", "eu"),
    "ឿ": ("oea", "oea"),
    "ៀ": ("ie", "ie"),
    "េ": ("e", "e"),
    "ែ": ("ae", "e"),
    "ៃ": ("ai", "ey"),
    "ោ": ("ao", "o"),
    "ៅ": ("au", "ov"),
    "ុំ": ("om", "um"),
    "ំ": ("am", "um"),
    "ាំ": ("am", "eam"),
    "ះ": ("ah", "eah"),
    "ុះ": ("oh", "uh"),
    "េះ": ("eh", "ih"),
    "ោះ": ("aoh", "uoh"),
    "ិះ": ("eh", "ih"),
    "ាះ": ("ah", "eah"),
}
_INHERENT = ("a", "o")
_COENG = "\u17d2"
_TO_FIRST, _TO_SECOND = "\u17c9", "\u17ca"
_SILENT = "\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17dd"


def _vowel_at(word: str, index: int) -> tuple[str, int]:
    """The longest vowel-sign sequence at ``index`` (may be empty) and its length."""
    for size in (2, 1):
        piece = word[index : index + size]
        if piece in _VOWELS:
            return piece, size
    return "", 0


def _syllable(word: str, index: int) -> tuple[str, int]:
    """Romanise the syllable whose onset is at ``index``; return it and the next index."""
    onset, series, _ = _CONSONANTS[word[index]]
    index += 1
    while index < len(word) and word[index] in _TO_FIRST + _TO_SECOND + _COENG:
        if word[index] == _COENG and index + 1 < len(word) and word[index + 1] in _CONSONANTS:
            sub_onset, sub_series, _ = _CONSONANTS[word[index + 1]]
            onset += sub_onset
            series = 2 if sub_series == 2 and onset[0] == "" else series
            index += 2
            continue
        series = 1 if word[index] == _TO_FIRST else 2
        onset = "p" if onset == "b" and word[index] == _TO_FIRST else onset
        index += 1
    vowel, size = _vowel_at(word, index)
    index += size
    while index < len(word) and word[index] in _SILENT:
        index += 1
    final = ""
    if index < len(word) and word[index] in _CONSONANTS and _is_final(word, index + 1):
        final = _CONSONANTS[word[index]][2]
        index += 1
        while index < len(word) and word[index] in _SILENT + _TO_FIRST + _TO_SECOND:
            index += 1
    nucleus = _VOWELS[vowel][series - 1] if vowel else _INHERENT[series - 1]
    return onset + nucleus + final, index


def _is_final(word: str, after: int) -> bool:
    """A consonant closes the syllable unless a vowel, sign or subscript attaches to it."""
    if after >= len(word):
        return True
    nxt = word[after]
    return not (
        nxt in _VOWELS
        or _vowel_at(word, after)[1]
        or nxt in _COENG + _TO_FIRST + _TO_SECOND + "\u17c6\u17c7"
    )


@lru_cache(maxsize=8192)
def romanise(word: str) -> str:
    """One Khmer word in Latin letters (lower case); unknown characters are skipped."""
    out: list[str] = []
    index = 0
    while index < len(word):
        char = word[index]
        if char in _CONSONANTS:
            piece, index = _syllable(word, index)
            out.append(piece)
            continue
        if char in _INDEPENDENT:
            out.append(_INDEPENDENT[char])
        index += 1
    return "".join(out)
