"""Arabic names: one spelling for the letters Arabic writers interchange, and the article.

Arabic script is written with optional vowel marks (harakat) and a tatweel stretch, and
several letters are routinely typed for one another: the hamza-seated alifs (``أ إ آ ٱ``)
for the bare ``ا``, ``ى`` for a final ``ي`` (``على``/``علي``), ``ة`` for the final ``a``
of a feminine name, ``ؤ``/``ئ`` for ``و``/``ي``, and Persian keyboards' ``ک``/``ی``
(``گ`` stays: it is g, not k: ``گل`` is Gul).
:func:`normal` folds all of them, so a query typed either way meets the listed name.

The article ``ال`` is glued to the noun in Arabic script (``الرحمن``) and written apart
in romanisations (``al-Rahman``, ``Abdul Rahman``, ``Abdel Nasser``): :func:`normal`
drops it from Arabic tokens, and :data:`LATIN_ARTICLES` lists the romanised articles
that :func:`latin_token` drops or folds when a Latin name is compared with an Arabic one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fraudlink.link.names.scripts import Script

if TYPE_CHECKING:
    from fraudlink.link.names.tokens import Token

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ا",  # the feminine ending is the vowel ``a`` (``أسامة`` is Osama)
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
    }
)
_ARTICLE = "ال"


def normal(word: str) -> str:
    """``أُسامة`` → ``اساما``: marks and tatweel gone, variant letters folded, and the
    article dropped from a word that is more than the article and a letter."""
    word = _MARKS.sub("", word).translate(_LETTERS)
    if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        word = word[len(_ARTICLE) :]
    return word


#: romanised articles written as a word of their own (``al-Baghdadi``, ``ad-Din``)
LATIN_ARTICLES = frozenset(
    {"al", "el", "ul", "ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath"}
)
#: ``Abdul``, ``Abdel``, ``Abdur``: "servant of the", the article glued to ``Abd``
_ABD_ARTICLE = re.compile(r"abd(?:ul|el|al|ol|ur|us|ar|as|ad|ush|oul)")


def latin_token(latin: str) -> str | None:
    """A romanised token as it meets Arabic script: None for an article, ``abd`` for
    ``abdul``; otherwise unchanged."""
    if latin in LATIN_ARTICLES:
        return None
    if _ABD_ARTICLE.fullmatch(latin):
        return "abd"
    return latin


#: the second word of compound names, as :func:`normal` leaves it (article dropped), and
#: how romanisations write it glued to the first word (``Matiullah``, ``Jalaluddin``)
_TAILS = {"له": "llah|lla", "دين": "ddin|din|deen", "رحمن": "rrahman|rahman|rehman"}
_JOINERS = "(?:u|o|a|e)?(?:l|d|r|s)?"


def tails(tokens: Iterable[Token]) -> frozenset[str]:
    """The compound tails an Arabic-script name writes as words of their own."""
    return frozenset(t.native for t in tokens if t.script == Script.ARABIC and t.native in _TAILS)


def split_compound(latin: str, found: frozenset[str]) -> tuple[str, ...]:
    """``matiullah`` → ``mati``, ``llah`` when the Arabic side has ``الله`` apart."""
    for tail in found:
        match = re.fullmatch(f"([a-z]{{2,}}?){_JOINERS}({_TAILS[tail]})", latin)
        if match:
            return match.group(1), match.group(2)
    return (latin,)
