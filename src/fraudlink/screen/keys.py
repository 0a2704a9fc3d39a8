"""Index keys of a name, and their 64-bit hashes.

Four kinds: the cross-script blocking keys of ``name_keys`` (phonetic token
keys ``t:``, native characters ``c:``, whole name ``n:``); character trigrams
``g:`` of every phonetic token key, so a typo (``Zhiwie``) still shares most
keys with the listed name; and ``j:`` keys, one per token taken as the
surname, followed by the other tokens written together, so ``赵佳杰``,
``Zhao Jia Jie`` and ``Jiajie Zhao`` share a whole-name key. Keys are hashed to 64 bits with
BLAKE2b so the stored index is a sorted integer array, stable across processes
(Python's own ``hash`` is salted per process).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from fraudlink.link.names import name_keys
from fraudlink.link.names.phonetic import loose
from fraudlink.link.names.tokens import parse

GRAM = 3
BOOSTS = {"n": 3.0, "j": 3.0, "c": 0.5}
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


@lru_cache(maxsize=16384)
def index_keys(name: str, schema: str = "Person") -> frozenset[str]:
    """Every key ``name`` is filed under (and looked up by)."""
    keys = name_keys(name, schema)
    grams: set[str] = set()
    for key in keys:
        if key.startswith("t:"):
            grams |= _grams(key[2:])
    return frozenset(keys | grams | _surname_keys(name, schema))


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)


def query_keys(
    names: Iterable[str], schema: str
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
    """Hashes of every key of the query's names, with each key's boost."""
    keys = sorted(frozenset().union(*(index_keys(n, schema) for n in names)))
    boosts = np.fromiter((BOOSTS.get(k[0], 1.0) for k in keys), dtype=np.float32)
    return hashes(keys), boosts
