"""The partition of reports into networks, in-process (numpy and scipy).

Reports are linked by the identifiers they share, except hubs (``rule``).
Identifiers that cannot be hubs link first, as one sparse graph's connected
components; the candidates are then judged over those components
(``settle``), the step every engine shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

from fraudlink.link.networks.rule import MIN_HUB_GROUPS, HubVerdict, IntArray, can_be_hub
from fraudlink.link.networks.settle import Candidates, settle


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
    needed) link first, all at once (``components``); the others are judged in
    ascending degree against the groups that makes (``settle.settle``).
    ``labels[i]`` is the smallest report index of report ``i``'s network.
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
    candidate = active & can_be_hub(degree, needed[: len(degree)])
    roots = components(reports, rep, ident, np.flatnonzero(active & ~candidate))
    mask = candidate[ident]
    comp = roots[rep[mask]]
    sizes = np.bincount(roots, minlength=reports)
    found = ident[mask]
    settled = settle(
        Candidates(found, comp, sizes[comp], degree[found], needed[found]), judging.outside
    )
    final = np.arange(reports, dtype=np.int64)
    final[settled.merged] = settled.into
    return Partition(final[roots], settled.verdicts, settled.groups)


def components(reports: int, rep: IntArray, ident: IntArray, chosen: IntArray) -> IntArray:
    """Each report's smallest report index once every identifier in ``chosen`` links."""
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
