"""The name index of one list: build it, store it as arrays, load it, search it.

An inverted index from key hashes to name ordinals, in CSR form (sorted
``hashes``, ``offsets``, ``postings``). A query's candidates are scored by the
inverse document frequency (IDF) of the keys they share with it; keys that
more than ``COMMON_SHARE`` of the names carry (``t:kim``, the trigram ``^ch``)
are skipped unless the query has too few rarer ones. Only the best
``candidates`` names then go through the full ``compare``.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from fraudlink.screen.keys import TYPO_BIT, hashes, index_keys

COMMON_SHARE = 0.02  #: keys on more names than this share of the list count as common
MIN_KEYS = 3  #: use at least this many keys (the rarest) even when all are common
POSTING_BUDGET = 400_000  #: most postings read per query
PART_KEYS = 500_000  #: keys per stored part, so no stored row grows huge
PARALLEL_FROM = 50_000  #: names from which keys are computed in worker processes

Ints = npt.NDArray[np.int32]
Hashes = npt.NDArray[np.uint64]


def _chunk_keys(chunk: Sequence[tuple[str, str]], start: int) -> tuple[Hashes, Ints]:
    all_hashes: list[Hashes] = []
    owners: list[Ints] = []
    for offset, (schema, name) in enumerate(chunk):
        found = hashes(index_keys(name, schema))
        all_hashes.append(found)
        owners.append(np.full(len(found), start + offset, dtype=np.int32))
    if not all_hashes:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    return np.concatenate(all_hashes), np.concatenate(owners)


def _all_keys(names: Sequence[tuple[str, str]], workers: int) -> tuple[Hashes, Ints]:
    if workers <= 1 or len(names) < PARALLEL_FROM:
        return _chunk_keys(names, 0)
    size = 20_000
    starts = range(0, len(names), size)
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_chunk_keys, [names[s : s + size] for s in starts], starts))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


@dataclass(slots=True)
class Postings:
    hashes: Hashes
    offsets: npt.NDArray[np.int64]
    postings: Ints


def build_postings(names: Sequence[tuple[str, str]], workers: int = 1) -> Postings:
    """CSR postings for ``(schema, name)`` pairs; a name's ordinal is its position."""
    keys, owners = _all_keys(names, workers)
    order = np.argsort(keys, kind="stable")
    keys, owners = keys[order], owners[order]
    starts = np.flatnonzero(np.diff(keys)) + 1 if len(keys) else np.empty(0, np.int64)
    unique = keys[np.r_[0, starts]] if len(keys) else keys
    offsets = np.r_[0, starts, len(keys)].astype(np.int64)
    return Postings(unique, offsets, owners.astype(np.int32))


def split_postings(index: Postings) -> list[Postings]:
    """Contiguous slices of at most ``PART_KEYS`` keys, each with offsets rebased to 0."""
    parts = []
    for start in range(0, max(len(index.hashes), 1), PART_KEYS):
        stop = min(start + PART_KEYS, len(index.hashes))
        low, high = index.offsets[start], index.offsets[stop]
        parts.append(
            Postings(
                index.hashes[start:stop],
                index.offsets[start : stop + 1] - low,
                index.postings[low:high],
            )
        )
    return parts


def join_postings(parts: Sequence[Postings]) -> Postings:
    if not parts:
        return Postings(np.empty(0, np.uint64), np.zeros(1, np.int64), np.empty(0, np.int32))
    shifts = np.cumsum([0] + [len(p.postings) for p in parts[:-1]])
    offsets = [parts[0].offsets[:1]] + [
        p.offsets[1:] + s for p, s in zip(parts, shifts, strict=True)
    ]
    return Postings(
        np.concatenate([p.hashes for p in parts]),
        np.concatenate(offsets),
        np.concatenate([p.postings for p in parts]),
    )


