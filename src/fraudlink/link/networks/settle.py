"""Judging the identifiers that may be hubs, over groups rather than reports.

Identifiers are admitted in ascending order of degree (how many reports name
them), the way Kruskal's algorithm admits edges: rare identifiers are the
strongest evidence, so by the time a frequent identifier is considered, the
groups it would join already exist. Every identifier that cannot be a hub
links first, all at once, into *components* — each engine finds those its own
way (scipy in-process, large-star/small-star on Spark). What is left is
sequential but small: the candidates' mentions, each tagged with its report's
component label and that component's size. This module judges them level by
level, each level against the groups before it, so the result does not
depend on the order rows were read in nor on the engine that found the
components.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from fraudlink.link.networks.rule import HubVerdict, IntArray, judge


@dataclass(frozen=True, slots=True)
class Candidates:
    """One row per mention of a candidate identifier, as aligned columns.

    ``comp`` is the label of the mention's report's component (its smallest
    report index or id), ``size`` that component's report count, ``level``
    the identifier's degree and ``needed`` the groups it must reach.
    """

    ident: IntArray
    comp: IntArray
    size: IntArray
    level: IntArray
    needed: IntArray


@dataclass(frozen=True, slots=True)
class Settled:
    """Verdicts, each hub's groups as ``(smallest label, count)``, and merged components.

    Component ``merged[k]`` joined the network whose smallest label is ``into[k]``.
    """

    verdicts: dict[int, HubVerdict]
    groups: dict[int, list[tuple[int, int]]]
    merged: IntArray
    into: IntArray


class _Groups:
    """Disjoint sets over component nodes, with report counts and smallest labels."""

    def __init__(self, labels: list[int], sizes: list[int]) -> None:
        self.parent = list(range(len(labels)))
        self.size = sizes
        self.low = labels

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.low[ra] = min(self.low[ra], self.low[rb])

    def counts(self, members: list[int]) -> dict[int, int]:
        """How many of ``members`` fall in each group that has other evidence (size ≥ 2)."""
        roots = Counter(self.find(m) for m in members)
        return {r: n for r, n in roots.items() if self.size[r] > n or n > 1}


def settle(found: Candidates, outside: dict[int, list[int]]) -> Settled:
    """Judge candidates level by level; ``outside[i]``: counts in groups not at hand."""
    labels, node = np.unique(found.comp, return_inverse=True)
    sizes = np.zeros(len(labels), np.int64)
    sizes[node] = found.size
    groups = _Groups(labels.tolist(), sizes.tolist())
    verdicts: dict[int, HubVerdict] = {}
    hub_groups: dict[int, list[tuple[int, int]]] = {}
    runs = _runs(found, node.astype(np.int64))
    start = 0
    while start < len(runs):
        end = start
        while end < len(runs) and runs[end][0] == runs[start][0]:
            end += 1
        for level, identifier, needed, members in runs[start:end]:
            counts = groups.counts(members)
            verdict = judge(level, [*counts.values(), *outside.get(identifier, [])], needed)
            verdicts[identifier] = verdict
            if verdict.hub:
                hub_groups[identifier] = sorted((groups.low[r], n) for r, n in counts.items())
        for _, identifier, _, members in runs[start:end]:
            if not verdicts[identifier].hub:
                for other in members[1:]:
                    groups.union(members[0], other)
        start = end
    final = np.fromiter((groups.low[groups.find(n)] for n in range(len(labels))), np.int64,
                        len(labels))  # fmt: skip
    moved = final != labels
    return Settled(verdicts, hub_groups, labels[moved], final[moved])


def _runs(found: Candidates, node: IntArray) -> list[tuple[int, int, int, list[int]]]:
    """``(level, identifier, needed, its component nodes)`` by ascending level, identifier."""
    order = np.lexsort((node, found.ident, found.level))
    ident, nodes = found.ident[order], node[order]
    if not len(ident):
        return []
    starts = np.flatnonzero(np.r_[True, ident[1:] != ident[:-1]])
    ends = np.r_[starts[1:], len(ident)].astype(np.int64)
    members = nodes.tolist()
    level, needed = found.level[order].tolist(), found.needed[order].tolist()
    return [(level[s], int(ident[s]), needed[s], members[s:e])
            for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]  # fmt: skip
