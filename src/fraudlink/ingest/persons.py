"""Persons and organisations of a report, given in its fields or named in its narrative.

Each becomes an entity of the reporting agency with its role in the report;
resolving them across reports, agencies and scripts is the link stage's work.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from fraudlink.extract.base import Match
from fraudlink.ingest.model import PersonField
from fraudlink.ingest.readers import Parsed, jsonable
from fraudlink.store.schema import PERSON_ROLES, Entity, EntityDocument, EntityName, ReportRole

SCHEMAS = {"person": "Person", "organization": "Organization"}


@dataclass
class PersonRow:
    report_id: int
    agency_id: int
    name: str
    schema: str
    role: str
    tlp: str
    nationality: str | None = None
    birth_date: dt.date | None = None
    aliases: list[str] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def given(
        cls, report_id: int, agency_id: int, parsed: Parsed, person: PersonField
    ) -> PersonRow:
        return cls(report_id, agency_id, person.name, person.schema_, person.role or "other",
                   parsed.report.tlp, person.nationality, person.birth_date, list(person.aliases),
                   [doc.model_dump() for doc in person.documents],
                   jsonable(dict(person.model_extra or {})))  # fmt: skip

    @classmethod
    def narrated(cls, report_id: int, agency_id: int, parsed: Parsed, match: Match) -> PersonRow:
        """A name the extractor found in the narrative, with where it was written."""
        provenance = {"origin": "narrative", "raw": match.raw, "start": match.start,
                      "end": match.end}  # fmt: skip
        role = match.attributes.get("role", "other")
        role = role if role in PERSON_ROLES else "other"  # a label's role the format lacks
        return cls(report_id, agency_id, match.value, SCHEMAS[match.kind], role,
                   parsed.report.tlp, properties=provenance)  # fmt: skip


def _entity_ids(conn: Connection, report_ids: list[int]) -> list[int]:
    """Ids of the entities just written, in the order they were written.

    Ids rise in insertion order within a transaction on SQLite and PostgreSQL,
    and a report's earlier entities were deleted before it was rewritten.
    """
    unique = sorted(set(report_ids))
    by_report: dict[int, deque[int]] = {}
    for start in range(0, len(unique), 500):
        query = select(Entity.source_report_id, Entity.id).where(
            Entity.source_report_id.in_(unique[start : start + 500])
        )
        rows: list[tuple[int, int]] = [(r, e) for r, e in conn.execute(query) if r is not None]
        for report_id, entity_id in sorted(rows):
            by_report.setdefault(report_id, deque()).append(entity_id)
    return [by_report[report_id].popleft() for report_id in report_ids]


def write_persons(conn: Connection, persons: list[PersonRow]) -> None:
    if not persons:
        return
    conn.execute(insert(Entity), [
        {"schema": p.schema, "name": p.name, "birth_date": p.birth_date,
         "nationality": p.nationality, "source_report_id": p.report_id, "agency_id": p.agency_id,
         "properties": p.properties, "tlp": p.tlp}
        for p in persons
    ])  # fmt: skip
    entity_ids = _entity_ids(conn, [person.report_id for person in persons])
    names: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    roles: dict[tuple[int, int, str], dict[str, Any]] = {}
    for entity_id, person in zip(entity_ids, persons, strict=True):
        names.append({"entity_id": entity_id, "name": person.name, "is_alias": False})
        names += [{"entity_id": entity_id, "name": a, "is_alias": True} for a in person.aliases]
        documents += [{"entity_id": entity_id, **doc} for doc in person.documents]
        key = (person.report_id, entity_id, person.role)
        roles[key] = {"report_id": person.report_id, "entity_id": entity_id, "role": person.role}
    for table, rows in ((EntityName, names), (EntityDocument, documents), (ReportRole, roles)):
        if rows:
            conn.execute(insert(table), list(rows.values()) if isinstance(rows, dict) else rows)
