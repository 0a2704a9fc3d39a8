"""Scoped reads of reports, identifiers and persons: the stage functions the faces call.

Each takes the principal and filters through ``scope.visible``; each read of
personal data is written to the audit log with the user and the justification
in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, select, tuple_
from sqlalchemy.orm import Session

from fraudlink.access.agencies import agency_codes
from fraudlink.access.principal import Principal
from fraudlink.access.scope import get_visible, name_reader, visible
from fraudlink.audit import AuditEvent, record_events
from fraudlink.errors import NotFound
from fraudlink.extract.base import Context
from fraudlink.ingest import IngestSummary
from fraudlink.ingest.identifiers import canonical_kind, normalise_field
from fraudlink.ingest.lines import LineResult, ingest_lines
from fraudlink.link.networks.tables import LinkReport
from fraudlink.screen.tables import ScreenHit
from fraudlink.store import Database
from fraudlink.store.schema import (
    Agency,
    Case,
    Entity,
    EntityDocument,
    EntityName,
    Identifier,
    Report,
    ReportIdentifier,
    ReportRole,
)

MAX_PAGE = 200


@dataclass(frozen=True)
class ReportQuery:
    text: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    scam_type: str | None = None
    identifier_kind: str | None = None
    identifier: str | None = None
    agency: str | None = None
    after: int = 0
    limit: int = 50


@dataclass
class Page:
    items: list[dict[str, Any]] = field(default_factory=list)
    next_cursor: int | None = None


def audit_read(
    session: Session, principal: Principal, purpose: str, record_type: str, ids: Sequence[int]
) -> None:
    """The law-enforcement logging rule: who read which personal data, when, and why."""
    record_events(
        session,
        [
            AuditEvent("read", record_type, str(i), principal.username, purpose, principal.agency)
            for i in ids
        ],
    )


def iso(moment: dt.datetime) -> str:
    """UTC with its offset, whatever the database kept (SQLite drops the zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).isoformat()


def report_json(report: Report, agency: str, identifiers: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "id": report.external_id,
        "agency": agency,
        "reported_at": iso(report.reported_at),
        "country": report.country,
        "language": report.language,
        "scam_type": report.scam_type,
        "tlp": report.tlp,
        "narrative": report.narrative,
        "victim": report.victim,
        "identifiers": identifiers,
    }


def _identifiers_of(session: Session, report_id: int) -> list[dict[str, str]]:
    rows = session.execute(
        select(Identifier.kind, Identifier.value)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .where(ReportIdentifier.report_id == report_id)
        .distinct()
        .order_by(Identifier.kind, Identifier.value)
    )
    return [{"kind": kind, "value": value} for kind, value in rows]


def report_id_of(session: Session, agency: str, external_id: str) -> int:
    """The stored id of a report named as agency/id; callers then ask the scoping layer."""
    report_id = session.scalar(
        select(Report.id)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Agency.code == agency, Report.external_id == external_id)
    )
    if report_id is None:
        raise NotFound(f"No report {agency}/{external_id} is visible to you.")
    return int(report_id)


def record_id_of(
    session: Session, record_type: str, agency: str | None, key: str, case: str | None = None
) -> int:
    """A report is named by agency and id, an evidence item by its case and SHA-256, an
    entity by its number."""
    if record_type == "report":
        return report_id_of(session, agency or "", key)
    if record_type == "evidence_item":
        return _evidence_id_of(session, case or "", key)
    if not key.isdigit() or len(key) > 18:
        raise NotFound(f"No {record_type} {key} is visible to you.")
    return int(key)


def _evidence_id_of(session: Session, case: str, sha256: str) -> int:
    from fraudlink.share.tables import EvidenceItem

    found = session.scalar(
        select(EvidenceItem.id)
        .join(Case, Case.id == EvidenceItem.case_id)
        .where(Case.reference == case, EvidenceItem.sha256 == sha256.lower())
    )
    if found is None:
        raise NotFound(f"No evidence {sha256[:12]} of case '{case}' is visible to you.")
    return int(found)


def get_report(
    session: Session, principal: Principal, agency: str, external_id: str, purpose: str
) -> dict[str, Any]:
    report_id = report_id_of(session, agency, external_id)
    report = get_visible(session, principal, "report", report_id, f"{agency}/{external_id}")
    audit_read(session, principal, purpose, "report", [report.id])
    return report_json(report, agency, _identifiers_of(session, report.id))


