"""Cursor pagination shared by every list: an opaque cursor, a bounded page size."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeVar

from fastapi import Path, Query

from fraudlink.errors import InputError

CursorQuery = Annotated[
    str | None,
    Query(max_length=32, description="next_cursor of the previous page", examples=["120"]),
]
#: A stored id in a path: positive and within a BIGINT, so no database refuses it.
IdPath = Annotated[int, Path(ge=1, le=2**63 - 1)]
LimitQuery = Annotated[int, Query(ge=1, le=200, description="items per page")]
T = TypeVar("T")


def after(cursor: str | None) -> int:
    """The id the page starts after; cursors are ids today, opaque to clients."""
    if cursor is None or cursor == "":
        return 0
    if not cursor.isdigit() or len(cursor) > 18:
        raise InputError("The cursor is not one this server gave; start again without it.")
    return int(cursor)


def next_cursor(last: int | None) -> str | None:
    return None if last is None else str(last)


def offset_page(rows: Sequence[T], cursor: str | None, limit: int) -> tuple[list[T], str | None]:
    """One page of a list computed whole (ranked, not stored in id order): cursors are offsets."""
    start = after(cursor)
    more = len(rows) > start + limit
    return list(rows[start : start + limit]), next_cursor(start + limit if more else None)
