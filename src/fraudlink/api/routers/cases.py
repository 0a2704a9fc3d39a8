"""Cases led by your agency: open one, attach reports, add subjects, record status steps."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from fraudlink.access import cases
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.models import NO_NUL, TLP, Code, Cursor
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses

router = APIRouter(prefix="/cases", tags=["cases"])

Role = Literal["suspect", "recruiter", "boss", "money_mule", "victim", "witness", "other"]


class CaseIn(BaseModel):
    reference: str = Field(min_length=1, max_length=128, pattern=NO_NUL, examples=["KH-2026-007"])
    title: str = Field(min_length=1, max_length=512, pattern=NO_NUL, examples=["Compound raid"])
    partners: list[Code] = Field(default_factory=list, max_length=50, examples=[["TH-RTP"]])
    tlp: TLP = "AMBER"


class CaseSummary(BaseModel):
    reference: str
    title: str
    lead: str
    status: str
    tlp: str


class CasePage(BaseModel):
    items: list[CaseSummary]
    next_cursor: str | None = Cursor


class Step(BaseModel):
    status: str = Field(examples=["arrested"])
    on: str = Field(examples=["2026-03-04"])
    agency: str | None = None
    legal_basis: str | None = None


class Subject(BaseModel):
    id: int
    entity: int
    name: str | None
    role: str
    flags: dict[str, Any]
    history: list[Step]
    next: list[str] = Field(default_factory=list, examples=[["detained", "charged"]])


class CaseView(BaseModel):
    reference: str
    title: str
    lead: str | None
    partners: list[str]
    status: str
    tlp: str
    flags: dict[str, Any]
    reports: list[str] = Field(examples=[["KH-NPA/R-1"]])
    subjects: list[Subject]


class ReportIn(BaseModel):
    agency: Code = Field(examples=["KH-NPA"])
    id: str = Field(min_length=1, max_length=255, pattern=NO_NUL, examples=["R-1"])


class SubjectIn(BaseModel):
    entity: int = Field(ge=1, le=2**63 - 1, description="A person's id (GET /persons).")
    role: Role


class StepIn(BaseModel):
    status: str = Field(min_length=1, max_length=32, pattern=NO_NUL, examples=["arrested"])
    on: dt.date = Field(examples=["2026-03-04"])
    legal_basis: str | None = Field(default=None, max_length=512, pattern=NO_NUL)
    note: str | None = Field(default=None, max_length=4000, pattern=NO_NUL)


class History(BaseModel):
    subject: int
    history: list[Step]


@router.get("", name="list_cases", response_model=CasePage, responses=responses(400, 401, 403, 429))
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> CasePage:
    """Cases your agency or its units lead, oldest first."""
    items, last = cases.cases_page(session, who.principal, after(cursor), limit)
    return CasePage.model_validate({"items": items, "next_cursor": next_cursor(last)})


@router.post(
    "",
    name="open_case",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseView,
    responses=responses(400, 401, 403, 429),
)
def create(body: CaseIn, who: CallerDep, session: SessionDep) -> CaseView:
    """Open a case led by your agency; partners are named on it, not given access."""
    view = cases.open_case_as(
        session, who.principal, body.reference, body.title, list(body.partners), body.tlp
    )
    return CaseView.model_validate(view)


@router.get(
    "/{reference}",
    name="get_case",
    response_model=CaseView,
    responses=responses(401, 403, 404, 428, 429),
)
def read(reference: str, who: CallerDep, session: SessionDep) -> CaseView:
    """The case, its reports and its subjects with their histories and allowed next steps."""
    return CaseView.model_validate(
        cases.case_as(session, who.principal, reference, who.justification)
    )


@router.post(
    "/{reference}/reports",
    name="attach_case_report",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseView,
    responses=responses(400, 401, 403, 404, 428, 429),
)
def attach(reference: str, body: ReportIn, who: CallerDep, session: SessionDep) -> CaseView:
    """Attach a report you may see to the case."""
    cases.attach_report_as(session, who.principal, reference, body.agency, body.id)
    return CaseView.model_validate(
        cases.case_as(session, who.principal, reference, who.justification)
    )


@router.post(
    "/{reference}/subjects",
    name="add_case_subject",
    status_code=status.HTTP_201_CREATED,
    response_model=CaseView,
    responses=responses(400, 401, 403, 404, 428, 429),
)
def add(reference: str, body: SubjectIn, who: CallerDep, session: SessionDep) -> CaseView:
    """Add a person you may see to the case, in one role."""
    cases.add_subject_as(session, who.principal, reference, body.entity, body.role)
    return CaseView.model_validate(
        cases.case_as(session, who.principal, reference, who.justification)
    )


@router.post(
    "/{reference}/subjects/{subject_id}/status",
    name="record_subject_status",
    status_code=status.HTTP_201_CREATED,
    response_model=History,
    responses=responses(400, 401, 403, 404, 429),
)
def step(
    reference: str, subject_id: IdPath, body: StepIn, who: CallerDep, session: SessionDep
) -> History:
    """Record the subject's next status (wanted, located, arrested, rescued…) as the
    lifecycle of their role allows; a step is never repeated or reversed."""
    steps = cases.step_as(
        session,
        who.principal,
        reference,
        subject_id,
        body.status,
        body.on,
        body.legal_basis,
        body.note,
    )
    return History.model_validate({"subject": subject_id, "history": steps})
