"""What each package kind carries, read from the sender's database and minimised.

The builders return plain JSON-ready dicts; ``receive`` turns the same dicts
back into records. Victims' personal data is kept only when the purpose needs
it, and any card number that slipped into free text is masked, before the
safeguards check the result again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fraudlink.cases import history
from fraudlink.errors import InputError
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store.schema import (
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
)

KINDS = ("case_notification", "evidence_transfer", "repatriation_request", "statistics")
FOLLOW_UPS = ("retraction",)
LEGAL_BASES = ("extradition", "deportation", "voluntary_return")
# purpose -> whether it needs victims' personal data
PURPOSES: dict[str, bool] = {
    "investigation": False,
    "prosecution": False,
    "intelligence": False,
    "victim_identification": True,
    "victim_support": True,
    "repatriation": True,
}
DEFAULT_PURPOSE = {
    "case_notification": "investigation",
    "evidence_transfer": "investigation",
    "repatriation_request": "repatriation",
    "statistics": "intelligence",
}
SUSPECT_ROLES = ("suspect", "recruiter", "boss", "money_mule")
TRAVEL_DOCUMENTS = ("passport", "travel_document", "laissez_passer", "national_id")
VICTIM_PERSONAL = ("name", "aliases", "birth_date", "documents")
CARD_RUN = re.compile(r"(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])")


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"Package kind '{kind}' is unknown; use one of {', '.join(KINDS)}.")
    return kind


def check_purpose(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise InputError(f"Purpose '{purpose}' is unknown; use one of {', '.join(PURPOSES)}.")
    return purpose


def case_summary(session: Session, case: Case) -> dict[str, Any]:
    reports = session.scalar(
        select(CaseReport.report_id).where(CaseReport.case_id == case.id).limit(1)
    )
    return {
        "reference": case.reference,
        "title": case.title,
        "status": case.status,
        "tlp": case.tlp,
        "opened_at": case.opened_at.isoformat(),
        "has_reports": reports is not None,
    }


def person(session: Session, subject: CaseSubject) -> dict[str, Any]:
    entity = session.get(Entity, subject.entity_id)
    assert entity is not None
    aliases = session.scalars(select(EntityName.name).where(EntityName.entity_id == entity.id))
    documents = session.scalars(select(EntityDocument).where(EntityDocument.entity_id == entity.id))
    return {
        "ref": entity.id,
        "schema": entity.schema,
        "role": subject.role,
        "name": entity.name,
        "aliases": sorted(set(aliases)),
        "birth_date": entity.birth_date.isoformat() if entity.birth_date else None,
        "nationality": entity.nationality,
        "tlp": entity.tlp,
        "documents": [
            {"kind": d.kind, "number": d.number, "country": d.country} for d in documents
        ],
        "statuses": [
            {"status": s.status, "on": s.occurred_on.isoformat(), "legal_basis": s.legal_basis}
            for s in history(session, subject)
        ],
    }


def subjects(session: Session, case: Case, roles: tuple[str, ...]) -> list[CaseSubject]:
    query = (
        select(CaseSubject)
        .where(CaseSubject.case_id == case.id, CaseSubject.role.in_(roles))
        .order_by(CaseSubject.id)
    )
    return list(session.scalars(query))


def reports(session: Session, case: Case) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Report).join(CaseReport).where(CaseReport.case_id == case.id).order_by(Report.id)
    ).all()
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(ReportIdentifier.report_id, Identifier)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .where(ReportIdentifier.report_id.in_([r.id for r in rows]))
    )
    for report_id, identifier in session.execute(query):
        item = {"kind": identifier.kind, "value": identifier.value, "valid": identifier.valid}
        if item not in found[report_id]:
            found[report_id].append(item)
    codes = {id_: code for id_, code in session.execute(select(Agency.id, Agency.code))}
    return [_report(r, found[r.id], codes.get(r.agency_id)) for r in rows]


def _report(
    report: Report, identifiers: list[dict[str, Any]], agency: str | None
) -> dict[str, Any]:
    return {
        "id": report.external_id,
        "agency": agency,  # the agency that took the report, which need not be the sender
        "reported_at": report.reported_at.isoformat(),
        "country": report.country,
        "language": report.language,
        "scam_type": report.scam_type,
        "narrative": report.narrative,
        "victim": report.victim,
        "tlp": report.tlp,
        "identifiers": identifiers,
    }


def networks(session: Session, case: Case) -> list[dict[str, Any]]:
    """The networks the case's reports belong to, and the identifiers joining them.

    Identifiers the link stage judged hubs or allow-listed are left out: they are
    shared by unrelated victims and prove nothing to the receiver.
    """
    members = session.execute(
        select(Report.id, Report.external_id, LinkReport.network_id)
        .join(CaseReport, CaseReport.report_id == Report.id)
        .join(LinkReport, LinkReport.report_id == Report.id)
        .where(CaseReport.case_id == case.id)
    ).all()
    by_network: dict[int, dict[int, str]] = defaultdict(dict)
    for report_id, external_id, network_id in members:
        by_network[network_id][report_id] = external_id
    return [
        _network(session, network_id, reports) for network_id, reports in sorted(by_network.items())
    ]


def _network(session: Session, network_id: int, reports: dict[int, str]) -> dict[str, Any]:
    size = session.scalar(
        select(func.count()).select_from(LinkReport).where(LinkReport.network_id == network_id)
    )
    rows = session.execute(
        select(Identifier.kind, Identifier.value, ReportIdentifier.report_id)
        .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(ReportIdentifier.report_id.in_(list(reports)), Identifier.valid.is_(True),
               or_(LinkIdentifier.status.is_(None), LinkIdentifier.status == "linked"))
    ).all()  # fmt: skip
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, value, report_id in rows:
        named[(kind, value)].add(reports[report_id])
    links = [{"kind": kind, "value": value, "reports": sorted(ids)}
             for (kind, value), ids in sorted(named.items()) if len(ids) > 1]  # fmt: skip
    return {"network": network_id, "size": size, "reports": sorted(reports.values()),
            "links": links}  # fmt: skip


def money(session: Session, case: Case) -> list[dict[str, Any]]:
    rows = session.scalars(select(MoneyRecord).where(MoneyRecord.case_id == case.id))
    return [
        {
            "kind": m.kind,
            "amount": str(m.amount),
            "currency": m.currency,
            "occurred_on": m.occurred_on.isoformat() if m.occurred_on else None,
            "description": m.description,
        }
        for m in rows
    ]


def case_notification(session: Session, case: Case, action: str) -> dict[str, Any]:
    report_list = reports(session, case)
    return {
        "case": case_summary(session, case),
        "reports": report_list,
        "networks": networks(session, case),
        "identifiers": sorted(
            {(i["kind"], i["value"]) for r in report_list for i in r["identifiers"]}
        ),
        "suspects": [person(session, s) for s in subjects(session, case, SUSPECT_ROLES)],
        "victims": [person(session, s) for s in subjects(session, case, ("victim",))],
        "money": money(session, case),
        "requested_action": action,
    }


def evidence_transfer(session: Session, case: Case, action: str) -> dict[str, Any]:
    return {"case": case_summary(session, case), "evidence": [], "requested_action": action}


def repatriation_request(
    session: Session,
    case: Case,
    subject: CaseSubject,
    victims: list[CaseSubject],
    legal_basis: str,
    consular: list[dict[str, Any]],
    action: str,
) -> dict[str, Any]:
    if legal_basis not in LEGAL_BASES:
        raise InputError(f"Legal basis '{legal_basis}' is unknown; use {', '.join(LEGAL_BASES)}.")
    subject_data = person(session, subject)
    return {
        "case": case_summary(session, case),
        "subject": subject_data,
        "legal_basis": legal_basis,
        "travel_documents": [d for d in subject_data["documents"] if d["kind"] in TRAVEL_DOCUMENTS],
        "victims": [person(session, v) for v in victims],
        "consular_notification": consular,
        "requested_action": action,
    }


def persons_in(content: dict[str, Any]) -> list[dict[str, Any]]:
    subject = [content["subject"]] if content.get("subject") else []
    return [*content.get("suspects", []), *content.get("victims", []), *subject]


def record_levels(content: dict[str, Any]) -> list[tuple[str, str]]:
    """Each record the content carries, named for the sender, with its own TLP."""
    reports = [
        (f"Report {r['id']}", str(r.get("tlp") or "CLEAR")) for r in content.get("reports", [])
    ]
    persons = [
        (f"Person {p['ref']} ({p.get('role', 'person')})", str(p.get("tlp") or "CLEAR"))
        for p in persons_in(content)
    ]
    return reports + persons


def holds_personal_data(kind: str, content: dict[str, Any]) -> bool:
    """Whether the content names people; evidence files may hold anything, so they count."""
    if kind == "evidence_transfer" or persons_in(content):
        return True
    return any(r.get("victim") or r.get("narrative") for r in content.get("reports", []))


def mask_cards(text: str) -> str:
    """Mask any Luhn-valid card number in free text: first six and last four digits stay."""

    def _mask(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        if not luhn(digits):
            return match.group()
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]

    return CARD_RUN.sub(_mask, text)


def luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def minimise(content: dict[str, Any], purpose: str) -> dict[str, Any]:
    """Strip victims' personal data unless the purpose needs it; mask card numbers everywhere."""
    if not PURPOSES[check_purpose(purpose)]:
        for victim in content.get("victims", []):
            for field in VICTIM_PERSONAL:
                victim.pop(field, None)
        for report in content.get("reports", []):
            report["victim"] = None
            report["narrative"] = ""
    return _mask_all(content)  # type: ignore[no-any-return]


def _mask_all(value: Any) -> Any:
    if isinstance(value, str):
        return mask_cards(value)
    if isinstance(value, dict):
        return {key: _mask_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_mask_all(item) for item in value]
    return value
