"""Joint cases: several agencies work one case, each releasing its own records into it.

Members see exactly what was released and not withdrawn; a withdrawal takes
effect on the next read, because the scoping layer reads releases live.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.agencies import agency_by_code, agency_codes
from fraudlink.access.principal import Principal, forget_principals
from fraudlink.access.scope import SCOPED, evidence_visible, get_visible, owns
from fraudlink.access.tables import JointCase, JointCaseMember, JointRelease
from fraudlink.access.users import now
from fraudlink.errors import Conflict, InputError, NotFound
from fraudlink.share.markings import check_tlp, tlp_rank
from fraudlink.share.tables import EvidenceItem
from fraudlink.store.schema import Case

#: what an owner can release into a joint case: reports, persons and evidence items
RELEASABLE = (*SCOPED, "evidence_item")


@dataclass(frozen=True)
class ReleaseView:
    id: int
    record_type: str
    record_id: int
    agency: str
    tlp: str
    released_by: str
    released_at: str


@dataclass(frozen=True)
class JointCaseView:
    reference: str
    title: str
    owner: str
    tlp: str
    members: list[str]
    releases: list[ReleaseView]


def _case_for(session: Session, principal: Principal, reference: str) -> JointCase:
    """The joint case if the principal's agency is a member; else not found, never forbidden."""
    case = session.scalar(
        select(JointCase)
        .join(JointCaseMember, JointCaseMember.joint_case_id == JointCase.id)
        .where(JointCase.reference == reference, JointCaseMember.agency_id == principal.agency_id)
    )
    if case is None:
        raise NotFound(f"No joint case '{reference}' is visible to you.")
    return case


def create_joint_case(
    session: Session,
    principal: Principal,
    reference: str,
    title: str,
    tlp: str,
    members: Sequence[str],
) -> JointCase:
    if session.scalar(select(JointCase.id).where(JointCase.reference == reference)):
        raise Conflict(f"A joint case '{reference}' exists already; choose another reference.")
    case = JointCase(
        reference=reference,
        title=title,
        owner_agency_id=principal.agency_id,
        tlp=check_tlp(tlp),
        created_by=principal.username,
        created_at=now(),
    )
    session.add(case)
    session.flush()
    codes = {principal.agency, *members}
    for code in sorted(codes):
        session.add(
            JointCaseMember(
                joint_case_id=case.id, agency_id=agency_by_code(session, code).id, added_at=now()
            )
        )
    session.flush()
    forget_principals()
    return case


def add_member(session: Session, principal: Principal, reference: str, agency: str) -> None:
    case = _case_for(session, principal, reference)
    if case.owner_agency_id != principal.agency_id:
        raise NotFound(f"No joint case '{reference}' of your agency; its owner adds members.")
    agency_id = agency_by_code(session, agency).id
    exists = session.get(JointCaseMember, (case.id, agency_id))
    if exists is None:
        session.add(JointCaseMember(joint_case_id=case.id, agency_id=agency_id, added_at=now()))
        forget_principals()


def release(
    session: Session,
    principal: Principal,
    reference: str,
    record_type: str,
    record_id: int,
    tlp: str,
) -> JointRelease:
    """Only the owner releases, and never under a weaker TLP than the record's own."""
    if record_type not in RELEASABLE:
        raise InputError(f"Record type '{record_type}' is not one of {', '.join(RELEASABLE)}.")
    case = _case_for(session, principal, reference)
    own_tlp = _owned_tlp(session, principal, record_type, record_id)
    if tlp_rank(tlp) < tlp_rank(own_tlp):
        raise InputError(f"The record is TLP:{own_tlp}; release it as that or stricter.")
    row = JointRelease(
        joint_case_id=case.id,
        agency_id=principal.agency_id,
        record_type=record_type,
        record_id=record_id,
        tlp=tlp,
        released_by=principal.username,
        released_at=now(),
    )
    session.add(row)
    session.flush()
    return row


def _owned_tlp(session: Session, principal: Principal, record_type: str, record_id: int) -> str:
    """The TLP of a record the principal's agency owns; anything else is not found.

    An evidence item belongs to the agency leading its case (a package's
    recipient may see an item but may not pass it on)."""
    if record_type == "evidence_item":
        tlp = session.scalar(
            select(EvidenceItem.tlp)
            .join(Case, Case.id == EvidenceItem.case_id)
            .where(
                EvidenceItem.id == record_id,
                Case.lead_agency_id.in_(principal.units),
                evidence_visible(principal),
            )
        )
        if tlp is None:
            raise NotFound(f"No evidence item {record_id} of your agency to release.")
        return str(tlp)
    record = get_visible(session, principal, record_type, record_id)
    if not owns(principal, record.agency_id):
        raise NotFound(f"No {record_type} {record_id} of your agency to release.")
    return str(record.tlp)


def withdraw(session: Session, principal: Principal, reference: str, release_id: int) -> None:
    case = _case_for(session, principal, reference)
    row = session.scalar(
        select(JointRelease).where(
            JointRelease.id == release_id,
            JointRelease.joint_case_id == case.id,
            JointRelease.agency_id.in_(principal.units),
            JointRelease.withdrawn_at.is_(None),
        )
    )
    if row is None:
        raise NotFound(f"No live release {release_id} of your agency in '{reference}'.")
    row.withdrawn_at, row.withdrawn_by = now(), principal.username


def view_joint_case(session: Session, principal: Principal, reference: str) -> JointCaseView:
    case = _case_for(session, principal, reference)
    member_ids = list(
        session.scalars(
            select(JointCaseMember.agency_id).where(JointCaseMember.joint_case_id == case.id)
        )
    )
    releases = list(
        session.scalars(
            select(JointRelease)
            .where(JointRelease.joint_case_id == case.id, JointRelease.withdrawn_at.is_(None))
            .order_by(JointRelease.id)
        )
    )
    codes = agency_codes(
        session, [*member_ids, case.owner_agency_id, *(r.agency_id for r in releases)]
    )
    return JointCaseView(
        reference=case.reference,
        title=case.title,
        owner=codes[case.owner_agency_id],
        tlp=case.tlp,
        members=sorted(codes[i] for i in member_ids),
        releases=[
            ReleaseView(
                r.id,
                r.record_type,
                r.record_id,
                codes[r.agency_id],
                r.tlp,
                r.released_by,
                r.released_at.isoformat(),
            )
            for r in releases
        ],
    )


def list_joint_cases(
    session: Session, principal: Principal, after: int = 0, limit: int = 50
) -> list[JointCase]:
    return list(
        session.scalars(
            select(JointCase)
            .join(JointCaseMember, JointCaseMember.joint_case_id == JointCase.id)
            .where(JointCaseMember.agency_id == principal.agency_id, JointCase.id > after)
            .order_by(JointCase.id)
            .limit(limit)
        )
    )
