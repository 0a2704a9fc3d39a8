"""Index keys of a name, and their 64-bit hashes.

The cross-script blocking keys of ``name_keys`` (phonetic token
keys ``t:``, native characters ``c:``, whole name ``n:``); character trigrams
``g:`` of every phonetic token key, so a typo (``Zhiwie``) still shares most
keys with the listed name; ``j:`` keys, one per token taken as the
surname, followed by the other tokens written together, so ``赵佳杰``,
``Zhao Jia Jie`` and ``Jiajie Zhao`` share a whole-name key; ``m:`` whole-name keys
over every spelling of every token; and ``d:`` deletion keys (read in a separate
typo pass) of long tokens, of the whole name written together and of its phonetic
key. Keys are hashed to 64 bits with BLAKE2b so the stored index is a sorted
integer array, stable across processes (Python's own ``hash`` is salted per process).
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from fraudlink.link.names import name_keys
from fraudlink.link.names.phonetic import loose
from fraudlink.link.names.tokens import parse

GRAM = 3
TYPO_MIN, TYPO_MAX = 5, 14  #: lengths of spellings that get deletion keys
MAX_TYPO_TOKENS = 4  #: names with more tokens get deletion keys per token only
SOUND_MIN = 6  #: shortest whole-name phonetic key that gets deletion keys
WHOLE_MAX = 24  #: longest whole name (tokens written together) that gets deletion keys
MAX_SPELLINGS = 16  #: most whole-name keys over the tokens' other spellings
BOOSTS = {"n": 3.0, "m": 3.0, "j": 3.0, "c": 0.5}
"""Query-side weight by key kind: whole-name keys say more than one token; a native
character says less, since a romanised listing of the same name cannot share it."""


def _grams(key: str) -> set[str]:
    padded = f"^{key}$"
    if len(padded) <= GRAM:
        return {"g:" + padded}
    return {"g:" + padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)}


def _surname_keys(name: str, schema: str) -> set[str]:
    tokens = [t.latin for t in parse(name, schema).tokens]
    if len(tokens) < 2:
        return set()
    return {
        f"j:{loose(tokens[i])}|{loose(''.join(tokens[:i] + tokens[i + 1 :]))}"
        for i in range(len(tokens))
    }


def _spelling_keys(name: str, schema: str) -> set[str]:
    """``m:`` whole-name keys over every spelling of every token (``n:`` uses the first only).

    ``주널배`` is also ``Joo Nor-be``: its ``n:`` key folds ``neol`` (``nul``) but
    not ``nor`` (``nu``), and token keys that short are too common to find it."""
    forms = [sorted({loose(f) for f in t.forms} - {""}) for t in parse(name, schema).tokens]
    if len(forms) < 2 or math.prod(len(f) for f in forms) > MAX_SPELLINGS:
        return set()
    return {"m:" + " ".join(sorted(combo)) for combo in itertools.product(*forms)}


def _typo_words(name: str, schema: str) -> set[str]:
    """Spellings a typo may hit: long tokens, and the given names written together."""
    tokens = [t.latin for t in parse(name, schema).tokens]
    words = set(tokens)
    if 2 <= len(tokens) <= MAX_TYPO_TOKENS:
        words |= {"".join(tokens[:i] + tokens[i + 1 :]) for i in range(len(tokens))}
    return {w for w in words if TYPO_MIN <= len(w) <= TYPO_MAX}


def _whole_words(name: str, schema: str, rotations: bool) -> set[str]:
    """The whole name written together: as listed, or (for a query) under every rotation.

    A typo in a common given name (``Sthea`` for ``Sothea``) shares its deletion
    keys with thousands of names; the whole name's keys (``bunsthea``) are nearly
    unique. The index files one order; the query tries each rotation, so
    ``Junyrng Tian`` still meets ``田军颖`` (``tianjunying``)."""
    tokens = [t.latin for t in parse(name, schema).tokens]
    if not 2 <= len(tokens) <= MAX_TYPO_TOKENS:
        return set()
    shifts = range(len(tokens)) if rotations else range(1)
    words = {"".join(tokens[i:] + tokens[:i]) for i in shifts}
    return {w for w in words if TYPO_MIN <= len(w) <= WHOLE_MAX}


def _deletions(words: Iterable[str]) -> set[str]:
    """SymSpell-style keys: every spelling with one letter deleted, and the spelling itself.

    Two spellings one edit apart (a letter dropped, added, changed or two swapped)
    share at least one of these keys, whatever the phonetic key makes of the typo."""
    keys: set[str] = set()
    for word in words:
        keys.add("d:" + word)
        keys |= {"d:" + word[:i] + word[i + 1 :] for i in range(len(word))}
    return keys


def _sound_words(name: str, schema: str, rotations: bool) -> set[str]:
    """The whole name's phonetic key written together (``~`` marks it), as listed or rotated.

    A typo on top of another romanisation (``Joo Deorki`` for ``주덜키``, ``Ju Deolki``)
    is two edits in letters but one in the phonetic key (``Cutuki``/``Cutulki``)."""
    tokens = [loose(t.latin) for t in parse(name, schema).tokens]
    if not 2 <= len(tokens) <= MAX_TYPO_TOKENS:
        return set()
    shifts = range(len(tokens)) if rotations else range(1)
    words = {"".join(tokens[i:] + tokens[:i]) for i in shifts}
    return {"~" + w for w in words if SOUND_MIN <= len(w) <= WHOLE_MAX}


def _deletion_keys(name: str, schema: str, query: bool = False) -> set[str]:
    words = _typo_words(name, schema) | _whole_words(name, schema, query)
    return _deletions(words | _sound_words(name, schema, query))


@lru_cache(maxsize=16384)
def index_keys(name: str, schema: str = "Person") -> frozenset[str]:
    """Every key ``name`` is filed under (and looked up by)."""
    keys = name_keys(name, schema)
    grams: set[str] = set()
    for key in keys:
        if key.startswith("t:"):
            grams |= _grams(key[2:])
    extra = _surname_keys(name, schema) | _spelling_keys(name, schema)
    return frozenset(keys | grams | extra | _deletion_keys(name, schema))


TYPO_BIT = 1 << 63
"""Set on the hash of a deletion key, clear on every other: typo keys are read in their
own pass and left out of a name's IDF norm."""


def key_hash(key: str) -> int:
    value = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
    return value | TYPO_BIT if key.startswith("d:") else value & ~TYPO_BIT


def hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)


def query_keys(
    names: Iterable[str], schema: str
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
    """Hashes of every key of the query's names, with each key's boost."""
    every = frozenset().union(*(index_keys(n, schema) for n in names))
    keys = sorted(k for k in every if not k.startswith("d:"))
    boosts = np.fromiter((BOOSTS.get(k[0], 1.0) for k in keys), dtype=np.float32)
    return hashes(keys), boosts


def typo_keys(names: Iterable[str], schema: str) -> npt.NDArray[np.uint64]:
    """Hashes of the query's deletion keys, for the typo pass."""
    every = frozenset().union(*(_deletion_keys(n, schema, query=True) for n in names))
    return hashes(sorted(every))
