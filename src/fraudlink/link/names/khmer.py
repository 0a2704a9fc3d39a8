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

import re
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


def _onset(word: str, index: int) -> tuple[str, int, int]:
    """Onset letters, series and next index: the consonant, its subscripts and series signs.

    A cluster takes the series of its first consonant, except that a silent
    ``អ`` takes the subscript's series; ``៉``/``៊`` then move it to the other series."""
    onset, series, _ = _CONSONANTS[word[index]]
    index += 1
    while index < len(word) and word[index] in _TO_FIRST + _TO_SECOND + _COENG:
        if word[index] == _COENG and index + 1 < len(word) and word[index + 1] in _CONSONANTS:
            sub_onset, sub_series, _ = _CONSONANTS[word[index + 1]]
            series = sub_series if onset == "" else series
            onset = ("p" if onset == "b" else onset) + sub_onset
            index += 2
            continue
        series = 1 if word[index] == _TO_FIRST else 2
        onset = "p" if onset == "b" and word[index] == _TO_FIRST else onset
        index += 1
    return onset, series, index


def _skip(word: str, index: int, signs: str) -> int:
    while index < len(word) and word[index] in signs:
        index += 1
    return index


def _syllable(word: str, index: int) -> tuple[str, int, bool]:
    """Romanise the syllable whose onset is at ``index``.

    Returns the syllable, the next index, and whether its vowel is the inherent one
    (which everyday spellings write ``a`` where UNGEGN writes ``o``/``â``)."""
    onset, series, index = _onset(word, index)
    vowel, size = _vowel_at(word, index)
    index = _skip(word, index + size, _SILENT)
    final = ""
    if index < len(word) and word[index] in _CONSONANTS and _is_final(word, index, bool(vowel)):
        final = _CONSONANTS[word[index]][2]
        index = _skip(word, index + 1, _SILENT + _TO_FIRST + _TO_SECOND)
        if index + 2 == len(word) and word[index] == _COENG:
            index += 2  # a word-final subscript after a final is silent (ពេជ្រ Pich)
    nucleus = _VOWELS[vowel][series - 1] if vowel else _INHERENT[series - 1]
    return onset + nucleus + final, index, not vowel


def _is_final(word: str, at: int, after_sign: bool = False) -> bool:
    """Whether the consonant at ``at`` closes the syllable before it.

    It does at the end of the word, before a sign that closes it (``់``), or when a
    subscript follows (``ន្ថ`` in ចន្ថា: the ``n`` ends ``chan``). After a written vowel it
    also does when the next consonant carries its own vowel (យ៉ុងផាត់ is ``yong-phat``);
    otherwise it starts the next syllable, with its inherent vowel when it has no sign
    (សុផល is ``so-phal``, មករា ``mo-ka-ra``)."""
    after = at + 1
    if after >= len(word) or word[after] in _COENG + _SILENT:
        return True
    if not after_sign or word[after] not in _CONSONANTS:
        return False
    nxt = _skip(word, after + 1, _TO_FIRST + _TO_SECOND)
    return bool(_vowel_at(word, nxt)[1])


def _syllables(word: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    index = 0
    while index < len(word):
        char = word[index]
        if char in _CONSONANTS:
            piece, index, inherent = _syllable(word, index)
            out.append((piece, inherent))
            continue
        index += 1
        if char in _INDEPENDENT:
            final = ""
            if index < len(word) and word[index] in _CONSONANTS and _is_final(word, index):
                final, index = _CONSONANTS[word[index]][2], index + 1
            out.append((_INDEPENDENT[char] + final, False))
    return out


@lru_cache(maxsize=8192)
def romanise(word: str) -> str:
    """One Khmer word in Latin letters, UNGEGN-style (lower case); unknown characters skipped."""
    return "".join(piece for piece, _ in _syllables(word))


_PALI_FINAL = "\u17b7\u17bb"  # ិ ុ
_COMMON_VOWELS = (
    ("nhnh", "nh"),
    ("aeu", "eu"),
    ("ae", "e"),
    ("ei", "ey"),
    ("oe", "i"),
    ("ue", "i"),
)


@lru_cache(maxsize=8192)
def spellings(word: str) -> tuple[str, ...]:
    """UNGEGN first, then the everyday spelling people write on passports and lists.

    Everyday spellings write the inherent vowel ``a`` (មករា Makara, not Mokara), drop a
    Pali word's final vowel after a double consonant (សម្បត្តិ Sambath) and simplify
    vowel digraphs (កែវ Keo, ឈឹម Chhim). ``ឹ`` is also written ``oe`` whatever the
    consonant's series (ឈឹម Chhoem, Chhœm), so that spelling comes last."""
    pieces = _syllables(word)
    if not pieces:
        return ("",)
    ungegn = "".join(piece for piece, _ in pieces)
    common = [_common(piece, inherent) for piece, inherent in pieces]
    if len(common) > 1 and len(word) > 2 and word[-3] == _COENG and word[-1] in _PALI_FINAL:
        common[-1] = common[-1][:-1]
    everyday = "".join(common)
    for source, target in _COMMON_VOWELS:
        everyday = everyday.replace(source, target)
    if everyday.endswith("v") and len(everyday) > 2 and everyday[-2] in "aeiou":
        everyday = everyday[:-1] + "o"
    return tuple(dict.fromkeys((ungegn, everyday, ungegn.replace("ue", "oe"))))


def _common(piece: str, inherent: bool) -> str:
    return piece.replace("o", "a", 1) if inherent else piece


def skeleton(latin: str) -> tuple[str, int]:
    """Consonants and syllable count of a phonetic key: what Khmer spellings agree on.

    Romanisations of Khmer disagree mostly on vowels (Pich/Péchr, Keo/Kêv, Chhim/Chhœm);
    the consonants and the number of syllables stay, and they still tell Sok from Sokha
    and Sophea from Sopheap."""
    consonants = re.sub(r"[aeiouy]+", "", latin)
    return consonants.rstrip("w"), len(re.findall(r"[aeiouy]+", latin))
