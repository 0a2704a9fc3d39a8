"""Joint cases: members, releases of one's own records into them, withdrawals."""

from __future__ import annotations

from fastapi import APIRouter, status

from fraudlink.access import joint
from fraudlink.access.records import record_id_of
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses

router = APIRouter(prefix="/joint-cases", tags=["joint cases"])


def _view(session: SessionDep, who: CallerDep, reference: str) -> models.JointCase:
    found = joint.view_joint_case(session, who.principal, reference)
    return models.JointCase.model_validate(found, from_attributes=True)


@router.get(
    "",
    name="list_joint_cases",
    response_model=models.JointCasePage,
    responses=responses(400, 401, 403, 429),
)
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> models.JointCasePage:
    """Joint cases your agency is a member of."""
    rows = joint.list_joint_cases(session, who.principal, after(cursor), limit + 1)
    page = rows[:limit]
    last = page[-1].id if len(rows) > limit else None
    items = [models.JointCaseSummary.model_validate(r, from_attributes=True) for r in page]
    return models.JointCasePage(items=items, next_cursor=next_cursor(last))


@router.post(
    "",
    name="create_joint_case",
    status_code=status.HTTP_201_CREATED,
    response_model=models.JointCase,
    responses=responses(400, 401, 403, 404, 409, 429),
)
def create(body: models.JointCaseIn, who: CallerDep, session: SessionDep) -> models.JointCase:
    """Open a joint case owned by your agency, with the member agencies named."""
    joint.create_joint_case(
        session, who.principal, body.reference, body.title, body.tlp, body.members
    )
    return _view(session, who, body.reference)


@router.get(
    "/{reference}",
    name="get_joint_case",
    response_model=models.JointCase,
    responses=responses(401, 403, 404, 429),
)
def read(reference: str, who: CallerDep, session: SessionDep) -> models.JointCase:
    return _view(session, who, reference)


@router.post(
    "/{reference}/members",
    name="add_joint_case_member",
    response_model=models.JointCase,
    responses=responses(400, 401, 403, 404, 429),
)
def add_member(
    reference: str, body: models.MemberIn, who: CallerDep, session: SessionDep
) -> models.JointCase:
    joint.add_member(session, who.principal, reference, body.agency)
    return _view(session, who, reference)


@router.post(
    "/{reference}/releases",
    name="release_to_joint_case",
    status_code=status.HTTP_201_CREATED,
    response_model=models.JointCase,
    responses=responses(400, 401, 403, 404, 429),
)
def release(
    reference: str, body: models.ReleaseIn, who: CallerDep, session: SessionDep
) -> models.JointCase:
    """Release a record your agency owns, under a TLP no weaker than its own."""
    record_id = record_id_of(session, body.record_type, body.agency, body.id, body.case)
    joint.release(session, who.principal, reference, body.record_type, record_id, body.tlp)
    return _view(session, who, reference)


@router.delete(
    "/{reference}/releases/{release_id}",
    name="withdraw_from_joint_case",
    response_model=models.JointCase,
    responses=responses(401, 403, 404, 429),
)
def withdraw(
    reference: str, release_id: IdPath, who: CallerDep, session: SessionDep
) -> models.JointCase:
    """Withdraw a release: members stop seeing the record on their next read."""
    joint.withdraw(session, who.principal, reference, release_id)
    return _view(session, who, reference)
