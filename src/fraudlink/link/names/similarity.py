"""How alike two tokens are, and why.

Rules, in order: syllabic scripts compared natively are exact per character
(``志`` ≠ ``智`` although both read ``zhì``); alphabetic tokens tolerate a few
edits, fewer the shorter the token (``Manet``/``Many`` is two edits in four
letters: different); across scripts a Latin token must equal one of the
native token's spellings, or share its phonetic key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from fraudlink.link.names.khmer import skeleton
from fraudlink.link.names.phonetic import loose
from fraudlink.link.names.scripts import Script
from fraudlink.link.names.tokens import Token

INITIAL_SCORE = 0.8
"""An initial (``J``) against a name that starts with it (``Joachim``)."""
VARIANT_SCORE = 0.95
"""A Latin token equal to a non-primary spelling of a native token (``Jung`` for ``정``)."""
PHONETIC_SCORE = 0.9
"""Two spellings with the same phonetic key across scripts (``Manet`` / ``manaet``)."""
KHMER_SCORE = 0.85
"""Khmer and Latin spellings with the same consonants and syllable count (``Pich``/``ពេជ្រ``)."""
MISMATCH_CAP = 0.5
"""The most a pair of tokens over its edit budget can score: never enough to align."""


@dataclass(frozen=True, slots=True)
class TokenSim:
    score: float
    via: str


def edit_budget(length: int) -> int:
    """Edits tolerated between tokens whose shorter one has ``length`` letters."""
    if length <= 3:
        return 0
    if length <= 5:
        return 1
    if length <= 9:
        return 2
    return 3


@lru_cache(maxsize=262144)
def fuzzy(a: str, b: str) -> float:
    """Edit similarity within the budget; capped at ``MISMATCH_CAP`` beyond it."""
    if a == b:
        return 1.0
    distance = OSA.distance(a, b)
    score = 1.0 - distance / max(len(a), len(b), 1)
    if distance > edit_budget(min(len(a), len(b))) and not silent_letter(a, b):
        return min(score, MISMATCH_CAP)
    return score


def silent_letter(a: str, b: str) -> bool:
    """One spelling is the other with a silent letter more: an ``h`` anywhere or a final
    ``e`` (``Ann``/``Anne``, ``Jon``/``John``), which even a three-letter token tolerates."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < 3:
        return False
    for at, letter in enumerate(long):
        if long[:at] + long[at + 1 :] == short:
            return letter == "h" or (letter == "e" and at == len(long) - 1)
    return False


def _marks(word: str) -> tuple[str, ...]:
    """The diacritics of a word, wherever they sit: Vietnamese writes the tone of ``Hòa``
    on either vowel (``Hoà``), and a different tone is a different name."""
    plain = unicodedata.normalize("NFD", word)
    return tuple(sorted(ch for ch in plain if unicodedata.combining(ch) or ch == "đ"))


_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def monosyllable(token: str) -> bool:
    """One vowel group: in Chinese, Korean or Vietnamese names a whole syllable, where one
    changed letter is another name (``Hong``/``Huong``, ``Woo``/``Wook``)."""
    return len(_VOWEL_GROUP.findall(token)) == 1


def _latin(a: Token, b: Token) -> TokenSim:
    """Two alphabetic tokens: the best pair of their spellings (a Cyrillic token has several:
    ``Хун`` is Khun or Hun)."""
    if len(a.forms) == len(b.forms) == 1:
        return _spelled(a, b, a.latin, b.latin)
    found = [_spelled(a, b, x, y) for x in a.forms for y in b.forms]
    return max(found, key=lambda sim: sim.score)


def _spelled(a: Token, b: Token, x: str, y: str) -> TokenSim:
    marked = a.script == b.script == Script.LATIN and (a.native != x or b.native != y)
    if x == y:
        if marked and a.native != x and b.native != y and _marks(a.native) != _marks(b.native):
            return TokenSim(MISMATCH_CAP, "other diacritics")  # Hiện / Hiến
        return TokenSim(1.0, "same spelling")
    if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return TokenSim(INITIAL_SCORE, "initial")
    if min(len(x), len(y)) == 1:
        return TokenSim(0.0, "different initial")
    distance = fuzzy(x, y)
    if monosyllable(x) and monosyllable(y):
        distance = min(distance, MISMATCH_CAP)
    key_a, key_b = loose(x), loose(y)
    both_marked = a.native != x and b.native != y and a.script == b.script == Script.LATIN
    # A syllable written with diacritics is spelled, not romanised: Hùng is never Hong
    spelled = marked and monosyllable(x) and monosyllable(y)
    if key_a and key_a == key_b and distance < PHONETIC_SCORE and not (both_marked or spelled):
        return TokenSim(PHONETIC_SCORE, f"phonetic key {key_a}")
    return TokenSim(distance, "spelling distance")


