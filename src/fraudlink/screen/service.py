"""Screening our own records: every person, organisation, account and wallet in the database.

Hits are stored per (subject, list, listed entry) with a fingerprint of the
score and the entry's content; a re-run after a list update reports only hits
that are new or whose fingerprint changed, and forgets hits that are gone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from fraudlink.screen.scoring import Hit, Query
from fraudlink.screen.searching import screener
from fraudlink.screen.tables import ScreenHit
from fraudlink.store import Database
from fraudlink.store.schema import Entity, EntityDocument, EntityName, Identifier

ACCOUNT_KINDS = ("crypto_wallet", "iban", "bank_account", "phone", "email")


@dataclass(frozen=True, slots=True)
class Subject:
    key: str  # "entity:12", "identifier:7"
    label: str
    query: Query


@dataclass(frozen=True, slots=True)
class Change:
    status: str  # "new" or "changed"
    subject: str
    hit: Hit

    def as_json(self) -> dict[str, object]:
        return {"status": self.status, "subject": self.subject, **self.hit.as_json()}


def _entity_subjects(connection: Connection) -> Iterator[Subject]:
    aliases: dict[int, list[str]] = {}
    for entity_id, name in connection.execute(select(EntityName.entity_id, EntityName.name)):
        aliases.setdefault(entity_id, []).append(name)
    documents: dict[int, list[tuple[str, str]]] = {}
    stmt = select(EntityDocument.entity_id, EntityDocument.kind, EntityDocument.number)
    for entity_id, kind, number in connection.execute(stmt):
        documents.setdefault(entity_id, []).append((kind, "".join(number.split()).upper()))
    for e in connection.execute(select(Entity)).all():
        names = tuple(dict.fromkeys([e.name, *aliases.get(e.id, [])]))
        query = Query(
            names,
            e.schema,
            (e.birth_date.isoformat(),) if e.birth_date else (),
            (e.nationality,) if e.nationality else (),
            tuple(documents.get(e.id, [])),
        )
        yield Subject(f"entity:{e.id}", e.name, query)


def _account_subjects(connection: Connection) -> Iterator[Subject]:
    stmt = select(Identifier.id, Identifier.kind, Identifier.value).where(
        Identifier.kind.in_(ACCOUNT_KINDS), Identifier.valid.is_(True)
    )
    for identifier_id, kind, value in connection.execute(stmt):
        yield Subject(
            f"identifier:{identifier_id}",
            f"{kind}:{value}",
            Query((), identifiers=((kind, value),)),
        )


def fingerprint(hit: Hit) -> str:
    text = f"{hit.score:.4f}|{hit.entry.content_hash()}"
    return hashlib.sha256(text.encode()).hexdigest()


def _record(
    connection: Connection, subject: Subject, hits: list[Hit], now: dt.datetime | None = None
) -> list[Change]:
    """Store this run's hits of ``subject``; return the new and the changed ones.

    ``now`` is the run's one time: a hit first seen in the newest run is "new".
    """
    now = now or dt.datetime.now(dt.UTC)
    stmt = select(ScreenHit.id, ScreenHit.list_name, ScreenHit.entry_id, ScreenHit.fingerprint)
    old = {
        (r.list_name, r.entry_id): r
        for r in connection.execute(stmt.where(ScreenHit.subject == subject.key))
    }
    changes: list[Change] = []
    for hit in hits:
        values = {
            "score": hit.score,
            "explanation": hit.explanation,
            "fingerprint": fingerprint(hit),
            "caption": hit.entry.caption[:512],
            "last_seen": now,
        }
        before = old.pop((hit.list_name, hit.entry.id), None)
        if before is None:
            connection.execute(
                insert(ScreenHit).values(
                    subject=subject.key,
                    subject_label=subject.label[:600],
                    list_name=hit.list_name,
                    entry_id=hit.entry.id,
                    first_seen=now,
                    **values,
                )
            )
            changes.append(Change("new", subject.label, hit))
        else:
            connection.execute(update(ScreenHit).where(ScreenHit.id == before.id).values(**values))
            if before.fingerprint != values["fingerprint"]:
                changes.append(Change("changed", subject.label, hit))
    if old:
        connection.execute(delete(ScreenHit).where(ScreenHit.id.in_([r.id for r in old.values()])))
    return changes


def screen_all(
    database: Database, limit: int = 5, progress: Callable[[int, int], None] | None = None
) -> list[Change]:
    """Screen every entity and account, store matching hits, return the new and changed ones.

    ``progress(done, total)`` is called as subjects are screened (a bar on a terminal).
    """
    engine = screener(database)
    changes: list[Change] = []
    run_at = dt.datetime.now(dt.UTC)
    with database.engine.begin() as connection:
        subjects = [*_entity_subjects(connection), *_account_subjects(connection)]
        for done, subject in enumerate(subjects, start=1):
            hits = [h for h in engine.search(subject.query, limit) if h.match]
            changes += _record(connection, subject, hits, run_at)
            if progress is not None and (done % 50 == 0 or done == len(subjects)):
                progress(done, len(subjects))
    return changes
