"""Person records as the resolver sees them, read from the store.

A record gathers what one agency's report says about one person: the name and
its aliases in any script, birth date, nationality, document numbers, and the
phones that the same report names (weak evidence, weighed by the model).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from fraudlink.store.schema import (
    Agency,
    Entity,
    EntityDocument,
    EntityName,
    Identifier,
    Report,
    ReportIdentifier,
)

PHONE_KINDS = ("phone", "whatsapp")
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One agency's view of one person; ``key`` survives re-imports, ``id`` may not."""

    id: int
    key: str
    agency: str
    name: str
    aliases: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    nationality: str | None = None
    documents: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def person_key(agency: str, report: str | None, name: str, entity_id: int) -> str:
    """``AGENCY/REPORT/NAME``, or ``AGENCY/#ID`` for a person no report introduced."""
    if report is None:
        return f"{agency}/#{entity_id}"
    return f"{agency}/{report}/{name}"


def clean_document(number: str) -> str:
    """Document numbers compared without spaces, dashes or case: ``e 1234-567`` = ``E1234567``."""
    return _NOT_ALNUM.sub("", number).upper()


def _aliases(conn: Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = select(EntityName.entity_id, EntityName.name).where(EntityName.is_alias)
    for entity_id, name in conn.execute(query):
        found[entity_id].append(name)
    return found


def _documents(conn: Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for entity_id, number in conn.execute(select(EntityDocument.entity_id, EntityDocument.number)):
        if clean_document(number):
            found[entity_id].append(clean_document(number))
    return found


def _phones(conn: Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = (
        select(ReportIdentifier.report_id, Identifier.value)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .where(Identifier.kind.in_(PHONE_KINDS), Identifier.valid)
    )
    for report_id, value in conn.execute(query):
        found[report_id].append(value)
    return found


def load_persons(conn: Connection) -> list[PersonRecord]:
    """Every Person entity of every agency, with aliases, documents and report phones."""
    aliases, documents, phones = _aliases(conn), _documents(conn), _phones(conn)
    query = (
        select(
            Entity.id,
            Entity.name,
            Entity.birth_date,
            Entity.nationality,
            Entity.source_report_id,
            Agency.code,
            Report.external_id,
        )
        .join(Agency, Agency.id == Entity.agency_id)
        .outerjoin(Report, Report.id == Entity.source_report_id)
        .where(Entity.schema == "Person")
        .order_by(Entity.id)
    )
    records = []
    for id_, name, birth, nationality, source, agency, report in conn.execute(query):
        records.append(
            PersonRecord(
                id=id_,
                key=person_key(agency, report, name, id_),
                agency=agency,
                name=name,
                aliases=tuple(sorted(set(aliases.get(id_, ())))),
                birth_date=birth,
                nationality=nationality,
                documents=tuple(sorted(set(documents.get(id_, ())))),
                phones=tuple(sorted(set(phones.get(source or -1, ())))),
            )
        )
    return records