def _cross(a: Token, b: Token) -> TokenSim:
    """Compare through romanisation: exact spelling, a listed variant, or the phonetic key."""
    strict = a.syllabic or b.syllabic
    best = TokenSim(0.0, "no shared romanisation")
    for i, form_a in enumerate(a.forms):
        for j, form_b in enumerate(b.forms):
            if form_a == form_b:
                score = 1.0 if i == j == 0 else VARIANT_SCORE
                found = TokenSim(score, _romanisation(a, b, i, j))
            elif loose(form_a) and loose(form_a) == loose(form_b):
                if strict and not (
                    _same_onset(a, b) and _same_digraphs(a, b) and _same_coda(form_a, form_b)
                ):
                    continue
                found = TokenSim(PHONETIC_SCORE, f"phonetic key {loose(form_a)}")
            elif strict:
                continue
            elif Script.KHMER in (a.script, b.script):
                found = _khmer(loose(form_a), loose(form_b))
            else:
                found = TokenSim(
                    PHONETIC_SCORE * fuzzy(loose(form_a), loose(form_b)), "phonetic distance"
                )
            if found.score > best.score:
                best = found
    return best


_ONSET = re.compile(r"^[^aeiouyw]*")  # the consonants before the vowel, glides aside


def _same_onset(a: Token, b: Token) -> bool:
    """Whether the Latin token begins with a consonant some spelling of the syllable has.

    The phonetic key folds ``j`` with ``ch``: right between two Latin spellings, too
    loose for a syllable, whose spellings are all listed: ``채`` is ``chae`` or ``che``,
    never ``Jae`` (that is ``재``), and ``주`` is never ``Zhou``."""
    native, latin = (a, b) if a.syllabic else (b, a)
    return _onset(latin.latin) in {_onset(form) for form in native.forms}


_DIGRAPHS_RR = ("eo", "eu", "oo")
"""Vowel digraphs that name one Hangul vowel: ``eo`` is only ``ㅓ`` (or ``ㅕ``), ``eu``
only ``ㅡ`` (Revised Romanisation), ``oo`` only ``ㅜ`` or ``ㅠ`` (passports); a Latin
syllable that has one is no other vowel."""


def _same_digraphs(a: Token, b: Token) -> bool:
    """Whether a Latin spelling's RR vowel digraph is one the Hangul syllable has:
    the phonetic key folds ``eo`` with ``u``, so ``Yeon`` would pass for ``윤`` (Yun)."""
    native, latin = (a, b) if a.syllabic else (b, a)
    if native.script != Script.HANGUL:
        return True
    marked = [d for d in _DIGRAPHS_RR if d in latin.latin]
    return all(any(d in form for form in native.forms) for d in marked)


def _same_coda(x: str, y: str) -> bool:
    """Whether both spellings close their syllable, or neither does (a final ``h`` aside):
    the phonetic key drops an ``r`` after a vowel, so ``Seo`` (서) would pass for ``seor``,
    a spelling of ``설`` whose final the Latin syllable does not have."""
    x, y = x.rstrip("h") or x, y.rstrip("h") or y
    return (x[-1] in "aeiouyw") == (y[-1] in "aeiouyw")


def _onset(spelling: str) -> str:
    found = _ONSET.match(spelling)
    return found.group() if found else ""


def _khmer(key_a: str, key_b: str) -> TokenSim:
    """Khmer against Latin: spellings may differ in vowels, not in consonants or syllables."""
    shape_a, shape_b = skeleton(key_a), skeleton(key_b)
    if shape_a != shape_b:
        return TokenSim(min(PHONETIC_SCORE * fuzzy(key_a, key_b), MISMATCH_CAP), "other consonants")
    if not shape_a[0]:
        return TokenSim(PHONETIC_SCORE * fuzzy(key_a, key_b), "phonetic distance")
    return TokenSim(KHMER_SCORE, "same consonants and syllables")


def _romanisation(a: Token, b: Token, i: int, j: int) -> str:
    native = a if a.script != Script.LATIN else b
    index = i if native is a else j
    system = {
        Script.HAN: "pinyin",
        Script.HANGUL: "Revised Romanisation",
        Script.KHMER: "UNGEGN",
        Script.THAI: "RTGS",
    }.get(native.script, "transliteration")
    return system if index == 0 else f"{system} variant"


