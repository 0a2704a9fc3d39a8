"""A loose phonetic key for romanised names, shared by comparison and blocking.

Romanisations of Asian names disagree on aspiration (``ph``/``p``), voicing
(``b``/``p``, ``g``/``k``), vowel digraphs (``eo``/``u``/``o``, ``ae``/``e``,
``oo``/``u``), doubled letters and a silent ``r`` or ``h`` after a vowel
(``Park``, ``Ahn``, ``Noh``). The key folds all of these, so two spellings of
one sound share a key. It is deliberately lossy: it finds candidates and
supports a match between scripts, it never decides alone between two Latin
spellings.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), target)
    for pattern, target in (
        (r"[^a-z]", ""),
        (r"rh", "r"),
        (r"wh", "w"),
        (r"oi(?![aeiou])", "oe"),
        (r"tch|chh|ch|tsh|ts|tz|zh|j|q|c(?=[iey])", "C"),
        (r"ck|c|kh|q", "k"),
        (r"sh|ss|x|hs", "s"),
        (r"ph", "p"),
        (r"th|dh", "t"),
        (r"gh", "g"),
        (r"ng", "N"),
        (r"b", "p"),
        (r"d", "t"),
        (r"g", "k"),
        (r"z", "C"),
        (r"v", "w"),
        (r"(?<=[aeiouy])[rh](?=[^aeiouy]|$)", ""),
        (r"(?<=[aeiouy])h", ""),
        (r"r", "l"),
        (r"^w(?=[ou])|(?<=[^aeiouy])w(?=[ou])", ""),
        (r"ee|ie|ei|yi|y$", "i"),
        (r"oo|ou|eo|eu|ue|uo|o", "u"),
        (r"ae|ai|ay|ea", "e"),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)
def loose(text: str) -> str:
    """The phonetic key of one lower-case ASCII token (empty when nothing is left)."""
    key = text.lower()
    for pattern, target in _STEPS:
        key = pattern.sub(target, key)
    return key
