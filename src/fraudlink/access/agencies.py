"""Agencies hosted on one server and their units (a national centre and its provinces)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.errors import InputError, NotFound
from fraudlink.store.schema import Agency


def agency_by_code(session: Session, code: str) -> Agency:
    agency = session.scalar(select(Agency).where(Agency.code == code))
    if agency is None:
        raise NotFound(
            f"No agency '{code}' on this server; create it with `fraudlink agency init`."
        )
    return agency


def agency_codes(session: Session, ids: Iterable[int]) -> dict[int, str]:
    rows = session.execute(select(Agency.id, Agency.code).where(Agency.id.in_(set(ids))))
    return {agency_id: code for agency_id, code in rows}


def set_parent(session: Session, code: str, parent: str) -> None:
    """Put ``code`` under ``parent``; a cycle would make each the other's unit, so it is refused."""
    child, above = agency_by_code(session, code), agency_by_code(session, parent)
    if above.id in units_of(session, child.id):
        raise InputError(f"'{parent}' is '{code}' or one of its units; choose another parent.")
    child.parent_id = above.id
    session.flush()


def units_of(session: Session, agency_id: int) -> frozenset[int]:
    """The agency and every unit below it, however deep (the table is small: read it whole)."""
    children: dict[int, list[int]] = defaultdict(list)
    for child, parent in session.execute(select(Agency.id, Agency.parent_id)):
        if parent is not None:
            children[parent].append(child)
    found, todo = {agency_id}, [agency_id]
    while todo:
        for child in children[todo.pop()]:
            if child not in found:
                found.add(child)
                todo.append(child)
    return frozenset(found)
