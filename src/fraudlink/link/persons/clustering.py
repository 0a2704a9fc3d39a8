"""Clusters of person records that never cross a human "not the same".

Greedy constrained union-find: "same" judgements are applied first, then
model links from the most to the least probable; a merge is refused when any
record of one side was judged "not the same" as any record of the other. So a
negative judgement holds even against a chain of strong links (A≈B≈C with
A≠C keeps A and C apart, and B goes with whichever came first). The result
does not depend on the engine that scored the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Edge:
    left: int
    right: int
    weight: float


@dataclass(slots=True)
class _Forest:
    parent: dict[int, int] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)
    refused: list[Edge] = field(default_factory=list)

    def find(self, node: int) -> int:
        root = self.parent.setdefault(node, node)
        while root != self.parent[root]:
            root = self.parent[root]
        while node != root:
            self.parent[node], node = root, self.parent[node]
        self.members.setdefault(root, {root})
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)


def _forbidden(forest: _Forest, ra: int, rb: int, apart: dict[int, set[int]]) -> bool:
    small, big = sorted((forest.members[ra], forest.members[rb]), key=len)
    return any(apart.get(node, set()) & big for node in small)


def cluster(
    nodes: Iterable[int],
    edges: Iterable[Edge],
    same: Iterable[tuple[int, int]] = (),
    not_same: Iterable[tuple[int, int]] = (),
) -> tuple[dict[int, int], list[Edge]]:
    """Map every node to its cluster (the smallest member id); also return refused edges."""
    forest = _Forest()
    apart: dict[int, set[int]] = {}
    for a, b in not_same:
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    forced = [Edge(a, b, float("inf")) for a, b in same]
    ordered = forced + sorted(edges, key=lambda e: (-e.weight, e.left, e.right))
    for node in nodes:
        forest.find(node)
    for edge in ordered:
        ra, rb = forest.find(edge.left), forest.find(edge.right)
        if ra == rb:
            continue
        if _forbidden(forest, ra, rb, apart):
            forest.refused.append(edge)
            continue
        forest.union(ra, rb)
    return _labels(forest), forest.refused


def _labels(forest: _Forest) -> dict[int, int]:
    labels: dict[int, int] = {}
    for members in forest.members.values():
        label = min(members)
        labels.update(dict.fromkeys(members, label))
    return labels
