"""Naming a package by the beginning of its id, as people read ids off a listing.

A UUID is long to type and to read over the phone; ``package list`` and
``partner inbox`` show them whole, and every command that takes one accepts an
unambiguous beginning of it. The same rule wherever a package is named, so an
officer never has to learn which command wants the whole id.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fraudlink.errors import InputError, NotFound

#: the shortest beginning of a package id taken for the whole (``package list`` shows them)
SHORTEST_PREFIX = 6
_CANDIDATES = 10
Row = TypeVar("Row")


def by_prefix(
    session: Session,
    query: Select[Row],
    column: InstrumentedAttribute[str],
    wanted: str,
    missing: str,
) -> Row:
    """The row of ``query`` whose ``column`` is ``wanted``, or begins with it (at least
    ``SHORTEST_PREFIX`` characters) and no other does; ``missing`` is the not-found message."""
    exact = session.scalars(query.where(column == wanted)).first()
    if exact is not None:
        return exact
    rows: list[Row] = []
    if len(wanted) >= SHORTEST_PREFIX:
        starting = query.where(column.startswith(wanted, autoescape=True))
        rows = list(session.scalars(starting.order_by(column).limit(_CANDIDATES + 1)))
    if not rows:
        raise NotFound(missing)
    ids = list(dict.fromkeys(getattr(row, column.key) for row in rows))
    if len(ids) > 1:
        more = " and more" if len(rows) > _CANDIDATES else ""
        raise InputError(
            f"{wanted!r} begins several package ids ({', '.join(ids[:_CANDIDATES])}{more}); "
            "give more of it."
        )
    return rows[0]
