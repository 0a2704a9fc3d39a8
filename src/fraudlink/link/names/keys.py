"""Blocking keys: the phonetic keys of every spelling of every token, plus whole-name keys.

A screening index stores these keys per listed name and looks up a query's
keys to find candidates, then calls ``compare`` on them. They aim at recall:
``박정욱``, ``Park Jung-wook``, ``Bak Jeong-uk`` and ``Park Jungwook`` share
keys, as do ``陳志``, ``陈志`` and ``Chen Zhi``; a Han token also keys its
character, so same-script lookups work when a romanisation is unusual.
"""

from __future__ import annotations

from fraudlink.link.names import arabic
from fraudlink.link.names.phonetic import loose
from fraudlink.link.names.scripts import Script
from fraudlink.link.names.similarity import blocking_consonants, consonants
from fraudlink.link.names.tokens import Token, parse


def _token_keys(token: Token) -> set[str]:
    keys = {f"t:{loose(form)}" for form in token.forms if len(loose(form)) >= 1}
    if token.native != token.latin:
        keys.add(f"c:{token.native}")
    return keys


def _joined_keys(tokens: tuple[Token, ...]) -> set[str]:
    """Keys for given names written together: every run of two or three tokens."""
    keys: set[str] = set()
    for size in (2, 3):
        for start in range(len(tokens) - size + 1):
            keys.add("t:" + loose("".join(t.latin for t in tokens[start : start + size])))
    return keys


def name_keys(name: str, schema: str = "Person") -> set[str]:
    """Blocking keys of ``name``: ``t:`` token keys, ``c:`` native characters, ``n:`` whole name,
    ``a:`` the whole name's consonants (Arabic script against its romanisations)."""
    tokens = parse(name, schema).tokens
    keys: set[str] = set()
    for token in tokens:
        keys |= _token_keys(token)
    keys |= _joined_keys(tokens)
    if tokens:
        keys.add("n:" + " ".join(sorted(loose(t.latin) for t in tokens)))
        # Arabic writes no short vowels: the whole name's consonants meet its romanisations
        keys.add("a:" + " ".join(sorted(consonants(t.latin) for t in tokens)))
        # and ``r:`` the same with articles dropped and the letters romanisations disagree
        # on folded (``القذافي``/Gaddafi, ``عبد الرحمن``/Abdul Rahman); kept apart from
        # ``a:`` so lists indexed before it still answer through ``a:``
        keys.add("r:" + " ".join(sorted(_arabic_facing(tokens))))
    keys.discard("t:")
    return keys


def _arabic_facing(tokens: tuple[Token, ...]) -> list[str]:
    spellings = [
        arabic.latin_token(t.latin) if t.script == Script.LATIN else t.latin for t in tokens
    ]
    kept = [blocking_consonants(s) for s in spellings if s is not None]
    return kept or [blocking_consonants(t.latin) for t in tokens]
