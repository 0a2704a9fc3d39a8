"""Korean names: Hangul syllables to Revised Romanisation and the spellings people use.

A Hangul syllable is ``0xAC00 + (lead * 21 + vowel) * 28 + tail``, so it
decomposes by arithmetic. For each syllable we list the spellings that
Revised Romanisation (RR), McCune–Reischauer (MR, without breves and
apostrophes) and everyday passports produce, so ``정`` offers ``jeong``,
``jung``, ``chung``, ``cheong``… and a Latin syllable is compared with all of
them. Surnames have their own, better-known variants (Park, Lee, Choi…).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

_BASE = 0xAC00
_LAST = 0xD7A3

# (RR, other spellings) for the 19 leads, 21 vowels and 28 tails, in Unicode order.
_LEADS: tuple[tuple[str, ...], ...] = (
    ("g", "k"),
    ("kk", "gg", "k"),
    ("n",),
    ("d", "t"),
    ("tt", "dd"),
    ("r", "l"),
    ("m",),
    ("b", "p"),
    ("pp", "bb"),
    ("s", "sh"),
    ("ss", "s"),
    ("",),
    ("j", "ch"),
    ("jj", "tch", "j"),
    ("ch",),
    ("k", "kh"),
    ("t", "th"),
    ("p", "ph"),
    ("h",),
)
_VOWELS: tuple[tuple[str, ...], ...] = (
    ("a",),
    ("ae", "e"),
    ("ya",),
    ("yae", "ye"),
    ("eo", "u", "o"),
    ("e",),
    ("yeo", "yu", "yo"),
    ("ye",),
    ("o",),
    ("wa",),
    ("wae", "we"),
    ("oe", "oi", "we"),
    ("yo",),
    ("u", "oo"),
    ("wo",),
    ("we",),
    ("wi", "ui"),
    ("yu", "yoo"),
    ("eu", "u"),
    ("ui", "eui", "i", "ee"),  # 희 is Hee or Hi on most passports
    ("i", "ee"),
)
_TAILS: tuple[tuple[str, ...], ...] = (
    ("",),
    ("k", "g"),
    ("k", "kk"),
    ("k",),
    ("n",),
    ("n",),
    ("n",),
    ("t", "d"),
    ("l", "r"),
    ("k",),
    ("m",),
    ("l",),
    ("l",),
    ("l",),
    ("p",),
    ("l",),
    ("m",),
    ("p", "b"),
    ("p",),
    ("t", "s"),
    ("t", "ss"),
    ("ng",),
    ("t",),
    ("t",),
    ("k",),
    ("t",),
    ("p",),
    ("t", "h"),
)

# Surname spellings that are not produced by the syllable rules above.
_SURNAMES: dict[str, tuple[str, ...]] = {
    "이": ("lee", "yi", "rhee", "ri", "i", "rhie", "yee", "ly"),
    "박": ("park", "bak", "pak", "bark"),
    "최": ("choi", "choe", "chey"),
    "정": ("jung", "jeong", "chung", "cheong", "chong", "jong"),
    "김": ("kim", "gim"),
    "강": ("kang", "gang"),
    "신": ("shin", "sin"),
    "조": ("cho", "jo", "joh", "choh"),
    "윤": ("yoon", "yun"),
    "장": ("jang", "chang"),
    "임": ("lim", "im", "rim", "yim"),
    "림": ("lim", "rim", "im"),
    "한": ("han",),
    "황": ("hwang", "whang", "hoang"),
    "양": ("yang", "ryang"),
    "량": ("ryang", "yang", "lyang"),
    "오": ("oh", "o"),
    "서": ("seo", "suh", "so"),
    "유": ("yoo", "yu", "you", "ryu"),
    "류": ("ryu", "yoo", "yu", "rhyu", "lyu", "you"),
    "노": ("noh", "no", "roh", "ro"),
    "로": ("roh", "ro", "noh"),
    "문": ("moon", "mun"),
    "안": ("ahn", "an"),
    "전": ("jeon", "jun", "chun", "chon"),
    "고": ("ko", "go", "koh"),
    "권": ("kwon", "gwon", "kweon"),
    "배": ("bae", "pae"),
    "백": ("baek", "paek", "paik", "baik"),
    "허": ("heo", "hur", "huh", "ho"),
    "심": ("shim", "sim"),
    "곽": ("kwak", "gwak"),
    "성": ("sung", "seong", "song"),
    "주": ("joo", "ju", "chu", "choo"),
    "구": ("koo", "gu", "ku"),
    "엄": ("eom", "um", "uhm"),
    "천": ("cheon", "chun", "chon"),
    "변": ("byun", "byeon", "pyon", "pyun"),
    "염": ("yeom", "yum", "yom"),
    "여": ("yeo", "yoh", "yo"),
    "남궁": ("namgoong", "namgung", "namkung"),
    "황보": ("hwangbo",),
    "제갈": ("jegal", "chegal"),
    "선우": ("sunwoo", "seonu", "sonu"),
}
COMPOUND_SURNAMES = frozenset(name for name in _SURNAMES if len(name) == 2)


def is_hangul_syllable(char: str) -> bool:
    return len(char) == 1 and _BASE <= ord(char) <= _LAST


def _parts(char: str) -> tuple[int, int, int]:
    index = ord(char) - _BASE
    return index // (21 * 28), (index // 28) % 21, index % 28


@lru_cache(maxsize=16384)
def revised(syllable: str) -> str:
    """The Revised Romanisation of one syllable, as it is written in a name."""
    if not is_hangul_syllable(syllable):
        return syllable
    lead, vowel, tail = _parts(syllable)
    return _LEADS[lead][0] + _VOWELS[vowel][0] + _TAILS[tail][0]


@lru_cache(maxsize=16384)
def spellings(syllable: str, surname: bool = False) -> tuple[str, ...]:
    """Every spelling of a syllable we accept, RR first (a surname's known variants next)."""
    if not is_hangul_syllable(syllable):
        return tuple(_SURNAMES.get(syllable, (syllable,)))
    lead, vowel, tail = _parts(syllable)
    found = [revised(syllable)]
    if surname:
        found.extend(_SURNAMES.get(syllable, ()))
    vowels = list(_VOWELS[vowel])
    if lead == 11 and vowel in (13, 18):  # 우/으: "woo", "wu"
        vowels += ["woo", "wu"]
    for parts in product(_LEADS[lead], vowels, _TAILS[tail]):
        found.append("".join(parts))
    return tuple(dict.fromkeys(found))


def split_surname(syllables: str) -> tuple[str, str]:
    """A Korean name written without spaces: a known two-syllable surname, else the first."""
    if len(syllables) > 2 and syllables[:2] in COMPOUND_SURNAMES:
        return syllables[:2], syllables[2:]
    return syllables[:1], syllables[1:]
