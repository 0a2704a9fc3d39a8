"""Positions for a network picture, in linear time: a radial tree per connected part.

Force-directed layouts cost seconds to minutes for 2,000 nodes on a loaded
server (networkx's spring layout took 98 s here), and a browser simulating
forces stays busy as long. A radial tree is computed in one breadth-first
pass: the best-connected node sits in the middle, each ring holds the nodes
one hop further out, and every node gets an arc of its ring in proportion to
the nodes reached through it, so what hangs together stays together. Rings
widen with the number of nodes they hold so labels do not pile up. Separate
parts sit side by side; nodes kept apart (hubs) go on a ring around them all.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
STEP = 90.0  #: distance between rings
SPACING = 22.0  #: arc length each node of a ring gets at least


def place(
    nodes: Sequence[str], edges: Iterable[tuple[str, str]], apart: Sequence[str] = ()
) -> dict[str, Point]:
    """A position for every node of ``nodes`` and ``apart``."""
    around: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        if a != b:
            around[a].append(b)
            around[b].append(a)
    positions: dict[str, Point] = {}
    left = 0.0
    for part in _parts(nodes, around):
        tree = _radial(part, around)
        radius = max((math.hypot(x, y) for x, y in tree.values()), default=0.0)
        for key, (x, y) in tree.items():
            positions[key] = (left + radius + x, y)
        left += 2 * radius + STEP
    _ring(positions, apart)
    return positions


def _parts(nodes: Sequence[str], around: dict[str, list[str]]) -> list[list[str]]:
    """Connected parts, largest first, each starting from its best-connected node."""
    seen: set[str] = set()
    parts: list[list[str]] = []
    for start in sorted(nodes, key=lambda n: -len(around[n])):
        if start in seen:
            continue
        part, queue = [start], deque([start])
        seen.add(start)
        while queue:
            for other in around[queue.popleft()]:
                if other not in seen:
                    seen.add(other)
                    part.append(other)
                    queue.append(other)
        parts.append(part)
    wanted = set(nodes)
    return sorted(([n for n in p if n in wanted] for p in parts), key=len, reverse=True)


def _radial(part: list[str], around: dict[str, list[str]]) -> dict[str, Point]:
    """``part[0]`` in the middle; ``part`` is in breadth-first order from it."""
    parent: dict[str, str | None] = {part[0]: None}
    depth = {part[0]: 0}
    children: dict[str, list[str]] = defaultdict(list)
    for node in part:
        for other in around[node]:
            if other not in parent:
                parent[other], depth[other] = node, depth[node] + 1
                children[node].append(other)
    weight = dict.fromkeys(part, 1)
    for node in reversed(part):
        up = parent.get(node)
        if up is not None:
            weight[up] += weight[node]
    radii = _radii(depth)
    arcs: dict[str, tuple[float, float]] = {part[0]: (0.0, 2 * math.pi)}
    points: dict[str, Point] = {part[0]: (0.0, 0.0)}
    for node in part:
        start, width = arcs[node]
        for child in children[node]:
            share = width * weight[child] / (weight[node] - 1)
            arcs[child] = (start, share)
            angle, r = start + share / 2, radii[depth[child]]
            points[child] = (r * math.cos(angle), r * math.sin(angle))
            start += share
    return points


def _radii(depth: dict[str, int]) -> dict[int, float]:
    """Each ring far enough out for its nodes to get ``SPACING`` of arc, and beyond the last."""
    counts: dict[int, int] = defaultdict(int)
    for level in depth.values():
        counts[level] += 1
    radii, last = {0: 0.0}, 0.0
    for level in sorted(counts)[1:]:
        last = max(last + STEP, counts[level] * SPACING / (2 * math.pi))
        radii[level] = last
    return radii


def _ring(positions: dict[str, Point], apart: Sequence[str]) -> None:
    """``apart`` evenly on a circle around everything already placed."""
    if not apart:
        return
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [0.0]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    reach = max((math.hypot(x - cx, y - cy) for x, y in positions.values()), default=0.0)
    radius = max(reach + 2 * STEP, len(apart) * SPACING / (2 * math.pi))
    for index, key in enumerate(apart):
        angle = 2 * math.pi * index / len(apart) - math.pi / 2
        positions[key] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
