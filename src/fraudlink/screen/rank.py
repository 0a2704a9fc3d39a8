"""A generous similarity that orders the shortlist, apart from the score that decides.

``compare`` is strict by design (one changed letter in a syllable is another
name), so a typo'd romanisation of a listed native name scores low and would
sink below names that merely share the surname. For ordering candidates only,
we also compare the names' romanisations written together, under every
rotation of the query's tokens (surname first or last), with a plain edit ratio:
``Cai Yidnong`` is 0.9 from ``蔡银东`` (``caiyindong``). The reported score and
the match decision never use this.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from fraudlink.link.names.tokens import parse

TYPO_DISCOUNT = 0.9
"""The spelling ratio counts at most this much in the ranking, so a name ``compare``
accepts stays above one that only looks alike."""


@lru_cache(maxsize=65536)
def _spelled(name: str, schema: str) -> tuple[str, ...]:
    return tuple(token.latin for token in parse(name, schema).tokens)


def spelling_ratio(query: str, name: str, schema: str) -> float:
    """Best edit ratio in [0, 1] between the romanisations, over rotations of the query."""
    mine, theirs = _spelled(query, schema), _spelled(name, schema)
    if not mine or not theirs:
        return 0.0
    target = "".join(theirs)
    best = 0.0
    for shift in range(len(mine)):
        joined = "".join(mine[shift:] + mine[:shift])
        best = max(best, fuzz.ratio(joined, target) / 100.0)
    return best


def ranking_score(strict: float, query: str, name: str, schema: str) -> float:
    """``compare``'s score, or the discounted spelling ratio when that is higher."""
    return max(strict, TYPO_DISCOUNT * spelling_ratio(query, name, schema) ** 2)
