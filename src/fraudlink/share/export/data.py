"""What an export may contain, read once from the database into plain records.

The three writers (STIX, MISP, FollowTheMoney) share this selection so that
the same rules hold for all of them: nothing above the requested TLP leaves;
an identifier is as restricted as the most restricted report naming it;
victims and witnesses, report narratives and the ``victim`` field never leave
(minimisation: a standard export serves intelligence, not victim contact);
payment cards leave masked, without the hash that would let a reader test
guesses of the full number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fraudlink.errors import InputError, NotFound
from fraudlink.extract.kinds.payment_card import mask
from fraudlink.store.schema import (
    TLP_LEVELS,
    Agency,
    Case,
    CaseReport,
    CaseSubject,
    Entity,
    EntityDocument,
    EntityName,
    Identifier,
    MoneyRecord,
    Report,
    ReportIdentifier,
    ReportRole,
)

HIDDEN_ROLES = frozenset({"victim", "witness"})


def tlp_rank(level: str) -> int:
    return TLP_LEVELS.index(level)


def check_tlp(level: str) -> str:
    normal = level.strip().upper().removeprefix("TLP:")
    if normal not in TLP_LEVELS:
        raise InputError(f"TLP '{level}' is not one of {', '.join(TLP_LEVELS)}.")
    return normal


def strictest(levels: Iterable[str], default: str = "CLEAR") -> str:
    return max(levels, key=tlp_rank, default=default)


@dataclass
class ExportIdentifier:
    id: int
    kind: str
    value: str
    attributes: dict[str, Any]
    tlp: str = "CLEAR"


@dataclass
class ExportEntity:
    id: int
    schema: str
    name: str
    aliases: list[str]
    birth_date: dt.date | None
    nationality: str | None
    documents: list[tuple[str, str, str | None]]
    roles: set[str]
    tlp: str


@dataclass
class ExportMoney:
    kind: str
    amount: Decimal
    currency: str
    occurred_on: dt.date | None


@dataclass
class ExportReport:
    id: int
    agency: str
    external_id: str
    reported_at: dt.datetime
    country: str | None
    scam_type: str | None
    tlp: str
    identifier_ids: list[int] = field(default_factory=list)
    entity_ids: list[int] = field(default_factory=list)
    money: list[ExportMoney] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.agency}/{self.external_id}"


@dataclass
class ExportCase:
    reference: str
    title: str
    status: str
    tlp: str
    lead_agency: str
    opened_at: dt.datetime
    report_ids: list[int]
    subjects: list[tuple[int, str]]
    money: list[ExportMoney]


@dataclass
class ExportData:
    """Everything one export holds, already filtered and minimised."""

    tlp_max: str
    reports: list[ExportReport]
    identifiers: dict[int, ExportIdentifier]
    entities: dict[int, ExportEntity]
    cases: list[ExportCase]

    @property
    def tlp(self) -> str:
        """The marking of the whole export: the strictest of what it holds."""
        levels = [r.tlp for r in self.reports] + [c.tlp for c in self.cases]
        return strictest([*levels, *(e.tlp for e in self.entities.values())])


def _visible(tlp_max: str) -> list[str]:
    return list(TLP_LEVELS[: tlp_rank(tlp_max) + 1])


def _case(session: Session, reference: str, tlp_max: str) -> Case:
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None:
        raise NotFound(f"No case '{reference}'; check the reference.")
    if tlp_rank(case.tlp) > tlp_rank(tlp_max):
        raise InputError(
            f"Case '{reference}' is TLP:{case.tlp}, above --tlp {tlp_max}; "
            "raise --tlp only if every recipient may see that level."
        )
    return case


def _money(rows: Sequence[MoneyRecord]) -> list[ExportMoney]:
    return [ExportMoney(m.kind, m.amount, m.currency, m.occurred_on) for m in rows]


def _reports(session: Session, query: Select[Report, str]) -> dict[int, ExportReport]:
    reports = {
        report.id: ExportReport(
            report.id,
            agency,
            report.external_id,
            report.reported_at,
            report.country,
            report.scam_type,
            report.tlp,
        )
        for report, agency in session.execute(query)
    }
    return reports


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _minimised(identifier: Identifier) -> ExportIdentifier:
    """Cards leave masked, with only their brand; other kinds as stored."""
    value, attributes = identifier.value, dict(identifier.attributes or {})
    if identifier.kind == "payment_card":
        digits = "".join(char for char in value if char.isdigit() or char == "*")
        value = digits if "*" in digits else mask(digits)
        attributes = {"brand": attributes.get("brand", "unknown")}
    return ExportIdentifier(identifier.id, identifier.kind, value, attributes)


def _attach_identifiers(
    session: Session, reports: dict[int, ExportReport]
) -> dict[int, ExportIdentifier]:
    found: dict[int, ExportIdentifier] = {}
    for ids in _chunks(sorted(reports)):
        query = (
            select(ReportIdentifier.report_id, Identifier)
            .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
            .where(ReportIdentifier.report_id.in_(ids), Identifier.valid.is_(True))
            .order_by(Identifier.id)
        )
        for report_id, identifier in session.execute(query):
            item = found.setdefault(identifier.id, _minimised(identifier))
            report = reports[report_id]
            item.tlp = strictest([item.tlp, report.tlp])
            if identifier.id not in report.identifier_ids:
                report.identifier_ids.append(identifier.id)
    return found


def _entity(entity: Entity) -> ExportEntity:
    return ExportEntity(
        entity.id,
        entity.schema,
        entity.name,
        [],
        entity.birth_date,
        entity.nationality,
        [],
        set(),
        entity.tlp,
    )


def _attach_roles(
    session: Session, reports: dict[int, ExportReport], visible: list[str]
) -> dict[int, ExportEntity]:
    entities: dict[int, ExportEntity] = {}
    for ids in _chunks(sorted(reports)):
        query = (
            select(ReportRole.report_id, ReportRole.role, Entity)
            .join(Entity, Entity.id == ReportRole.entity_id)
            .where(ReportRole.report_id.in_(ids), Entity.tlp.in_(visible))
        )
        for report_id, role, entity in session.execute(query):
            entities.setdefault(entity.id, _entity(entity)).roles.add(role)
            reports[report_id].entity_ids.append(entity.id)
    return entities


def _fill_names(session: Session, entities: dict[int, ExportEntity]) -> None:
    for ids in _chunks(sorted(entities)):
        names = select(EntityName).where(EntityName.entity_id.in_(ids), EntityName.is_alias)
        for name in session.scalars(names.order_by(EntityName.id)):
            entities[name.entity_id].aliases.append(name.name)
        documents = select(EntityDocument).where(EntityDocument.entity_id.in_(ids))
        for doc in session.scalars(documents.order_by(EntityDocument.id)):
            entities[doc.entity_id].documents.append((doc.kind, doc.number, doc.country))


def _attach_money(session: Session, reports: dict[int, ExportReport]) -> None:
    for ids in _chunks(sorted(reports)):
        query = select(MoneyRecord).where(MoneyRecord.report_id.in_(ids)).order_by(MoneyRecord.id)
        for record in session.scalars(query):
            assert record.report_id is not None
            reports[record.report_id].money.extend(_money([record]))


def _export_case(
    session: Session,
    case: Case,
    reports: dict[int, ExportReport],
    entities: dict[int, ExportEntity],
    visible: list[str],
) -> ExportCase:
    report_ids = session.scalars(select(CaseReport.report_id).where(CaseReport.case_id == case.id))
    subjects = session.execute(
        select(CaseSubject.role, Entity)
        .join(Entity, Entity.id == CaseSubject.entity_id)
        .where(CaseSubject.case_id == case.id, Entity.tlp.in_(visible))
        .order_by(CaseSubject.id)
    ).all()
    for role, entity in subjects:
        entities.setdefault(entity.id, _entity(entity)).roles.add(role)
    money = session.scalars(
        select(MoneyRecord)
        .where(MoneyRecord.case_id == case.id, MoneyRecord.report_id.is_(None))
        .order_by(MoneyRecord.id)
    ).all()
    return ExportCase(
        case.reference,
        case.title,
        case.status,
        case.tlp,
        session.scalar(select(Agency.code).where(Agency.id == case.lead_agency_id)) or "",
        case.opened_at,
        sorted(rid for rid in report_ids if rid in reports),
        [(entity.id, role) for role, entity in subjects],
        _money(money),
    )


def _drop_hidden(data: ExportData) -> None:
    """Victims and witnesses stay home: remove them and every reference to them."""
    hidden = {eid for eid, entity in data.entities.items() if entity.roles & HIDDEN_ROLES}
    for eid in hidden:
        del data.entities[eid]
    for report in data.reports:
        report.entity_ids = [eid for eid in dict.fromkeys(report.entity_ids) if eid not in hidden]
    for case in data.cases:
        case.subjects = [(eid, role) for eid, role in case.subjects if eid not in hidden]


def _selected_cases(session: Session, reference: str | None, tlp_max: str) -> list[Case]:
    if reference is not None:
        return [_case(session, reference, tlp_max)]
    query = select(Case).where(Case.tlp.in_(_visible(tlp_max))).order_by(Case.id)
    return list(session.scalars(query))


def load_export(session: Session, case: str | None = None, tlp_max: str = "AMBER") -> ExportData:
    """Select what may leave: one case (or everything) up to ``tlp_max``, minimised."""
    tlp_max = check_tlp(tlp_max)
    visible = _visible(tlp_max)
    cases = _selected_cases(session, case, tlp_max)
    query = (
        select(Report, Agency.code)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Report.tlp.in_(visible))
        .order_by(Report.id)
    )
    if case is not None:
        query = query.join(CaseReport, CaseReport.report_id == Report.id).where(
            CaseReport.case_id == cases[0].id
        )
    reports = _reports(session, query)
    identifiers = _attach_identifiers(session, reports)
    entities = _attach_roles(session, reports, visible)
    exported = [_export_case(session, c, reports, entities, visible) for c in cases]
    data = ExportData(tlp_max, list(reports.values()), identifiers, entities, exported)
    _drop_hidden(data)
    _fill_names(session, data.entities)
    _attach_money(session, reports)
    return data
