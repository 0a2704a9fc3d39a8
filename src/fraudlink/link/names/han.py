"""Chinese names: Han characters to pinyin, Wade–Giles, Cantonese and dialect surname spellings.

Traditional characters are folded to simplified ones (OpenCC ``t2s``) before
anything else, so ``陳志`` and ``陈志`` are the same characters and the same
pinyin. A character's readings come from pypinyin; surnames get every reading
(``曾`` is ``zeng`` as a surname) plus the spellings of Hong Kong, Taiwan and
South-East Asia (``陈`` Chan/Tan, ``黄`` Wong/Ng, ``林`` Lim/Lam …), which
pinyin alone would miss. Every character also gets its Hong Kong Government
Cantonese romanisation (the spelling of HKID cards and passports: ``何俊仁`` is
``Ho Chun-yan``), from the table of the ``cantonese-romanisation`` package.
"""

from __future__ import annotations

import json
import pkgutil
import unicodedata
from collections import defaultdict
from functools import lru_cache

import opencc
from pypinyin import Style, pinyin

_T2S = opencc.OpenCC("t2s")

# Spellings of frequent surnames outside Mandarin pinyin (Wade–Giles, Cantonese, Hokkien, Teochew).
_SURNAMES: dict[str, tuple[str, ...]] = {
    "陈": ("chan", "tan", "chin", "chun"),
    "黄": ("wong", "ng", "huang", "oei", "ooi"),
    "李": ("lee", "li", "lei", "ly"),
    "张": ("chang", "cheung", "teo", "chong"),
    "林": ("lim", "lam", "lin"),
    "王": ("wong", "ong", "heng"),
    "吴": ("ng", "goh", "woo", "wu", "ngo"),
    "郑": ("cheng", "tay", "teh", "chang"),
    "刘": ("lau", "liu", "lao", "low"),
    "杨": ("yeung", "yang", "yeo", "young"),
    "何": ("ho",),
    "周": ("chow", "chau", "chew", "chou"),
    "许": ("hui", "khoo", "hsu", "koh"),
    "郭": ("kwok", "kuo", "quek", "kok"),
    "梁": ("leung", "liang", "neo", "leong"),
    "罗": ("law", "lo", "loh", "lor"),
    "蔡": ("choi", "chua", "tsai", "choy"),
    "谢": ("tse", "chia", "hsieh", "cheah"),
    "曾": ("tsang", "tseng", "chan"),
    "徐": ("tsui", "hsu", "chee"),
    "胡": ("wu", "woo", "oh", "hu"),
    "朱": ("chu", "choo", "chiu"),
    "邓": ("tang", "teng"),
    "叶": ("yip", "yeh", "yap", "ip"),
    "冯": ("fung", "feng", "foong"),
    "卢": ("lo", "lu", "loo"),
    "萧": ("siu", "hsiao", "seow"),
    "潘": ("poon", "pan", "phua"),
    "袁": ("yuen", "yuan"),
    "钟": ("chung", "chong", "cheng"),
    "彭": ("pang", "peng", "phang"),
    "江": ("kong", "chiang", "kang"),
    "蒋": ("chiang", "cheung"),
    "孙": ("suen", "sun", "soon"),
    "高": ("ko", "kao", "koh"),
    "赵": ("chiu", "chao", "teo"),
    "洪": ("hung", "ang", "hong"),
    "余": ("yu", "yee", "yue"),
    "苏": ("so", "su", "soh"),
    "钱": ("chin", "chien"),
    "韩": ("hon", "han"),
    "马": ("ma", "mah", "beh"),
    "孔": ("hung", "kong"),
    "邱": ("yau", "khoo", "chiu", "hiew"),
    "丘": ("yau", "khoo", "chiu"),
    "庄": ("chong", "chuang", "ching"),
    "石": ("shek", "shih", "chioh"),
}

