"""Cases, their subjects and status steps, as a signed-in principal may see and change them.

A case belongs to its lead agency: the agency and its units see and work on it;
every other agency gets "not found", as for every record. What a case names
must itself be visible to the principal (``scope.get_visible``), so a case
cannot be used to reach another agency's report or person. Cases name people:
each read of one is audited with the caller's justification.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.access.records import audit_read
from fraudlink.access.scope import get_visible
from fraudlink.cases import add_subject, allowed_next, case_overview, history, open_case
from fraudlink.cases import record_status as record_step
from fraudlink.errors import InputError, NotFound
from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store.schema import Agency, Case, CaseReport, CaseSubject, Report


def visible_case(session: Session, principal: Principal, reference: str) -> Case:
    """A case the principal's agency (or a unit) leads, else "not found"."""
    case = session.scalar(
        select(Case).where(Case.reference == reference, Case.lead_agency_id.in_(principal.units))
    )
    if case is None:
        raise NotFound(f"No case '{reference}' is visible to you.")
    return case


def shareable_case(session: Session, principal: Principal, reference: str) -> Case:
    """A case the principal may put in a package: one they lead, or one that reached their
    agency in an opened package (the onward-sharing safeguard then rules on it)."""
    received = (
        select(ShareRecord.record_id)
        .join(SharePackage, SharePackage.id == ShareRecord.package_id)
        .where(
            SharePackage.direction == "inbound",
            SharePackage.recipient_id.in_(principal.units),
            ShareRecord.table_name == "case_file",
            ShareRecord.state == "active",
        )
    )
    case = session.scalar(
        select(Case).where(
            Case.reference == reference,
            or_(Case.lead_agency_id.in_(principal.units), Case.id.in_(received)),
        )
    )
    if case is None:
        raise NotFound(f"No case '{reference}' is visible to you.")
    return case


def cases_page(
    session: Session, principal: Principal, after: int, limit: int
) -> tuple[list[dict[str, Any]], int | None]:
    """Cases led by the principal's agency or its units, oldest first."""
    rows = session.execute(
        select(Case, Agency.code)
        .join(Agency, Agency.id == Case.lead_agency_id)
        .where(Case.lead_agency_id.in_(principal.units), Case.id > after)
        .order_by(Case.id)
        .limit(limit + 1)
    ).all()
    items = [
        {
            "reference": case.reference,
            "title": case.title,
            "lead": code,
            "status": case.status,
            "tlp": case.tlp,
        }
        for case, code in rows[:limit]
    ]
    return items, rows[limit - 1][0].id if len(rows) > limit else None


def open_case_as(
    session: Session,
    principal: Principal,
    reference: str,
    title: str,
    partners: list[str],
    tlp: str,
) -> dict[str, Any]:
    """A case led by the principal's agency; partners are named, not given access."""
    case = open_case(
        session, reference, title, principal.agency, partners, tlp, user=principal.username
    )
    return case_overview(session, case)


def case_as(session: Session, principal: Principal, reference: str, purpose: str) -> dict[str, Any]:
    """The case with its reports and subjects (each with its history and next steps)."""
    case = visible_case(session, principal, reference)
    view = case_overview(session, case)
    for subject in view["subjects"]:
        steps = [step["status"] for step in subject["history"]]
        current = steps[-1] if steps else None
        subject["next"] = list(allowed_next(subject["role"], current, steps))
    audit_read(session, principal, purpose, "case", [case.id])
    return view


def attach_report_as(
    session: Session, principal: Principal, reference: str, agency: str, report_id: str
) -> None:
    case = visible_case(session, principal, reference)
    found = session.scalar(
        select(Report.id)
        .join(Agency, Agency.id == Report.agency_id)
        .where(Agency.code == agency, Report.external_id == report_id)
    )
    get_visible(session, principal, "report", found or 0, f"{agency}/{report_id}")
    if session.get(CaseReport, (case.id, found)) is None:
        session.add(CaseReport(case_id=case.id, report_id=found))


def add_subject_as(
    session: Session, principal: Principal, reference: str, entity_id: int, role: str
) -> CaseSubject:
    """A person the principal may see, in one role; twice the same role is refused."""
    case = visible_case(session, principal, reference)
    get_visible(session, principal, "entity", entity_id)
    exists = session.scalar(
        select(CaseSubject.id).where(
            CaseSubject.case_id == case.id,
            CaseSubject.entity_id == entity_id,
            CaseSubject.role == role,
        )
    )
    if exists is not None:
        raise InputError(f"Person {entity_id} is a {role} in {reference} already.")
    return add_subject(session, case, entity_id, role)


def step_as(
    session: Session,
    principal: Principal,
    reference: str,
    subject_id: int,
    status: str,
    on: dt.date,
    legal_basis: str | None,
    note: str | None,
) -> list[dict[str, Any]]:
    """Append a status step the lifecycle allows; answers the subject's whole history."""
    case = visible_case(session, principal, reference)
    subject = session.scalar(
        select(CaseSubject).where(CaseSubject.id == subject_id, CaseSubject.case_id == case.id)
    )
    if subject is None:
        raise NotFound(f"Case {reference} has no subject {subject_id}.")
    record_step(
        session, subject, status, on, principal.agency, legal_basis, note, principal.username
    )
    codes = dict(session.execute(select(Agency.id, Agency.code)).all())
    return [
        {
            "status": step.status,
            "on": step.occurred_on.isoformat(),
            "agency": codes.get(step.agency_id),
            "legal_basis": step.legal_basis,
        }
        for step in history(session, subject)
    ]
