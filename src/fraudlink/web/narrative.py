"""The narrative cut into plain text and marked spans, from the extraction's offsets.

The template writes each piece through autoescape, so a narrative that holds
HTML shows it as text; a mark is only a link around escaped text. Overlapping
marks keep the first (longest at a start); offsets outside the text are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote


@dataclass(frozen=True)
class Piece:
    text: str
    href: str | None = None
    kind: str | None = None


def _href(mark: dict[str, Any]) -> str:
    if mark["kind"] == "person":
        return f"/persons/{int(mark['entity'])}"
    return f"/identifiers/{quote(str(mark['kind']), safe='')}/{quote(str(mark['value']), safe='')}"


def pieces(text: str, marks: list[dict[str, Any]]) -> list[Piece]:
    out: list[Piece] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        start, end = int(mark["start"]), int(mark["end"])
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], _href(mark), str(mark["kind"])))
        at = end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out
