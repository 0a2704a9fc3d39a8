"""Index keys of a name, and their 64-bit hashes.

Three kinds: the cross-script blocking keys of ``name_keys`` (phonetic token
keys ``t:``, native characters ``c:``, whole name ``n:``), and character
trigrams ``g:`` of every phonetic token key, so a typo (``Zhiwie``) still
shares most keys with the listed name. Keys are hashed to 64 bits with
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

GRAM = 3


def _grams(key: str) -> set[str]:
    padded = f"^{key}$"
    if len(padded) <= GRAM:
        return {"g:" + padded}
    return {"g:" + padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)}


@lru_cache(maxsize=16384)
def index_keys(name: str, schema: str = "Person") -> frozenset[str]:
    """Every key ``name`` is filed under (and looked up by)."""
    keys = name_keys(name, schema)
    grams: set[str] = set()
    for key in keys:
        if key.startswith("t:"):
            grams |= _grams(key[2:])
    return frozenset(keys | grams)


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def hashes(keys: Iterable[str]) -> npt.NDArray[np.uint64]:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)