_WG_WHOLE = {
    "zhi": "chih",
    "chi": "chih",
    "shi": "shih",
    "ri": "jih",
    "zi": "tzu",
    "ci": "tzu",
    "si": "ssu",
    "you": "yu",
    "yan": "yen",
    "ye": "yeh",
    "yong": "yung",
    "er": "erh",
}
_WG_INITIALS = (
    ("zh", "ch"),
    ("ch", "ch"),
    ("sh", "sh"),
    ("b", "p"),
    ("p", "p"),
    ("d", "t"),
    ("t", "t"),
    ("g", "k"),
    ("k", "k"),
    ("j", "ch"),
    ("q", "ch"),
    ("x", "hs"),
    ("z", "ts"),
    ("c", "ts"),
    ("r", "j"),
)
_WG_FINALS = (
    ("iong", "iung"),
    ("ong", "ung"),
    ("ian", "ien"),
    ("ie", "ieh"),
    ("ue", "ueh"),
    ("ui", "uei"),
)


def wade_giles(syllable: str) -> str:
    """Pinyin syllable (no tones) to Wade–Giles without apostrophes or umlauts."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    head, rest = "", syllable
    for source, target in _WG_INITIALS:
        if syllable.startswith(source):
            head, rest = target, syllable[len(source) :]
            break
    for source, target in _WG_FINALS:
        if rest.endswith(source):
            rest = rest[: -len(source)] + target
            break
    if rest == "e" and head:
        rest = "o"  # ge → ko, he → ho
    return head + rest


def fold(text: str) -> str:
    """Traditional to simplified characters, so native comparison sees one form."""
    return str(_T2S.convert(text))


@lru_cache(maxsize=1)
def _cantonese_table() -> dict[str, tuple[str, ...]]:
    """Simplified character to its Hong Kong Government romanisations.

    The table is keyed by traditional characters; a simplified character collects the
    readings of every traditional one that folds to it (``陈`` from ``陳``)."""
    raw = pkgutil.get_data("cantoroman", "data/charToRoman.json")
    table: dict[str, list[str]] = defaultdict(list)
    for char, spellings in json.loads(raw or b"{}").items():
        for key in {char, fold(char)}:
            table[key].extend(s.lower() for s in spellings if s.isascii() and s.isalpha())
    return {char: tuple(dict.fromkeys(spellings)) for char, spellings in table.items()}


def cantonese(char: str) -> tuple[str, ...]:
    """Hong Kong Government Cantonese spellings of one character (``梁`` → ``leung``)."""
    return _cantonese_table().get(char, ())


def _ascii(reading: str) -> list[str]:
    plain = reading.replace("ü", "v")
    if "v" in plain:
        return [plain.replace("v", "u"), plain.replace("v", "yu")]
    return [plain]


@lru_cache(maxsize=16384)
def readings(char: str, surname: bool = False) -> tuple[str, ...]:
    """Latin spellings of one (simplified) character: pinyin first, then the alternatives."""
    found = [
        reading for group in pinyin(char, style=Style.NORMAL, heteronym=True) for reading in group
    ]
    latin: list[str] = []
    for reading in found:
        latin.extend(_ascii(unicodedata.normalize("NFC", reading).lower()))
    if surname:
        latin.extend(_SURNAMES.get(char, ()))
    latin.extend([wade_giles(syl) for syl in list(latin)])
    latin.extend(cantonese(char))
    clean = [syl for syl in latin if syl.isascii() and syl.isalpha()]
    return tuple(dict.fromkeys(clean)) or (char,)


def primary(char: str) -> str:
    """The contextual pinyin of one character (what a Chinese passport would print)."""
    return readings(char)[0]


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every Latin spelling of every character we can read: pinyin, Wade–Giles, Cantonese
    (not the dialect surname spellings: ``ly`` would make ``Emily`` read as syllables)."""
    return frozenset(form for char in _cantonese_table() for form in readings(char))


@lru_cache(maxsize=16384)
def spelled_in_syllables(word: str) -> bool:
    """Whether a Latin word can be read as Chinese syllables written together.

    ``weiming`` can (``wei``+``ming``): left over beside a Han name, it is a given name
    that name lacks. ``Albert`` or ``Christopher`` cannot: it is the Western name Hong
    Kong and Singapore Chinese carry beside their Chinese one (``Albert HO Chun-yan``)."""
    known = _syllables()
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(start in ends and word[start:end] in known for start in range(max(0, end - 6), end)):
            ends.add(end)
    return len(word) in ends