@dataclass(slots=True)
class NameIndex:
    """One list's names in memory: ``names[i]`` belongs to entry ``owner[i]``."""

    names: list[str]
    schemas: list[str]
    owner: Ints
    keys: Postings
    _scores: npt.NDArray[np.float32] = field(init=False)
    _norms: npt.NDArray[np.float32] = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._scores = np.zeros(len(self.names), dtype=np.float32)
        self._norms = self._idf_norms()

    def _idf_norms(self) -> npt.NDArray[np.float32]:
        """Each name's IDF vector length, so long names with many keys do not win by count."""
        df = np.diff(self.keys.offsets)
        if not len(df):
            return np.ones(len(self.names), np.float32)
        idf = np.log1p(len(self.names) / np.maximum(df, 1)).astype(np.float32)
        idf[self.keys.hashes >= np.uint64(TYPO_BIT)] = 0.0
        squares = np.bincount(self.keys.postings, weights=np.repeat(idf**2, df),
                              minlength=len(self.names))  # fmt: skip
        return np.sqrt(np.maximum(squares, 1.0)).astype(np.float32)

    def _chosen(
        self, query: Hashes, boosts: npt.NDArray[np.float32]
    ) -> tuple[list[tuple[int, int]], list[float]]:
        """(start, stop) of the postings to read and each one's weight, rarest first."""
        at = np.minimum(np.searchsorted(self.keys.hashes, query), len(self.keys.hashes) - 1)
        hit = self.keys.hashes[at] == query if len(self.keys.hashes) else at < 0
        at, boosts = at[hit], boosts[hit]
        starts, stops = self.keys.offsets[at], self.keys.offsets[at + 1]
        total, cap = len(self.names), max(COMMON_SHARE * len(self.names), 50.0)
        spans: list[tuple[int, int]] = []
        weights: list[float] = []
        read = 0
        for i in np.argsort(stops - starts, kind="stable"):
            df = int(stops[i] - starts[i])
            if (df > cap and len(spans) >= MIN_KEYS) or read + df > POSTING_BUDGET:
                break
            spans.append((int(starts[i]), int(stops[i])))
            weights.append(math.log(1.0 + total / df) * float(boosts[i]))
            read += df
        return spans, weights

    def candidates(
        self, query: Hashes, boosts: npt.NDArray[np.float32], limit: int
    ) -> list[tuple[int, float]]:
        """The ``limit`` names sharing the most weighted IDF with the query, best first.

        A name's score is the IDF of the keys it shares with the query (times
        each key's boost) over the name's own IDF norm.
        """
        spans, weights = self._chosen(query, boosts)
        if not spans:
            return []
        ids = np.concatenate([self.keys.postings[a:b] for a, b in spans])
        w = np.repeat(np.asarray(weights, np.float32), [b - a for a, b in spans])
        with self._lock:
            np.add.at(self._scores, ids, w)
            got = self._scores[ids] / self._norms[ids]
            self._scores[ids] = 0.0
        return _top_unique(ids, got, limit)

    def typo_candidates(self, query: Hashes, limit: int) -> list[tuple[int, float]]:
        """The ``limit`` names sharing the most IDF of deletion keys with the query.

        A separate, generous pass: a name one typo away from the query shares a
        deletion key with it, and here it does not compete with names that share
        many exact keys of another token (``Nancy Cox`` for ``Nancy Gonazles``)."""
        spans, weights = self._chosen(query, np.ones(len(query), np.float32))
        if not spans:
            return []
        ids = np.concatenate([self.keys.postings[a:b] for a, b in spans])
        w = np.repeat(np.asarray(weights, np.float32), [b - a for a, b in spans])
        unique, inverse = np.unique(ids, return_inverse=True)
        totals = np.bincount(inverse, weights=w).astype(np.float32)
        best = np.argsort(-totals, kind="stable")[:limit]
        return [(int(unique[i]), float(totals[i])) for i in best]


def _top_unique(ids: Ints, scores: npt.NDArray[np.float32], limit: int) -> list[tuple[int, float]]:
    """The best ``limit`` distinct ids; the cut keeps the sort to a few thousand postings."""
    if len(ids) > 4 * limit:
        cut = np.partition(scores, len(scores) - 4 * limit)[len(scores) - 4 * limit]
        keep = scores >= cut
        ids, scores = ids[keep], scores[keep]
    unique, first = np.unique(ids, return_index=True)
    best = np.argsort(-scores[first], kind="stable")[:limit]
    return [(int(unique[i]), float(scores[first][i])) for i in best]
