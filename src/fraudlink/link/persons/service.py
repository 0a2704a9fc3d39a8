"""Resolution against the store: read records and judgements, run, write links and clusters."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, delete, insert, select

from fraudlink.link.persons.judgements import (
    Judgement,
    current_judgements,
    find_record,
    record_judgement,
)
from fraudlink.link.persons.records import PersonRecord, load_persons
from fraudlink.link.persons.resolve import Resolution, resolve_records
from fraudlink.link.persons.tables import PersonCluster, PersonLink
from fraudlink.store import Database


@dataclass(frozen=True, slots=True)
class RunSummary:
    records: int
    links: int
    clusters: int
    merged: int  # clusters of two records or more
    refused: int  # links a "not the same" judgement kept apart
    engine: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)  # a slotted dataclass has no __dict__


def _pairs_by_id(
    records: list[PersonRecord], judgements: dict[tuple[str, str], Judgement], kind: str
) -> list[tuple[int, int]]:
    ids = {record.key: record.id for record in records}
    return [
        (ids[left], ids[right])
        for (left, right), judgement in judgements.items()
        if judgement.judgement == kind and left in ids and right in ids
    ]


def _store(conn: Connection, resolution: Resolution) -> None:
    conn.execute(delete(PersonLink))
    conn.execute(delete(PersonCluster))
    links = [
        {
            "left_id": link.left,
            "right_id": link.right,
            "probability": link.probability,
            "evidence": json.dumps(link.weights, sort_keys=True),
        }
        for link in resolution.links
    ]
    if links:
        conn.execute(insert(PersonLink), links)
    now = dt.datetime.now(dt.UTC)
    rows = [
        {"entity_id": entity, "cluster_id": label, "resolved_at": now}
        for entity, label in resolution.clusters.items()
    ]
    if rows:
        conn.execute(insert(PersonCluster), rows)


def resolve(database: Database, engine: str = "duckdb") -> RunSummary:
    """Re-run person resolution over the whole store, honouring every judgement in force."""
    with database.engine.connect() as conn:
        records = load_persons(conn)
        judgements = current_judgements(conn)
    same = _pairs_by_id(records, judgements, "same")
    not_same = _pairs_by_id(records, judgements, "not_same")
    resolution = resolve_records(records, engine, same, not_same)
    with database.engine.begin() as conn:
        _store(conn, resolution)
    sizes: dict[int, int] = defaultdict(int)
    for label in resolution.clusters.values():
        sizes[label] += 1
    return RunSummary(
        records=len(records),
        links=len(resolution.links),
        clusters=len(sizes),
        merged=sum(1 for size in sizes.values() if size > 1),
        refused=len(resolution.refused),
        engine=engine,
    )


def judge(
    database: Database, a: str, b: str, judgement: str, user: str, reason: str | None = None
) -> Judgement:
    """Record a human decision on two records named by entity id or stable key."""
    with database.engine.begin() as conn:
        records = {record.key: record for record in load_persons(conn)}
        left, right = find_record(records, a), find_record(records, b)
        return record_judgement(conn, left.key, right.key, judgement, user, reason)


@dataclass(frozen=True, slots=True)
class Cluster:
    id: int
    members: list[PersonRecord]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "size": len(self.members),
            "names": sorted({m.name for m in self.members}),
            "agencies": sorted({m.agency for m in self.members}),
            "records": [{"id": m.id, "key": m.key, "name": m.name} for m in self.members],
        }


def clusters(database: Database, min_size: int = 1) -> list[Cluster]:
    """The clusters of the last run, largest first; records added since stand alone."""
    with database.engine.connect() as conn:
        records = load_persons(conn)
        labels = dict(conn.execute(select(PersonCluster.entity_id, PersonCluster.cluster_id)).all())
    groups: dict[int, list[PersonRecord]] = defaultdict(list)
    for record in records:
        groups[labels.get(record.id, record.id)].append(record)
    found = [Cluster(label, members) for label, members in groups.items()]
    found = [c for c in found if len(c.members) >= min_size]
    return sorted(found, key=lambda c: (-len(c.members), c.id))
