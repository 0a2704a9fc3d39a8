"""One report read back whole: what the victim said, what was found in it, where it links.

A report is named as ingested: ``AGENCY/ID`` (or ``AGENCY:ID``), or its bare id
when only one agency has a report of that id. The CLI, the API and the pages
all resolve names here, so a report written one way in one place is found the
same way in every other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Connection, select, true

from fraudlink.errors import InputError, NotFound
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import (
    Agency,
    Entity,
    Identifier,
    MoneyRecord,
    Report,
    ReportIdentifier,
    ReportRole,
)

SEPARATORS = ("/", ":")


def resolve_report(
    connection: Connection, reference: str, scope: ColumnElement[bool] | None = None
) -> int:
    """A report's database id from ``AGENCY/ID``, ``AGENCY:ID`` or an id only one agency uses.

    With a reader's ``scope`` only reports in it are found, so an unseen report is
    "not found" and never makes a bare id ambiguous.
    """
    seen = true() if scope is None else scope
    by_id = select(Report.id).where(Report.external_id == reference, seen)
    found = list(connection.execute(by_id))
    if not found:
        for separator in SEPARATORS:
            agency, sep, external = reference.partition(separator)
            if sep and agency and external:
                stmt = (
                    select(Report.id)
                    .join(Agency, Agency.id == Report.agency_id)
                    .where(Agency.code == agency, Report.external_id == external, seen)
                )
                found = list(connection.execute(stmt))
                if found:
                    break
    if not found:
        raise NotFound(f"No report {reference!r}; give AGENCY/ID as ingested.")
    if len(found) > 1:
        raise InputError(f"Several agencies have a report {reference!r}; write it as AGENCY/ID.")
    return int(found[0][0])


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    value: str
    raw: str
    origin: str
    status: str  # linked, hub, allowlisted, invalid (never links) or unlinked (not run yet)

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "value": self.value, "raw": self.raw,
                "origin": self.origin, "status": self.status}  # fmt: skip


@dataclass(slots=True)
class ReportView:
    """A report as its agency holds it, with the identifiers and persons found in it."""

    agency: str
    id: str
    reported_at: dt.datetime
    country: str | None
    language: str | None
    scam_type: str | None
    tlp: str
    narrative: str
    version: int
    source: str | None
    network: int | None
    identifiers: list[Mention] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    money: list[dict[str, str]] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return f"{self.agency}/{self.id}"

    def as_json(self) -> dict[str, object]:
        return {
            "reference": self.reference, "agency": self.agency, "id": self.id,
            "reported_at": self.reported_at.isoformat(), "country": self.country,
            "language": self.language, "scam_type": self.scam_type, "tlp": self.tlp,
            "narrative": self.narrative, "version": self.version, "source": self.source,
            "network": self.network, "identifiers": [m.as_json() for m in self.identifiers],
            "persons": self.persons, "money": self.money,
        }  # fmt: skip


def report_detail(database: Database, reference: str) -> ReportView:
    """The report named ``reference`` with its identifiers, persons, money and network."""
    with database.sessions() as session:
        connection = session.connection()
        report_id = resolve_report(connection, reference)
        row = session.execute(
            select(Report, Agency.code)
            .join(Agency, Agency.id == Report.agency_id)
            .where(Report.id == report_id)
        ).one()
        report = row[0]
        network = connection.execute(
            select(LinkReport.network_id).where(LinkReport.report_id == report_id)
        ).scalar_one_or_none()
        view = ReportView(
            row[1], report.external_id, report.reported_at, report.country, report.language,
            report.scam_type, report.tlp, report.narrative, report.version, report.source,
            network,
        )  # fmt: skip
        view.identifiers = _mentions(connection, report_id, linked=network is not None)
        view.persons = _persons(connection, report_id)
        view.money = _money(connection, report_id)
    return view


def _mentions(connection: Connection, report_id: int, linked: bool) -> list[Mention]:
    stmt = (
        select(Identifier.kind, Identifier.value, ReportIdentifier.raw, ReportIdentifier.origin,
               Identifier.valid, LinkIdentifier.status)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(ReportIdentifier.report_id == report_id)
        .order_by(ReportIdentifier.start, Identifier.kind, Identifier.value)
    )  # fmt: skip
    mentions = []
    for kind, value, raw, origin, valid, status in connection.execute(stmt):
        if not valid:
            status = "invalid"
        elif status is None:
            status = "linked" if linked else "unlinked"
        mentions.append(Mention(kind, value, raw, origin, status))
    return mentions


def _persons(connection: Connection, report_id: int) -> list[dict[str, Any]]:
    stmt = (
        select(Entity.id, Entity.name, Entity.schema, Entity.nationality, Entity.birth_date,
               ReportRole.role)
        .outerjoin(ReportRole, ReportRole.entity_id == Entity.id)
        .where(Entity.source_report_id == report_id)
        .order_by(Entity.id)
    )  # fmt: skip
    return [
        {"entity": entity, "name": name, "schema": schema, "nationality": nationality,
         "birth_date": birth.isoformat() if birth else None, "role": role}
        for entity, name, schema, nationality, birth, role in connection.execute(stmt)
    ]  # fmt: skip


def _money(connection: Connection, report_id: int) -> list[dict[str, str]]:
    stmt = select(MoneyRecord.kind, MoneyRecord.amount, MoneyRecord.currency).where(
        MoneyRecord.report_id == report_id
    )
    return [
        {"kind": kind, "amount": str(Decimal(amount)), "currency": currency}
        for kind, amount, currency in connection.execute(stmt)
    ]