_NOT_CONSONANT = re.compile(r"[aeiouy'`]|(?<=.)w")
_DOUBLE = re.compile(r"(.)\1+")


def consonants(spelling: str) -> str:
    """The consonants of a romanised Arabic name, doubles merged: Arabic writes no short
    vowels, so ``Mohammed``, ``Muhammad`` and ``محمد`` (``mhmd``) agree only here."""
    return _DOUBLE.sub(r"\1", _NOT_CONSONANT.sub("", spelling.lower()))


#: letters romanisations of one Arabic letter disagree on: ``خ`` kh or h, ``ذ`` dh or d,
#: ``ث`` th or t, ``غ`` gh or g; folded on both sides
_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("dj", "j"), ("ch", "sh"))
#: (French spellings of the Maghreb write ``ج`` dj and ``ش`` ch: Djamel, Akkacha)
#: an Arabic letter (as anyascii writes it) and the Latin letters that also spell it:
#: ``ق`` is q, k, g or c (Qadhafi, Kasim, Gaddafi), ``ك`` k or c, ``ج`` j or g (Gamal);
#: never ``ك`` for j nor ``ج`` for k (Kamal and Jamal are two names)
_SPELLED_AS = {"q": "qkgc", "k": "kc", "j": "jg", "d": "dz"}
#: (``ض``, ``ذ``, ``ظ`` are often written z: ``نظمي`` Nazmi, ``ذكي`` Zaki)
_DOUBLE_AFTER = re.compile(r"(.)\1+")
TRANSLITERATION_SCORE = 0.85
"""Arabic and Latin consonants that differ only where romanisations disagree."""


def _digraphs(key: str) -> str:
    for written, folded in _DIGRAPHS:
        key = key.replace(written, folded)
    return _DOUBLE_AFTER.sub(r"\1", key)


def blocking_consonants(spelling: str) -> str:
    """Consonants for a blocking key, with every letter romanisations of one Arabic letter
    disagree on in one class (looser than :func:`romanised_alike`, which decides)."""
    key = _digraphs(consonants(spelling))
    return _DOUBLE_AFTER.sub(r"\1", key.translate(_BLOCKING_CLASSES))


_BLOCKING_CLASSES = str.maketrans({"q": "k", "g": "k", "j": "k", "c": "k", "z": "d"})


def romanised_alike(arabic: str, latin: str) -> bool:
    """Whether Latin consonants spell the Arabic ones, letter by letter, allowing the
    letters romanisations disagree on (``qdf``/``gdf``: القذافي/Gaddafi)."""
    arabic, latin = _digraphs(arabic), _digraphs(latin)
    if len(arabic) != len(latin) or len(arabic) < 2:
        return False
    return all(x == y or y in _SPELLED_AS.get(x, "") for x, y in zip(arabic, latin, strict=True))


def _arabic(a: Token, b: Token) -> TokenSim:
    """Arabic against Latin (or Cyrillic, romanised): the same consonants, in order."""
    key_a, key_b = consonants(a.forms[0]), consonants(b.forms[0])
    if not key_a or not key_b:
        return TokenSim(0.0, "no consonants")
    if key_a == key_b:
        return TokenSim(PHONETIC_SCORE, f"Arabic consonants {key_a}")
    arabic, latin = (key_a, key_b) if a.script == Script.ARABIC else (key_b, key_a)
    if romanised_alike(arabic, latin):
        return TokenSim(TRANSLITERATION_SCORE, f"Arabic consonants {arabic} (romanisation)")
    return TokenSim(min(PHONETIC_SCORE * fuzzy(key_a, key_b), MISMATCH_CAP), "other consonants")


def token_similarity(a: Token, b: Token) -> TokenSim:
    """The similarity of two tokens in [0, 1] and the rule that gave it."""
    if (a.script == Script.ARABIC) != (b.script == Script.ARABIC):
        return _arabic(a, b)
    if a.script == b.script and a.script not in (Script.LATIN, Script.OTHER):
        if a.syllabic:
            same = a.native == b.native
            return TokenSim(
                1.0 if same else 0.0, "same character" if same else "different character"
            )
        return TokenSim(fuzzy(a.native, b.native), "native spelling distance")
    if a.script in (Script.LATIN, Script.OTHER) and b.script in (Script.LATIN, Script.OTHER):
        return _latin(a, b)
    return _cross(a, b)
