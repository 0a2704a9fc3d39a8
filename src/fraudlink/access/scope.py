"""The one scoping layer: which records a principal may see, as SQL conditions.

A principal sees (1) records of its agency and the agency's units, (2) what
reached its agency in a package it opened and that was not retracted, (3) what
another agency released into a joint case its agency belongs to and has not
withdrawn. A TLP:RED record is seen only by the people named on it. Everything
else is "not found": readers ask ``visible(...)`` or ``get_visible(...)`` and
never decide on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, or_, select, union, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from fraudlink.access.principal import Principal
from fraudlink.access.tables import JointRelease, NamedReader
from fraudlink.errors import NotFound
from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store.schema import Case, CaseAgency, Entity, Report


@dataclass(frozen=True)
class Scoped:
    """How one kind of record names its id, its owning agency and its marking."""

    record_type: str
    model: Any
    id: InstrumentedAttribute[int]
    agency_id: InstrumentedAttribute[int]
    tlp: InstrumentedAttribute[str]


SCOPED = {
    "report": Scoped("report", Report, Report.id, Report.agency_id, Report.tlp),
    "entity": Scoped("entity", Entity, Entity.id, Entity.agency_id, Entity.tlp),
}


def _opened_packages(principal: Principal, record_type: str) -> Any:
    return (
        select(ShareRecord.record_id)
        .join(SharePackage, SharePackage.id == ShareRecord.package_id)
        .where(
            SharePackage.direction == "inbound",
            SharePackage.recipient_id.in_(principal.units),
            SharePackage.opened_at.is_not(None),
            ShareRecord.table_name == record_type,
            ShareRecord.state == "active",
        )
    )


def withdrawn(record_type: str = "report") -> Any:
    """Ids of records that only packages since retracted brought here: they count in no view
    (networks, look-ups, joint cases, the public index), whoever reads.

    A record of the receiving agency's own that a package carried back stays its own.
    """
    kind = SCOPED[record_type]

    def carried(state: str) -> Any:
        return (
            select(ShareRecord.record_id)
            .join(SharePackage, SharePackage.id == ShareRecord.package_id)
            .join(kind.model, kind.id == ShareRecord.record_id)
            .where(
                SharePackage.direction == "inbound",
                ShareRecord.table_name == record_type,
                ShareRecord.state == state,
                kind.agency_id != SharePackage.recipient_id,
            )
        )

    return carried("retracted").except_(carried("active"))


def _carried(state: str) -> Any:
    """Whether an inbound package carried the report in ``state`` (the rule of ``withdrawn``,
    asked of one report: an index probe on ``share_record``)."""
    return (
        select(ShareRecord.id)
        .join(SharePackage, SharePackage.id == ShareRecord.package_id)
        .where(
            ShareRecord.table_name == "report",
            ShareRecord.record_id == Report.id,
            ShareRecord.state == state,
            SharePackage.direction == "inbound",
            Report.agency_id != SharePackage.recipient_id,
        )
        .exists()
    )


def settle_withdrawn(session: Session, report_ids: Iterable[int]) -> None:
    """Keep ``report.withdrawn`` equal to ``withdrawn("report")`` for these reports.

    Called wherever a package's records change state (an import, a retraction, a
    correction), so a look-up reads a flag on the report instead of asking the share
    tables on every call.
    """
    ids = sorted(set(report_ids))
    for start in range(0, len(ids), 500):
        session.execute(
            update(Report)
            .where(Report.id.in_(ids[start : start + 500]))
            .values(withdrawn=and_(_carried("retracted"), ~_carried("active")))
            .execution_options(synchronize_session=False)
        )


def released_to(principal: Principal, record_type: str) -> Any:
    """Records released into the principal's joint cases and not withdrawn."""
    if not principal.joint_cases:
        return select(JointRelease.record_id).where(false())
    return select(JointRelease.record_id).where(
        JointRelease.record_type == record_type,
        JointRelease.withdrawn_at.is_(None),
        JointRelease.joint_case_id.in_(principal.joint_cases),
    )


def _named(principal: Principal, record_type: str) -> Any:
    return select(NamedReader.record_id).where(
        NamedReader.record_type == record_type, NamedReader.user_id == principal.user_id
    )


def _released_red(principal: Principal, record_type: str) -> Any:
    return released_to(principal, record_type).where(JointRelease.tlp == "RED")


def visible(principal: Principal, record_type: str) -> ColumnElement[bool]:
    """The condition a row of ``record_type`` must meet to be shown to ``principal``.

    Built once per (principal, record type) and reused: a principal is a frozen value
    (its units, joint cases, user), and building the condition costs more than a
    look-up's query itself.
    """
    return _visible(principal, record_type)


@lru_cache(maxsize=1024)
def _visible(principal: Principal, record_type: str) -> ColumnElement[bool]:
    kind = SCOPED[record_type]
    reachable = or_(
        kind.agency_id.in_(principal.units),
        kind.id.in_(_opened_packages(principal, record_type)),
        kind.id.in_(released_to(principal, record_type)),
    )
    red = or_(kind.tlp == "RED", kind.id.in_(_released_red(principal, record_type)))
    return and_(reachable, or_(~red, kind.id.in_(_named(principal, record_type))))


