"""Thai names to the Royal Thai General System (RTGS), by our own rules.

Why not pythainlp: it is a large NLP toolkit (corpora, models, many
dependencies) and its RTGS engine needs word segmentation that names do
not; names need syllable rules only. We handle leading vowels (เ แ โ ใ ไ),
onset clusters, vowel signs, the hidden ``o``/``a`` of closed syllables,
final-consonant values and silent letters (``์``). Everyday spellings follow
Sanskrit or English habits (Thaksin Shinawatra, RTGS Chinnawat); the
phonetic key and fuzzy comparison absorb part of that difference.
"""

from __future__ import annotations

import re
from functools import lru_cache

# consonant: (initial, final)
_CONSONANTS: dict[str, tuple[str, str]] = {
    "ก": ("k", "k"),
    "ข": ("kh", "k"),
    "ฃ": ("kh", "k"),
    "ค": ("kh", "k"),
    "ฅ": ("kh", "k"),
    "ฆ": ("kh", "k"),
    "ง": ("ng", "ng"),
    "จ": ("ch", "t"),
    "ฉ": ("ch", "t"),
    "ช": ("ch", "t"),
    "ซ": ("s", "t"),
    "ฌ": ("ch", "t"),
    "ญ": ("y", "n"),
    "ฎ": ("d", "t"),
    "ฏ": ("t", "t"),
    "ฐ": ("th", "t"),
    "ฑ": ("th", "t"),
    "ฒ": ("th", "t"),
    "ณ": ("n", "n"),
    "ด": ("d", "t"),
    "ต": ("t", "t"),
    "ถ": ("th", "t"),
    "ท": ("th", "t"),
    "ธ": ("th", "t"),
    "น": ("n", "n"),
    "บ": ("b", "p"),
    "ป": ("p", "p"),
    "ผ": ("ph", "p"),
    "ฝ": ("f", "p"),
    "พ": ("ph", "p"),
    "ฟ": ("f", "p"),
    "ภ": ("ph", "p"),
    "ม": ("m", "m"),
    "ย": ("y", "i"),
    "ร": ("r", "n"),
    "ล": ("l", "n"),
    "ว": ("w", "o"),
    "ศ": ("s", "t"),
    "ษ": ("s", "t"),
    "ส": ("s", "t"),
    "ห": ("h", ""),
    "ฬ": ("l", "n"),
    "อ": ("", ""),
    "ฮ": ("h", ""),
}
_LEADING = "เแโใไ"
_CLUSTER_SECOND = "รลว"
_SONORANTS = "งญนมยรลว"
_TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e47"
_KILLER = "\u0e4c"
# (leading vowel, signs after the onset) → RTGS vowel; the longest pattern wins.
_VOWELS: dict[tuple[str, str], str] = {
    ("", "ะ"): "a",
    ("", "ั"): "a",
    ("", "า"): "a",
    ("", "ำ"): "am",
    ("", "ิ"): "i",
    ("", "ี"): "i",
    ("", "ึ"): "ue",
    ("", "ื"): "ue",
    ("", "ุ"): "u",
    ("", "ู"): "u",
    ("", "ัว"): "ua",
    ("", "ือ"): "ue",
    ("", "อ"): "o",
    ("", "ฤ"): "rue",
    ("เ", ""): "e",
    ("เ", "ะ"): "e",
    ("แ", ""): "ae",
    ("แ", "ะ"): "ae",
    ("โ", ""): "o",
    ("โ", "ะ"): "o",
    ("ใ", ""): "ai",
    ("ไ", ""): "ai",
    ("เ", "า"): "ao",
    ("เ", "าะ"): "o",
    ("เ", "ีย"): "ia",
    ("เ", "ือ"): "uea",
    ("เ", "อ"): "oe",
    ("เ", "ิ"): "oe",
    ("เ", "ียะ"): "ia",
    ("เ", "ือะ"): "uea",
}
_SIGNS = frozenset("ะัาำิีึืุูอ")
# A consonant (with its vowel sign) under the killer ``์`` is not pronounced; ทร ศร สร read ``s``.
_SILENCED = re.compile("[\u0e01-\u0e2e]\u0e23\u0e4c|[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")
_S_CLUSTER = re.compile("[ทศส]ร(?=[\u0e30-\u0e39\u0e47-\u0e4b])")