def _identifier_ids(query: ReportQuery) -> Any:
    kind = canonical_kind(query.identifier_kind or "")
    match = normalise_field(kind, query.identifier or "", Context(region=query.country))
    return (
        select(ReportIdentifier.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .where(Identifier.kind == match.kind, Identifier.value == match.value)
    )


def _filters(query: ReportQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Report.id > query.after]
    if query.text:
        where.append(Report.narrative.ilike(f"%{query.text}%"))
    if query.since:
        where.append(Report.reported_at >= dt.datetime.combine(query.since, dt.time(), dt.UTC))
    if query.until:
        end = dt.datetime.combine(query.until + dt.timedelta(days=1), dt.time(), dt.UTC)
        where.append(Report.reported_at < end)
    if query.country:
        where.append(Report.country == query.country.upper())
    if query.scam_type:
        where.append(Report.scam_type == query.scam_type)
    if query.identifier and query.identifier_kind:
        where.append(Report.id.in_(_identifier_ids(query)))
    if query.agency:
        where.append(Report.agency_id.in_(select(Agency.id).where(Agency.code == query.agency)))
    return where


def search_reports(
    session: Session, principal: Principal, query: ReportQuery, purpose: str
) -> Page:
    limit = max(1, min(query.limit, MAX_PAGE))
    rows = list(
        session.scalars(
            select(Report)
            .where(visible(principal, "report"), *_filters(query))
            .order_by(Report.id)
            .limit(limit + 1)
        )
    )
    page, more = rows[:limit], len(rows) > limit
    codes = agency_codes(session, {r.agency_id for r in page})
    audit_read(session, principal, purpose, "report", [r.id for r in page])
    return Page(
        [report_json(r, codes[r.agency_id], []) | {"victim": None} for r in page],
        page[-1].id if more else None,
    )


@lru_cache(maxsize=512)
def _lookup_statement(principal: Principal) -> Select[str, str, dt.datetime]:
    """One statement per principal with the identifier as parameters: the look-up is the
    API's busiest read, and building the statement (and its cache key) each time cost more
    than running it."""
    return (
        select(Report.external_id, Agency.code, Report.reported_at)
        .join(ReportIdentifier, ReportIdentifier.report_id == Report.id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Identifier.kind == bindparam("kind"), Identifier.value == bindparam("value"))
        .where(visible(principal, "report"))
        .distinct()
        .order_by(Report.reported_at)
        .limit(MAX_PAGE)
    )


def lookup_identifier(
    session: Session, principal: Principal, kind: str, value: str, country: str | None
) -> dict[str, Any]:
    """An identifier in normal form and the visible reports naming it; unseen means not found."""
    match = normalise_field(kind, value, Context(region=country.upper() if country else None))
    found = {"kind": match.kind, "value": match.value}
    rows = session.execute(_lookup_statement(principal), found).all()
    if not rows:
        raise NotFound(f"No {match.kind} {match.value} is visible to you.")
    return {
        "kind": match.kind,
        "value": match.value,
        "valid": match.valid,
        "reports": [
            {"agency": code, "id": external, "reported_at": iso(at)} for external, code, at in rows
        ],
    }


def person_json(session: Session, entity: Entity) -> dict[str, Any]:
    roles = session.execute(
        select(ReportRole.role, Report.external_id)
        .join(Report, Report.id == ReportRole.report_id)
        .where(ReportRole.entity_id == entity.id)
    )
    return {
        "id": entity.id,
        "schema": entity.schema,
        "name": entity.name,
        "birth_date": entity.birth_date.isoformat() if entity.birth_date else None,
        "nationality": entity.nationality,
        "tlp": entity.tlp,
        "roles": [{"role": role, "report": report} for role, report in roles],
    }


def get_person(session: Session, principal: Principal, entity_id: int, purpose: str) -> Any:
    entity = get_visible(session, principal, "entity", entity_id)
    audit_read(session, principal, purpose, "entity", [entity.id])
    return person_json(session, entity)


def list_persons(
    session: Session, principal: Principal, after: int, limit: int, purpose: str
) -> Page:
    limit = max(1, min(limit, MAX_PAGE))
    rows = list(
        session.scalars(
            select(Entity)
            .where(visible(principal, "entity"), Entity.id > after)
            .order_by(Entity.id)
            .limit(limit + 1)
        )
    )
    page = rows[:limit]
    audit_read(session, principal, purpose, "entity", [e.id for e in page])
    return Page([person_json(session, e) for e in page], page[-1].id if len(rows) > limit else None)


def submit_reports(
    database: Database, principal: Principal, lines: Iterable[str]
) -> tuple[IngestSummary, list[LineResult]]:
    """Ingest lines for the principal's agencies; the submitter is named on TLP:RED ones."""
    summary, results = ingest_lines(database, lines, principal.username, principal.unit_codes)
    written = [(r.agency, r.id) for r in results if r.red and r.status in ("loaded", "updated")]
    if written:
        _name_on_red(database, principal, written)
    return summary, results


def _name_on_red(database: Database, principal: Principal, keys: list[tuple[Any, Any]]) -> None:
    with database.session() as session:
        ids = session.scalars(
            select(Report.id)
            .join(Agency, Agency.id == Report.agency_id)
            .where(Report.tlp == "RED", tuple_(Agency.code, Report.external_id).in_(keys))
        )
        for report_id in ids:
            name_reader(session, "report", report_id, principal.user_id)


def report_detail(
    session: Session, principal: Principal, agency: str, external_id: str, purpose: str
) -> dict[str, Any]:
    """A report for reading: its fields, where its identifiers and names sit in the narrative
    (offsets from extraction), the persons it names that the principal may see, its network."""
    found = get_report(session, principal, agency, external_id, purpose)
    report_id = report_id_of(session, agency, external_id)
    marks: list[dict[str, Any]] = [
        {"start": start, "end": end, "kind": kind, "value": value}
        for kind, value, start, end in session.execute(
            select(Identifier.kind, Identifier.value, ReportIdentifier.start, ReportIdentifier.end)
            .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
            .where(ReportIdentifier.report_id == report_id, ReportIdentifier.start.is_not(None))
        )
    ]
    persons = list(
        session.execute(
            select(Entity.id, Entity.name, Entity.properties, ReportRole.role)
            .join(ReportRole, ReportRole.entity_id == Entity.id)
            .where(ReportRole.report_id == report_id, visible(principal, "entity"))
            .order_by(Entity.id)
        )
    )
    audit_read(session, principal, purpose, "entity", [row[0] for row in persons])
    for entity_id, name, properties, role in persons:
        start, end = (properties or {}).get("start"), (properties or {}).get("end")
        if isinstance(start, int) and isinstance(end, int):
            marks.append({"start": start, "end": end, "kind": "person", "value": name,
                          "entity": entity_id, "role": role})  # fmt: skip
    network = session.scalar(select(LinkReport.network_id).where(LinkReport.report_id == report_id))
    return found | {
        "marks": sorted(marks, key=lambda mark: (mark["start"], -mark["end"])),
        "persons": [{"id": i, "name": n, "role": r} for i, n, _p, r in persons],
        "network": network,
    }


def person_detail(
    session: Session, principal: Principal, entity_id: int, purpose: str
) -> dict[str, Any]:
    """A person or organisation: names in every script with a Latin reading, documents,
    roles, and screening hits with their explanation."""
    from anyascii import anyascii

    found: dict[str, Any] = get_person(session, principal, entity_id, purpose)
    names = [(found["name"], False)] + [
        (name, alias)
        for name, alias in session.execute(
            select(EntityName.name, EntityName.is_alias).where(EntityName.entity_id == entity_id)
        )
        if name != found["name"]
    ]
    documents = session.execute(
        select(EntityDocument.kind, EntityDocument.number, EntityDocument.country).where(
            EntityDocument.entity_id == entity_id
        )
    )
    hits = session.scalars(
        select(ScreenHit)
        .where(ScreenHit.subject == f"entity:{entity_id}")
        .order_by(ScreenHit.score.desc())
    )
    return found | {
        "names": [
            {"name": name, "alias": alias, "latin": anyascii(name) if not name.isascii() else None}
            for name, alias in names
        ],
        "documents": [{"kind": k, "number": n, "country": c} for k, n, c in documents],
        "hits": [
            {
                "list": h.list_name,
                "entry": h.entry_id,
                "caption": h.caption,
                "score": round(h.score, 3),
                "explanation": h.explanation,
            }
            for h in hits
        ],
    }
