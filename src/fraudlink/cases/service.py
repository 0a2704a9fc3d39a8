"""Cases: who leads, who takes part, which reports and subjects, and each subject's history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.audit import current_user, record_event
from fraudlink.cases.lifecycle import check_transition
from fraudlink.errors import InputError, NotFound
from fraudlink.store.locks import insert_missing

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal

from fraudlink.store.schema import (
    TLP_LEVELS,
    Agency,
    Case,
    CaseAgency,
    CaseReport,
    CaseSubject,
    Entity,
    Report,
    SubjectStatus,
)


def agency_id(session: Session, code: str, create: bool = True) -> int:
    found = session.scalar(select(Agency.id).where(Agency.code == code))
    if found is not None:
        return found
    if not create:
        raise NotFound(f"No agency '{code}' is known here; add it first.")
    row = {"code": code, "country": code[:2] if code[2:3] in ("-", "_") else None}
    insert_missing(session.connection(), Agency, [row], ["code"])  # another writer may add it too
    return session.execute(select(Agency.id).where(Agency.code == code)).scalar_one()


def open_case(
    session: Session,
    reference: str,
    title: str,
    lead_agency: str,
    partners: Iterable[str] = (),
    tlp: str = "AMBER",
    flags: Mapping[str, Any] | None = None,
    user: str | None = None,
) -> Case:
    if tlp not in TLP_LEVELS:
        raise InputError(f"TLP '{tlp}' is not one of {', '.join(TLP_LEVELS)}.")
    if session.scalar(select(Case.id).where(Case.reference == reference)) is not None:
        raise InputError(f"A case '{reference}' exists already; choose another reference.")
    case = Case(
        reference=reference,
        title=title,
        lead_agency_id=agency_id(session, lead_agency),
        tlp=tlp,
        flags=dict(flags or {}),
        opened_at=dt.datetime.now(dt.UTC),
    )
    session.add(case)
    session.flush()
    for code in {*partners} - {lead_agency}:
        session.add(CaseAgency(case_id=case.id, agency_id=agency_id(session, code)))
    record_event(
        session, action="create", record_type="case", record_id=reference,
        user=current_user(user), agency=lead_agency,
        detail={"title": title, "tlp": tlp, "partners": sorted(set(partners)),
                "flags": dict(flags or {})},
    )  # fmt: skip
    return case


def get_case(session: Session, reference: str) -> Case:
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None:
        raise NotFound(f"No case '{reference}'; `fraudlink case list` shows the cases.")
    return case


def attach_report(session: Session, case: Case, agency: str, external_id: str) -> None:
    query = (
        select(Report.id)
        .join(Agency)
        .where(Agency.code == agency, Report.external_id == external_id)
    )
    report_id = session.scalar(query)
    if report_id is None:
        raise NotFound(f"No report '{external_id}' of agency '{agency}' has been ingested.")
    if session.get(CaseReport, (case.id, report_id)) is None:
        session.add(CaseReport(case_id=case.id, report_id=report_id))


def add_subject(
    session: Session,
    case: Case,
    entity_id: int,
    role: str,
    flags: Mapping[str, Any] | None = None,
) -> CaseSubject:
    if session.get(Entity, entity_id) is None:
        raise NotFound(f"No person or organisation with id {entity_id}.")
    subject = CaseSubject(case_id=case.id, entity_id=entity_id, role=role, flags=dict(flags or {}))
    session.add(subject)
    session.flush()
    return subject


def history(session: Session, subject: CaseSubject) -> list[SubjectStatus]:
    query = (
        select(SubjectStatus)
        .where(SubjectStatus.subject_id == subject.id)
        .order_by(SubjectStatus.occurred_on, SubjectStatus.id)
    )
    return list(session.scalars(query))


def record_status(
    session: Session,
    subject: CaseSubject,
    status: str,
    occurred_on: dt.date,
    agency: str,
    legal_basis: str | None = None,
    note: str | None = None,
    user: str | None = None,
) -> SubjectStatus:
    """Append one step to the subject's history after checking the lifecycle allows it."""
    steps = history(session, subject)
    done = [step.status for step in steps]
    check_transition(subject.role, done[-1] if done else None, status, done)
    if steps and occurred_on < steps[-1].occurred_on:
        raise InputError(
            f"'{status}' on {occurred_on} would precede '{steps[-1].status}' on "
            f"{steps[-1].occurred_on}; give the date it happened."
        )
    step = SubjectStatus(
        subject_id=subject.id,
        status=status,
        occurred_on=occurred_on,
        agency_id=agency_id(session, agency),
        legal_basis=legal_basis,
        note=note,
        recorded_at=dt.datetime.now(dt.UTC),
    )
    session.add(step)
    session.flush()
    case = session.get(Case, subject.case_id)
    record_event(
        session, action="create", record_type="subject_status",
        record_id=f"{case.reference if case else subject.case_id}/person {subject.entity_id}",
        user=current_user(user), agency=agency,
        detail={"status": status, "on": occurred_on.isoformat(), "role": subject.role,
                "legal_basis": legal_basis},
    )  # fmt: skip
    return step


