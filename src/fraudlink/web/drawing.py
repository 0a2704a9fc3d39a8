"""Geometry of the pages' server-drawn SVG: a network's timeline and a money trail.

Drawn on the server so the pictures need no script and every label reaches the
page through the templates' autoescape. Sizes are in SVG user units; the
templates scale the picture to the page's width.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from fraudlink.link.flow.diagram import Diagram
from fraudlink.link.networks.picture import Picture

BOX_W, BOX_H = 230.0, 54.0
COLUMN, ROW = 330.0, 86.0
MARGIN = 20.0
BAR_W, BAR_GAP, BAR_H = 22.0, 6.0, 120.0
TICK_W = 48.0  #: room a month's label ("2026-03") takes under the bars


@dataclass(frozen=True)
class Bar:
    month: str
    count: int
    x: float
    y: float
    height: float


def timeline_bars(months: list[tuple[str, int]]) -> dict[str, object]:
    """Reports per month as bars of a fixed-height chart, one label every few months."""
    top = max((count for _, count in months), default=0) or 1
    bars = []
    for index, (month, count) in enumerate(months):
        height = BAR_H * count / top
        x = MARGIN + index * (BAR_W + BAR_GAP)
        bars.append(Bar(month, count, x, MARGIN + BAR_H - height, height))
    every = max(1, len(months) // 12, math.ceil(TICK_W / (BAR_W + BAR_GAP)))
    width = 2 * MARGIN + len(months) * (BAR_W + BAR_GAP)
    return {"bars": bars, "every": every, "width": max(width, 200.0), "height": BAR_H + 3 * MARGIN,
            "base": MARGIN + BAR_H, "top": top, "bar_width": BAR_W}  # fmt: skip


@dataclass(frozen=True)
class Box:
    account: str
    x: float
    y: float
    rests: str
    networks: list[int]


@dataclass(frozen=True)
class Arrow:
    path: str
    width: float
    label: str
    label_x: float
    label_y: float
    back: bool
    title: str


def _box_of(column: int, row: int) -> tuple[float, float]:
    return MARGIN + column * COLUMN, MARGIN + 30 + row * ROW


def _curve(*points: tuple[float, float]) -> str:
    """An SVG cubic curve from the first point to the last, bent by the two between."""
    (x0, y0), *rest = points
    return f"M{x0:.1f},{y0:.1f} C" + " ".join(f"{x:.1f},{y:.1f}" for x, y in rest)


def trail_drawing(diagram: Diagram) -> dict[str, object]:
    """Accounts as boxes in hop columns, flows as curves as wide as their share of the money."""
    boxes = {}
    for account in diagram.accounts.values():
        x, y = _box_of(account.column, account.row)
        rests = ", ".join(f"{a} {c}" for c, a in sorted(account.rests.items()))
        boxes[account.name] = Box(account.name, x, y, rests, account.networks)
    widest: dict[str, Decimal] = {}
    for flow in diagram.flows:
        widest[flow.currency] = max(widest.get(flow.currency, Decimal(0)), flow.amount)
    arrows = []
    for flow in diagram.flows:
        start, end = boxes[flow.source], boxes[flow.target]
        share = float(flow.amount / widest[flow.currency]) if widest[flow.currency] else 0.0
        x1, y1 = start.x + BOX_W, start.y + BOX_H / 2
        x2, y2 = end.x, end.y + BOX_H / 2
        if flow.back:  # around below both boxes, so it does not cross them
            low = max(start.y, end.y) + BOX_H + 58
            ends = (x1 - 20, y1 + BOX_H / 2), (x2 + 20, y2 + BOX_H / 2)
            path = _curve(ends[0], (x1, low), (x2, low), ends[1])
            label_x, label_y = (x1 + x2) / 2, low - 10
        else:
            bend = (x2 - x1) / 2
            path = _curve((x1, y1), (x1 + bend, y1), (x2 - bend, y2), (x2, y2))
            label_x, label_y = (x1 + x2) / 2, min(y1, y2) - 12
        label = f"{flow.amount} {flow.currency}"
        title = f"{flow.source} → {flow.target}: {label}"
        arrows.append(Arrow(path, 1.5 + 12 * share, label, label_x, label_y, flow.back, title))
    rows = max((a.row for a in diagram.accounts.values()), default=0) + 1
    width = 2 * MARGIN + (diagram.columns - 1) * COLUMN + BOX_W
    height = MARGIN + 30 + rows * ROW + 60
    return {"boxes": list(boxes.values()), "arrows": arrows, "width": width, "height": height,
            "box_w": BOX_W, "box_h": BOX_H,
            "columns": [(MARGIN + c * COLUMN, c) for c in range(diagram.columns)]}  # fmt: skip


#: the fields of a node in the page's JSON, in order: rows instead of objects halve its size
NODE_FIELDS = ("id", "kind", "label", "group", "status", "x", "y", "degree", "facts")


def page_graph(picture: Picture) -> dict[str, object]:
    """The picture as the page's script reads it: nodes and edges as rows, positions rounded."""
    nodes = [
        [n.id, n.kind, n.label, n.group, n.status, round(n.x), round(n.y), n.degree, n.facts]
        for n in picture.nodes.values()
    ]
    return {"fields": NODE_FIELDS, "nodes": nodes, "edges": picture.edges}