def hidden_own(principal: Principal, record_type: str) -> ColumnElement[bool]:
    """The principal's own records it may not see (TLP:RED, or released as RED, without
    its user named on them).

    Counts of the principal's own records can come from totals kept per agency only
    once these are taken away; the candidates are found by the partial index of RED
    reports and the releases, never by reading every own record.
    """
    kind = SCOPED[record_type]
    own = kind.agency_id.in_(principal.units)
    red = select(kind.id).where(own, kind.tlp == "RED").union(_released_red(principal, record_type))
    return and_(own, kind.id.in_(red), ~visible(principal, record_type))


def foreign_visible(principal: Principal, record_type: str) -> ColumnElement[bool]:
    """Records of other agencies the principal sees: opened packages, joint cases.

    With ``hidden_own`` this lets a count over everything visible be the agency totals
    plus these few records minus those.
    """
    kind = SCOPED[record_type]
    reached = _opened_packages(principal, record_type).union(released_to(principal, record_type))
    return and_(
        kind.agency_id.not_in(principal.units),
        kind.id.in_(reached),
        visible(principal, record_type),
    )


def beyond_units(connection: Connection, principal: Principal) -> ColumnElement[bool] | None:
    """Reports the principal sees other than as its own agencies' unmarked (not RED) ones —
    brought by an opened package, released into a joint case, or RED and naming it — or None
    when there are none. Stored per-agency figures cover the rest (``link.networks.listing``).
    """
    kind = SCOPED["report"]
    reached = union(
        _opened_packages(principal, "report"),
        released_to(principal, "report"),
        _named(principal, "report"),
    ).subquery()
    if connection.execute(select(reached.c[0]).limit(1)).first() is None:
        return None
    own_plain = and_(kind.agency_id.in_(principal.units), kind.tlp != "RED")
    return and_(kind.id.in_(select(reached.c[0])), visible(principal, "report"), ~own_plain)


def get_visible(
    session: Session, principal: Principal, record_type: str, record_id: int, label: str = ""
) -> Any:
    """The record, or NotFound whether it does not exist or is not the principal's to see."""
    kind = SCOPED[record_type]
    row = session.scalar(
        select(kind.model).where(kind.id == record_id, visible(principal, record_type))
    )
    if row is None:
        raise NotFound(f"No {record_type} {label or record_id} is visible to you.")
    return row


def owns(principal: Principal, agency_id: int) -> bool:
    """Whether the principal's agency (or one of its units) owns a record of ``agency_id``."""
    return agency_id in principal.units


def name_reader(session: Session, record_type: str, record_id: int, user_id: int) -> None:
    """Name a person on a (TLP:RED) record; only named people see RED."""
    found = session.scalar(
        select(NamedReader.id).where(
            NamedReader.record_type == record_type,
            NamedReader.record_id == record_id,
            NamedReader.user_id == user_id,
        )
    )
    if found is None:
        session.add(NamedReader(record_type=record_type, record_id=record_id, user_id=user_id))


def case_visible(principal: Principal) -> ColumnElement[bool]:
    """A case is seen by the agencies (and their units' parents) that lead it or take part."""
    partner = select(CaseAgency.case_id).where(CaseAgency.agency_id.in_(principal.units))
    return or_(Case.lead_agency_id.in_(principal.units), Case.id.in_(partner))


def operation_visible(principal: Principal) -> ColumnElement[bool]:
    """An operation is seen by the agencies (and units) that lead it or take part in it."""
    from fraudlink.cases.tables import Operation, OperationAgency

    taking_part = select(OperationAgency.operation_id).where(
        OperationAgency.agency_id.in_(principal.units)
    )
    return or_(Operation.lead_agency_id.in_(principal.units), Operation.id.in_(taking_part))


def asset_visible(principal: Principal) -> ColumnElement[bool]:
    """A seized asset: its own agency's, or one seized in an operation the principal sees."""
    from fraudlink.cases.tables import Operation, SeizedAsset

    seen = select(Operation.id).where(operation_visible(principal))
    return or_(SeizedAsset.agency_id.in_(principal.units), SeizedAsset.operation_id.in_(seen))


def figures_scope(principal: Principal) -> list[int]:
    """The agencies whose figures a principal's statistics add up: its own and its units'."""
    return sorted(principal.units)


def evidence_visible(principal: Principal) -> ColumnElement[bool]:
    """An evidence item: of a case the principal's agency (or a unit) leads, or one that
    reached it in an opened package or a joint case; TLP:RED only to the named people."""
    from fraudlink.share.tables import EvidenceItem

    led = select(Case.id).where(Case.lead_agency_id.in_(principal.units))
    reachable = or_(
        EvidenceItem.case_id.in_(led),
        EvidenceItem.id.in_(_opened_packages(principal, "evidence_item")),
        EvidenceItem.id.in_(released_to(principal, "evidence_item")),
    )
    red = or_(
        EvidenceItem.tlp == "RED",
        EvidenceItem.id.in_(_released_red(principal, "evidence_item")),
    )
    return and_(reachable, or_(~red, EvidenceItem.id.in_(_named(principal, "evidence_item"))))