def list_cases(session: Session) -> list[Case]:
    return list(session.scalars(select(Case).order_by(Case.opened_at.desc(), Case.id.desc())))


def cases_visible_to(session: Session, principal: Principal) -> list[Case]:
    """Cases the principal's agency (or a unit) leads or is a partner in, newest first."""
    from fraudlink.access.scope import case_visible

    return list(
        session.scalars(
            select(Case)
            .where(case_visible(principal))
            .order_by(Case.opened_at.desc(), Case.id.desc())
        )
    )


def case_visible_to(session: Session, principal: Principal, reference: str) -> Case:
    """The case if the principal may see it; not found otherwise (never forbidden)."""
    from fraudlink.access.scope import case_visible

    case = session.scalar(select(Case).where(Case.reference == reference, case_visible(principal)))
    if case is None:
        raise NotFound(f"No case {reference} is visible to you.")
    return case


def find_subject(
    session: Session, case: Case, entity_id: int, role: str | None = None
) -> CaseSubject:
    """The case's subject for person ``entity_id`` (the id `fraudlink person find` shows)."""
    query = select(CaseSubject).where(
        CaseSubject.case_id == case.id, CaseSubject.entity_id == entity_id
    )
    if role is not None:
        query = query.where(CaseSubject.role == role)
    found = list(session.scalars(query.order_by(CaseSubject.id)))
    if not found:
        raise NotFound(
            f"Person {entity_id} is not a subject of case {case.reference}; "
            "see `fraudlink case show`."
        )
    if len(found) > 1:
        roles = ", ".join(s.role for s in found)
        raise InputError(
            f"Person {entity_id} is a subject of {case.reference} as {roles}; give --role."
        )
    return found[0]


def case_overview(session: Session, case: Case) -> dict[str, Any]:
    """Everything a person reads about a case, as plain data for the CLI, API and packages."""
    codes = dict(session.execute(select(Agency.id, Agency.code)).all())
    partners = session.scalars(select(CaseAgency.agency_id).where(CaseAgency.case_id == case.id))
    reports = session.execute(
        select(Agency.code, Report.external_id)
        .join(Report, Report.agency_id == Agency.id)
        .join(CaseReport, CaseReport.report_id == Report.id)
        .where(CaseReport.case_id == case.id)
        .order_by(Agency.code, Report.external_id)
    )
    subjects = session.scalars(select(CaseSubject).where(CaseSubject.case_id == case.id))
    return {
        "reference": case.reference,
        "title": case.title,
        "lead": codes.get(case.lead_agency_id),
        "partners": sorted(codes[agency] for agency in partners),
        "status": case.status,
        "tlp": case.tlp,
        "flags": case.flags,
        "reports": [f"{agency}/{external}" for agency, external in reports],
        "subjects": [_subject_view(session, subject, codes) for subject in subjects],
    }


def _subject_view(session: Session, subject: CaseSubject, codes: dict[int, str]) -> dict[str, Any]:
    entity = session.get(Entity, subject.entity_id)
    return {
        "id": subject.id,
        "entity": subject.entity_id,
        "name": entity.name if entity else None,
        "role": subject.role,
        "flags": subject.flags,
        "history": [
            {"status": step.status, "on": step.occurred_on.isoformat(),
             "agency": codes.get(step.agency_id), "legal_basis": step.legal_basis}
            for step in history(session, subject)
        ],
    }  # fmt: skip
