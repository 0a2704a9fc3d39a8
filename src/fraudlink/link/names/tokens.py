"""From a raw name to tokens: cleaned, split by script, romanised, without titles or legal forms.

Every token keeps its native text (for same-script comparison) and its Latin
spellings (for comparison across scripts and for blocking keys). Han and
Hangul names become one token per syllable, because that is the unit Latin
spellings follow (``Chen Zhi``, ``Park Jung-wook``); Khmer and Thai words stay
whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from anyascii import anyascii

from fraudlink.link.names import arabic, han, hangul, khmer, thai
from fraudlink.link.names.legal import (
    LEGAL_FORMS,
    LONGEST,
    NATIVE_PREFIXES,
    NATIVE_SUFFIXES,
    TITLES,
)
from fraudlink.link.names.scripts import SYLLABIC, Script, char_script, token_script

PERSON_SCHEMAS = frozenset({"Person"})
_NATIVE_FORMS = frozenset(NATIVE_SUFFIXES + NATIVE_PREFIXES)

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,;:·・.()\[\]{}\"“”«»„|+*!?#]+")
_APOSTROPHES = re.compile(r"['’ʼ`´]")


@dataclass(frozen=True, slots=True)
class Token:
    """One unit of a name: its native text, script and Latin spellings (primary first)."""

    native: str
    script: Script
    forms: tuple[str, ...]
    surname: bool = False
    father: bool = False  #: after ``bin``/``binti``/``ibn``: the father's name, not the person's

    @property
    def latin(self) -> str:
        return self.forms[0]

    @property
    def weight(self) -> float:
        """How much the token counts: longer tokens carry more identity, with a floor of 2."""
        return float(max(len(self.forms[0]), 2))

    @property
    def syllabic(self) -> bool:
        return self.script in SYLLABIC


@dataclass(frozen=True, slots=True)
class ParsedName:
    tokens: tuple[Token, ...]
    removed: tuple[str, ...]


def _split_scripts(word: str) -> list[str]:
    """Split a word where the script changes (``陈志Chen`` → ``陈志``, ``Chen``)."""
    parts: list[str] = []
    current, last = "", None
    for char in word:
        script = char_script(char) or last
        if current and script != last:
            parts.append(current)
            current = ""
        current += char
        last = script
    return [*parts, current] if current else parts


def words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = text.replace("(주)", " 주식회사 ").replace("\u0e4d\u0e32", "\u0e33")
    text = _APOSTROPHES.sub("", text)
    return [part for raw in _SEPARATORS.split(text) if raw for part in _split_scripts(raw)]


def _join_letters(items: list[str]) -> list[str]:
    """Organisations: single letters in a row are one abbreviation (``p.l.c.``, ``A.B.C.``)."""
    out: list[str] = []
    run = ""
    for word in [*items, ""]:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        if word:
            out.append(word)
    return out


def latin_key(word: str) -> str:
    """Lower-case ASCII spelling of a Latin-script (or other alphabetic) word."""
    return re.sub(r"[^a-z0-9]", "", anyascii(word).lower())


def _phrase_key(word: str) -> str:
    return latin_key(word) if token_script(word) in (Script.LATIN, Script.OTHER) else word


def _strip_phrases(
    items: list[str], phrases: frozenset[tuple[str, ...]], at_start: bool
) -> tuple[list[str], list[str]]:
    """Remove listed phrases at the start or end while at least one word remains."""
    removed: list[str] = []
    changed = True
    while changed and len(items) > 1:
        changed = False
        for size in range(min(LONGEST, len(items) - 1), 0, -1):
            piece = items[:size] if at_start else items[-size:]
            if tuple(_phrase_key(word) for word in piece) in phrases:
                removed.append(" ".join(piece))
                items = items[size:] if at_start else items[:-size]
                changed = True
                break
    return items, removed


def _strip_native(items: list[str]) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    out: list[str] = []
    for word in items:
        for suffix in NATIVE_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                word, removed = word[: -len(suffix)], [*removed, suffix]
        for prefix in NATIVE_PREFIXES:
            if word.startswith(prefix) and len(word) > len(prefix):
                word, removed = word[len(prefix) :], [*removed, prefix]
        if word in _NATIVE_FORMS:
            removed.append(word)
            continue
        out.append(word)
    return (out or items), removed


def _han_tokens(word: str, first: bool, person: bool) -> list[Token]:
    chars = han.fold(word)
    return [
        Token(
            char,
            Script.HAN,
            han.readings(char, surname=person and first and i == 0),
            surname=person and first and i == 0,
        )
        for i, char in enumerate(chars)
        if char_script(char) == Script.HAN
    ]


def _hangul_tokens(word: str, first: bool, person: bool) -> list[Token]:
    surname, given = hangul.split_surname(word) if person and first else ("", word)
    tokens = []
    if surname:
        tokens.append(Token(surname, Script.HANGUL, _surname_forms(surname), surname=True))
    for syllable in given:
        if hangul.is_hangul_syllable(syllable):
            tokens.append(Token(syllable, Script.HANGUL, hangul.spellings(syllable)))
    return tokens


def _surname_forms(surname: str) -> tuple[str, ...]:
    if len(surname) == 1:
        return hangul.spellings(surname, surname=True)
    return hangul.spellings(surname)


def _word_tokens(word: str, first: bool, person: bool) -> list[Token]:
    script = token_script(word)
    if script == Script.HAN:
        return _han_tokens(word, first, person)
    if script == Script.HANGUL:
        return _hangul_tokens(word, first, person)
    if script == Script.KHMER:
        forms = khmer.spellings(word)
    elif script == Script.THAI:
        forms = thai.spellings(word)
    elif script == Script.ARABIC:
        word = arabic.normal(word)
        forms = (latin_key(word),)
    elif _CYRILLIC.search(word):
        forms = cyrillic_spellings(word)
    else:
        forms = (latin_key(word),)
    return [Token(word, script, forms)] if forms[0] else []


_CYRILLIC = re.compile("[\u0400-\u04ff]")
#: Russian writes a foreign aspirate with ``х`` (``Тхонг`` Thong, ``Кхон`` Khon) and a
#: foreign ``h`` as ``х`` too (``Хун Сен`` Hun Sen), where Russian names keep ``kh``
_ASPIRATES = (("tkh", "th"), ("pkh", "ph"), ("kkh", "kh"), ("chkh", "chh"))


def cyrillic_spellings(word: str) -> tuple[str, ...]:
    """A Cyrillic word's letter-by-letter spelling first, then the foreign spellings it
    may stand for: aspirates folded back, and ``kh`` read as ``h``."""
    plain = latin_key(word)
    forms = [plain, _fold_aspirates(plain)]
    aspirated = re.sub(r"(?<![tpck])kh", "h", plain)  # a lone х, not кх or тх
    forms.append(_fold_aspirates(aspirated))
    return tuple(dict.fromkeys(forms))


def _fold_aspirates(spelling: str) -> str:
    for written, meant in _ASPIRATES:
        spelling = spelling.replace(written, meant)
    return spelling


@lru_cache(maxsize=65536)
def parse(name: str, schema: str = "Person") -> ParsedName:
    """Tokens of a name for ``schema`` (titles dropped for persons, legal forms otherwise)."""
    person = schema in PERSON_SCHEMAS
    items = words(name) if person else _join_letters(words(name))
    removed: list[str] = []
    for at_start in (True, False):
        items, gone = _strip_phrases(items, TITLES if person else LEGAL_FORMS, at_start)
        removed += gone
    if not person:
        items, gone = _strip_native(items)
        removed += gone
    marker = _patronymic(items) if person else None
    if marker is not None:
        removed.append(items[marker])
    native_seen = False
    tokens: list[Token] = []
    for at, word in enumerate(items):
        if at == marker:
            continue
        script = token_script(word)
        found = _word_tokens(word, not native_seen, person)
        if marker is not None and at > marker:
            found = [replace(token, father=True) for token in found]
        tokens += found
        native_seen = native_seen or script in SYLLABIC
    return ParsedName(tuple(tokens), tuple(removed))


#: "son of" / "daughter of" in Malay, Indonesian, Arabic and Iban names: what follows is
#: the father's name (``Ahmad bin Ismail`` is Ismail's son Ahmad)
PATRONYMIC_MARKERS = frozenset(
    {"bin", "binti", "bte", "binte", "ibn", "bint", "ben", "ould", "anak", "بن", "بنت"}
)


#: markers that are also syllables of East Asian names (``Soo Bin``, 彬 ``Bin``)
_SYLLABLE_MARKERS = frozenset({"bin", "ben"})
_VOWELS = re.compile(r"[aeiouy]+")


def _patronymic(items: list[str]) -> int | None:
    """Where the first "son/daughter of" stands, when it stands between two names (``Bin``
    first is a Khmer or Chinese surname, ``Ben`` a given name). ``bin`` after a one-syllable
    word is a syllable of a Korean or Chinese given name (``Soo Bin Gil``), not a marker."""
    for at in range(1, len(items) - 1):
        word = items[at]
        if word not in PATRONYMIC_MARKERS:
            continue
        if word in _SYLLABLE_MARKERS and len(_VOWELS.findall(latin_key(items[at - 1]))) < 2:
            continue
        return at
    return None
