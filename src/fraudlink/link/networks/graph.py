"""The report–identifier graph and the partition of reports into networks.

Reports are linked by the identifiers they share, except hubs. Identifiers are
admitted in ascending order of degree (how many reports name them), the way
Kruskal's algorithm admits edges: rare identifiers are the strongest evidence,
so by the time a frequent identifier is considered, the groups it would join
already exist. An identifier whose reports then fall into several distinct,
non-trivial groups with none of them dominant is a *hub* — a platform, an
official channel or a hotline that unrelated victims mention — and does not
link. All identifiers of one degree are judged against the same groups, so the
result does not depend on the order rows were read in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

IntArray = npt.NDArray[np.int64]

#: below this many reports an identifier cannot be told apart from a small network's hinge
MIN_HUB_DEGREE = 4
#: a hub's reports fall into at least this many groups that have other evidence ...
MIN_HUB_GROUPS = 3
#: ... and no group holds this share of those reports (a network's own identifier would)
MAX_GROUP_SHARE = 0.5
#: ... unless, besides its largest group, it reaches this many others (a hub a big network uses)
MANY_OTHER_GROUPS = 5


@dataclass(frozen=True, slots=True)
class HubVerdict:
    """Why an identifier did or did not link: the groups its reports fell into."""

    hub: bool
    degree: int
    groups: int
    largest: int
    grouped: int

    def reason(self) -> str:
        if not self.hub:
            return (
                f"links: {self.degree} reports, largest group holds {self.largest}/{self.grouped}"
            )
        return (
            f"hub: its {self.degree} reports fall into {self.groups} otherwise-linked groups, "
            f"the largest holding only {self.largest} of {self.grouped}"
        )


def judge(degree: int, group_counts: Iterable[int], needed: int = MIN_HUB_GROUPS) -> HubVerdict:
    """The degree-aware hub rule over how many of an identifier's reports sit in each group.

    ``needed`` is how many groups this identifier must reach (``hubs.profile``).
    """
    counts = sorted(group_counts, reverse=True)
    grouped = sum(counts)
    largest = counts[0] if counts else 0
    others = len(counts) - 1
    hub = degree >= MIN_HUB_DEGREE and (
        (len(counts) >= needed and largest < MAX_GROUP_SHARE * grouped)
        or others >= max(needed, MANY_OTHER_GROUPS)
    )
    return HubVerdict(hub, degree, len(counts), largest, grouped)


class UnionFind:
    """Disjoint sets over ``0..n-1`` with sizes, path halving and union by size."""

    def __init__(self, parent: IntArray) -> None:
        self.parent: list[int] = parent.tolist()
        roots = np.asarray(self.parent, dtype=np.int64)
        self.size: list[int] = np.bincount(roots, minlength=len(self.parent)).tolist()

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

    def labels(self) -> IntArray:
        return np.fromiter((self.find(x) for x in range(len(self.parent))), np.int64)


@dataclass(frozen=True, slots=True)
class Partition:
    """``labels[i]``: the network of report index ``i``; ``verdicts``: the judged identifiers.

    ``groups[h]`` lists, for a hub ``h``, one report index of each group it was
    judged against and how many of its reports fell there: enough for a later
    incremental run to re-judge ``h`` while reading only some of those groups.
    """

    labels: IntArray
    verdicts: dict[int, HubVerdict]
    groups: dict[int, list[tuple[int, int]]]


def _initial_sets(reports: int, rep: IntArray, ident: IntArray, chosen: IntArray) -> IntArray:
    """Roots after linking by every identifier in ``chosen`` at once (C speed, no judging)."""
    wanted = np.zeros(int(ident.max()) + 1 if len(ident) else 0, bool)
    wanted[chosen] = True
    mask = wanted[ident]
    r, i = rep[mask], ident[mask]
    nodes = reports + (int(ident.max()) + 1 if len(ident) else 0)
    graph = coo_matrix((np.ones(len(r), np.int8), (r, reports + i)), shape=(nodes, nodes))
    count, labels = connected_components(graph, directed=False)
    report_labels: IntArray = labels[:reports]
    first = np.full(count, reports, np.int64)
    np.minimum.at(first, report_labels, np.arange(reports, dtype=np.int64))
    roots: IntArray = first[report_labels]
    return roots


@dataclass(frozen=True, slots=True)
class Judging:
    """What the hub rule knows of each identifier besides the mentions at hand.

    ``degree[i]`` is how many reports name ``i`` in the whole database (more
    than the mentions at hand when only part of the graph is re-partitioned);
    ``needed[i]`` how many groups ``i`` must reach to be a hub; ``outside[i]``
    the counts of ``i``'s reports in groups that are not at hand.
    """

    degree: IntArray
    needed: IntArray
    outside: dict[int, list[int]]


def partition(
    reports: int,
    rep: IntArray,
    ident: IntArray,
    ignored: Sequence[int] = (),
    needed: IntArray | None = None,
    judging: Judging | None = None,
) -> Partition:
    """Networks of ``reports`` reports from deduplicated (report, identifier) mention pairs.

    ``ignored`` identifiers (allow-listed) never link. ``needed[i]`` is how many
    groups identifier ``i`` must reach to be a hub. Identifiers that cannot be
    hubs (fewer than ``MIN_HUB_DEGREE`` reports, or fewer reports than groups
    needed) link first, all at once; the others are judged in ascending degree.
    """
    if not len(rep):
        return Partition(np.arange(reports, dtype=np.int64), {}, {})
    if judging is None:
        degree = np.bincount(ident)
        if needed is None:
            needed = np.full(len(degree), MIN_HUB_GROUPS, np.int64)
        judging = Judging(degree, needed, {})
    degree, needed = judging.degree, judging.needed
    active = np.ones(len(degree), bool)
    active[np.asarray(list(ignored), np.int64)] = False
    candidate = active & (degree >= MIN_HUB_DEGREE) & (needed[: len(degree)] <= degree)
    sets = UnionFind(_initial_sets(reports, rep, ident, np.flatnonzero(active & ~candidate)))
    verdicts, groups = _judge_frequent(sets, rep, ident, candidate, judging)
    return Partition(sets.labels(), verdicts, groups)


def _runs(rep: IntArray, ident: IntArray, degree: IntArray) -> list[tuple[int, int, list[int]]]:
    """``(level, identifier, its reports)`` in ascending level, then identifier."""
    order = np.lexsort((rep, ident, degree[ident]))
    r, i = rep[order], ident[order]
    if not len(i):
        return []
    starts = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    ends = np.r_[starts[1:], len(i)].astype(np.int64)
    reports = r.tolist()
    return [(int(degree[i[s]]), int(i[s]), reports[s:e])
            for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]  # fmt: skip


def _judge_frequent(
    sets: UnionFind,
    rep: IntArray,
    ident: IntArray,
    candidate: npt.NDArray[np.bool_],
    judging: Judging,
) -> tuple[dict[int, HubVerdict], dict[int, list[tuple[int, int]]]]:
    """Judge candidates level by level, each level against the groups before it."""
    mask = candidate[ident]
    runs = _runs(rep[mask], ident[mask], judging.degree)
    verdicts: dict[int, HubVerdict] = {}
    groups: dict[int, list[tuple[int, int]]] = {}
    start = 0
    while start < len(runs):
        level = runs[start][0]
        end = start
        while end < len(runs) and runs[end][0] == level:
            end += 1
        batch = runs[start:end]
        for _, identifier, members in batch:
            counts = _group_counts(sets, members)
            outside = judging.outside.get(identifier, [])
            needed = int(judging.needed[identifier])
            verdict = judge(level, [*counts.values(), *outside], needed)
            verdicts[identifier] = verdict
            if verdict.hub:
                groups[identifier] = sorted(counts.items())
        for _, identifier, members in batch:
            if not verdicts[identifier].hub:
                for other in members[1:]:
                    sets.union(members[0], other)
        start = end
    return verdicts, groups


def _group_counts(sets: UnionFind, members: list[int]) -> dict[int, int]:
    """How many of ``members`` fall in each current group that has other evidence (size ≥ 2)."""
    roots = Counter(sets.find(m) for m in members)
    return {root: count for root, count in roots.items() if sets.size[root] > count or count > 1}