def _onset(word: str, index: int) -> tuple[str, int]:
    """Initial consonant (with a cluster or a silent leading ห/อ) starting at ``index``."""
    first = word[index]
    initial = _CONSONANTS[first][0]
    index += 1
    if index < len(word) and word[index] in _CONSONANTS and _attaches(word, index + 1):
        second = word[index]
        if first in "หอ" and second in _SONORANTS:
            return _CONSONANTS[second][0], index + 1
        if second in _CLUSTER_SECOND and first in "กขคตปผพ":
            return initial + _CONSONANTS[second][0], index + 1
    return initial, index


def _attaches(word: str, index: int) -> bool:
    return index < len(word) and (word[index] in _SIGNS or word[index] in _TONES)


def _nucleus(word: str, index: int, leading: str) -> tuple[str, int]:
    """The vowel after the onset (tone marks skipped); empty when the vowel is hidden."""
    signs = ""
    while index < len(word) and (word[index] in _SIGNS or word[index] in _TONES):
        if word[index] not in _TONES:
            signs += word[index]
        index += 1
        if (leading, signs) not in _VOWELS and not any(
            key[0] == leading and key[1].startswith(signs) for key in _VOWELS
        ):
            signs, index = signs[:-1], index - 1
            break
    return _VOWELS.get((leading, signs), ""), index


def _syllable(word: str, index: int, silent_last: bool = True) -> tuple[str, int]:
    leading = ""
    if word[index] in _LEADING:
        leading, index = word[index], index + 1
    if index >= len(word) or word[index] not in _CONSONANTS:
        return "", index + 1
    onset, index = _onset(word, index)
    vowel, index = _nucleus(word, index, leading)
    final = ""
    if index < len(word) and word[index] in _CONSONANTS and _closes(word, index, vowel):
        final = _CONSONANTS[word[index]][1]
        index += 1
        while index < len(word) and word[index] in _CONSONANTS and _silent(word, index + 1):
            index += 1
        while index < len(word) and (word[index] in _TONES or word[index] == _KILLER):
            index += 1
        if silent_last and _last_bare(word, index):
            index = len(word)  # a last consonant after a final is silent: ``ลักษ``
    if not vowel:
        vowel = "o" if final else "a"
    if vowel in ("ai", "ao", "am") or (vowel.endswith(("i", "o")) and final in ("i", "o")):
        final = "" if final in ("i", "o") and vowel[-1] == final else final
    return onset + vowel + final, index


def _closes(word: str, index: int, vowel: str) -> bool:
    """A consonant after the nucleus is final unless a vowel sign or leading vowel follows it."""
    if vowel in ("ai", "am") or (vowel.endswith("a") and word[index - 1] == "ะ"):
        return False
    nxt = index + 1
    if nxt < len(word) and word[nxt] == _KILLER:
        return True
    if word[index - 1] == "\u0e31":
        return True  # ``ั`` always closes its syllable: ``ลักษ`` is ``lak``
    if _last_bare(word, nxt):
        return False  # ``ชานน``: ``cha-non``, not ``chan`` and a stray ``na``
    return not _attaches(word, nxt)


def _last_bare(word: str, index: int) -> bool:
    """Whether ``word`` ends with a single consonant at ``index`` (tone marks aside): it
    cannot be a syllable alone, so the consonant before it opens that syllable."""
    rest = "".join(ch for ch in word[index:] if ch not in _TONES)
    return len(rest) == 1 and rest in _CONSONANTS


def _silent(word: str, index: int) -> bool:
    return index < len(word) and word[index] == _KILLER


@lru_cache(maxsize=8192)
def spellings(word: str) -> tuple[str, ...]:
    """RTGS first; then, when it differs, the spelling that sounds a last consonant RTGS
    leaves silent, as Sanskrit-style names do (``ชินวัตร``: Chinwat, Shinawatra)."""
    return tuple(dict.fromkeys((romanise(word), romanise(word, silent_last=False))))


@lru_cache(maxsize=8192)
def romanise(word: str, silent_last: bool = True) -> str:
    """One Thai word in RTGS (lower case, no tone); unknown characters are skipped."""
    word = _S_CLUSTER.sub("ซ", _SILENCED.sub("", word))
    out: list[str] = []
    index = 0
    while index < len(word):
        char = word[index]
        if char in _CONSONANTS or char in _LEADING:
            piece, index = _syllable(word, index, silent_last)
            out.append(piece)
        else:
            index += 1
    return "".join(out)
