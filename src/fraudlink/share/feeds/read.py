"""What a partner's tools read: TAXII pages of STIX objects, and the MISP feed's files.

Every read is bounded to one partner (the signed-in agency) and to releases
that stand, plus the revoked versions that tell a partner's tool to stop using
a withdrawn indicator. A page's cursor is the last row id it held, so objects
added while a client pages through come after it, never in the middle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from fraudlink.errors import InputError, NotFound
from fraudlink.share.feeds.tables import COLLECTIONS, FeedObject, FeedRelease
from fraudlink.share.feeds.wire import attribute_hashes, stix_time

MANIFEST_KEYS = ("Orgc", "Tag", "info", "date", "analysis", "threat_level_id", "timestamp")
NUMBERS = ("analysis", "threat_level_id", "timestamp")  # numbers in a manifest, text in an event


@dataclass(frozen=True)
class Filter:
    """TAXII's filters: ``added_after``, ``match[id]``, ``match[type]``, ``match[version]``."""

    added_after: dt.datetime | None = None
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    all_versions: bool = False


@dataclass(frozen=True)
class Row:
    stix_id: str
    version: str
    added: str
    body: dict[str, Any]


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    more: bool
    next: str | None


def check_collection(name: str) -> str:
    if name not in COLLECTIONS:
        raise NotFound(f"No collection '{name}'; the collections are {', '.join(COLLECTIONS)}.")
    return name


def cursor(next_value: str | None) -> int:
    if not next_value:
        return 0
    if not next_value.isdigit() or len(next_value) > 18:
        raise InputError("'next' is not a value this server gave; start again without it.")
    return int(next_value)


def _standing(partner_id: int, collection: str) -> ColumnElement[bool]:
    active = select(FeedRelease.id).where(
        FeedRelease.partner_id == partner_id, FeedRelease.withdrawn_at.is_(None)
    )
    return and_(
        FeedObject.partner_id == partner_id,
        FeedObject.collection == collection,
        or_(FeedObject.release_id.in_(active), FeedObject.revocation.is_(True)),
    )


def _row(found: FeedObject) -> Row:
    return Row(found.stix_id, found.version, stix_time(found.added_at), found.body)


def objects(
    session: Session,
    partner_id: int,
    collection: str,
    where: Filter,
    after: int = 0,
    limit: int = 100,
) -> Page:
    """One page of the collection; only each object's latest version unless all are asked."""
    standing = _standing(partner_id, check_collection(collection))
    query = select(FeedObject).where(standing, FeedObject.id > after)
    if not where.all_versions:
        latest = select(func.max(FeedObject.id)).where(standing).group_by(FeedObject.stix_id)
        query = query.where(FeedObject.id.in_(latest))
    if where.added_after is not None:
        query = query.where(FeedObject.added_at > where.added_after.astimezone(dt.UTC))
    if where.ids:
        query = query.where(FeedObject.stix_id.in_(where.ids))
    if where.types:
        query = query.where(or_(*(FeedObject.stix_id.startswith(f"{t}--") for t in where.types)))
    found = session.scalars(query.order_by(FeedObject.id).limit(limit + 1)).all()
    page = found[:limit]
    more = len(found) > limit
    return Page([_row(f) for f in page], more, str(page[-1].id) if more else None)


def _releases(session: Session, partner_id: int) -> list[FeedRelease]:
    return list(
        session.scalars(
            select(FeedRelease)
            .where(FeedRelease.partner_id == partner_id, FeedRelease.withdrawn_at.is_(None))
            .order_by(FeedRelease.id)
        )
    )


def manifest(session: Session, partner_id: int) -> dict[str, dict[str, Any]]:
    """MISP's ``manifest.json``: each standing event's uuid with what a pull compares."""
    entries = {}
    for release in _releases(session, partner_id):
        event = release.misp_event["Event"]
        entry = {key: event[key] for key in MANIFEST_KEYS if key in event}
        entries[release.event_uuid] = entry | {key: int(entry[key]) for key in NUMBERS}
    return entries


def event(session: Session, partner_id: int, event_uuid: str) -> dict[str, Any]:
    """One event file of the feed, or NotFound for an unknown or withdrawn one."""
    found = session.scalar(
        select(FeedRelease).where(
            FeedRelease.partner_id == partner_id,
            FeedRelease.event_uuid == event_uuid,
            FeedRelease.withdrawn_at.is_(None),
        )
    )
    if found is None:
        raise NotFound(f"No event {event_uuid} in your feed; manifest.json lists them.")
    return found.misp_event


def hashes(session: Session, partner_id: int) -> str:
    """MISP's ``hashes.csv``: md5 of each attribute value, then its event uuid, a line each."""
    lines = [
        f"{digest},{release.event_uuid}\n"
        for release in _releases(session, partner_id)
        for digest in attribute_hashes(release.misp_event)
    ]
    return "".join(lines)
