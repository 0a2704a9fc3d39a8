"""A package as a person reads it before approving it or after receiving it.

Outbound: the package is rebuilt from its stored request exactly as approval
would rebuild it, so a supervisor sees what will leave (minimised, cards
masked) and what the safeguards say, before deciding. Inbound: the records it
brought in, with the request, purpose, legal basis and handling codes the
sender attached. Reading a package writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.share.errors import PackageBlocked
from fraudlink.share.markings import HANDLING_CODES
from fraudlink.share.prefix import by_prefix
from fraudlink.share.tables import EvidenceItem, SharePackage, ShareRecord
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Case, CaseSubject, Entity, MoneyRecord, Report

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal


@dataclass(slots=True)
class PackageView:
    """Everything about one package that its sender or receiver may read."""

    package_id: str
    direction: str
    kind: str
    status: str
    sender: str | None
    recipient: str | None
    case: str | None
    purpose: str
    markings: dict[str, Any]
    request: dict[str, Any]
    created_by: str
    created_at: dt.datetime
    approved_by: str | None = None
    approved_at: dt.datetime | None = None
    opened_at: dt.datetime | None = None
    relation: str | None = None
    follows: str | None = None
    reason: str | None = None
    contents: dict[str, list[str]] = field(default_factory=dict)
    safeguards: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        data = {name: getattr(self, name) for name in self.__slots__}
        for name in ("created_at", "approved_at", "opened_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return data


def show_package(database: Database, package_id: str, by: Principal | None = None) -> PackageView:
    """The package ``package_id`` (or a unique prefix of it), sent or received.

    With ``by``, only a package ``by``'s agency (or a unit) sent or received is found.
    """
    with database.sessions() as session:
        row = _find(session, package_id, by)
        codes = {id_: code for id_, code in session.execute(select(Agency.id, Agency.code))}
        case = _case(session, row)
        view = PackageView(
            row.package_id, row.direction, row.kind, row.status, codes.get(row.sender_id),
            codes.get(row.recipient_id), case.reference if case else None, row.purpose,
            _markings(row), _request(row), row.created_by, row.created_at, row.approved_by,
            row.approved_at, row.opened_at, row.relation, row.follows, row.reason,
        )  # fmt: skip
        if row.direction == "outbound":
            _preview(session, row, view, codes.get(row.sender_id))
        else:
            view.contents = _records(session, row)
        session.rollback()
    return view


def _case(session: Session, row: SharePackage) -> Case | None:
    """The case a package is about: ours when we sent it, the case it created or updated
    here when we received it (an inbound row names no case of ours)."""
    if row.case_id is not None:
        return session.get(Case, row.case_id)
    found = session.scalar(
        select(ShareRecord.record_id)
        .where(ShareRecord.package_id == row.id, ShareRecord.table_name == "case_file")
        .limit(1)
    )
    return session.get(Case, found) if found is not None else None


def _find(session: Session, package_id: str, by: Principal | None = None) -> SharePackage:
    if by is None:
        return find_package(session, package_id)
    return find_package(
        session,
        package_id,
        or_(
            and_(SharePackage.direction == "outbound", SharePackage.sender_id.in_(by.units)),
            and_(SharePackage.direction == "inbound", SharePackage.recipient_id.in_(by.units)),
        ),
    )


def find_package(
    session: Session, package_id: str, *where: ColumnElement[bool], what: str = "package"
) -> SharePackage:
    """The package ``package_id`` names, whole or by an unambiguous beginning, among those
    ``where`` admits."""
    missing = f"No {what} {package_id!r}; `fraudlink package list` shows them."
    return by_prefix(
        session, select(SharePackage).where(*where), SharePackage.package_id, package_id, missing
    )


def _markings(row: SharePackage) -> dict[str, Any]:
    return {
        "tlp": row.tlp,
        "handling": {code: HANDLING_CODES.get(code, code) for code in row.handling},
        "reliability": row.reliability,
        "accuracy": row.accuracy,
    }


def _request(row: SharePackage) -> dict[str, Any]:
    """What was asked and on what basis; inbound rows keep the sender's manifest."""
    stored = dict(row.request or {})
    if row.direction == "inbound":
        return {key: stored.get(key) for key in ("request", "legal_basis", "subject")}
    return {
        "request": stored.get("action") or None,
        "legal_basis": stored.get("legal_basis"),
        "subject": stored.get("subject"),
        "evidence": stored.get("evidence", []),
    }


def _preview(session: Session, row: SharePackage, view: PackageView, sender: str | None) -> None:
    """Rebuild the outbound package as approval would and summarise it; nothing is written."""
    from fraudlink.share.package import Request, _draft

    if row.status == "blocked":  # the verdict that stopped it, as it was given
        view.safeguards = {"passed": False, "problems": list(row.problems or [])}
        return
    try:
        request = Request(**row.request)
        draft = _draft(session, request, sender or "")
    except PackageBlocked as blocked:
        view.safeguards = {"passed": False, "problems": list(blocked.reasons)}
        return
    view.safeguards = {"passed": True, "problems": [], "minimised_for": draft.purpose}
    view.contents = summarise_content(draft.content)
    if request.evidence:
        view.contents["evidence"] = list(request.evidence)


def summarise_content(body: dict[str, Any]) -> dict[str, list[str]]:
    """Labels of what a package body carries, by kind of record."""
    contents: dict[str, list[str]] = {}
    if "case" in body:
        contents["case"] = [f"{body['case']['reference']}: {body['case']['title']}"]
    if body.get("reports"):
        contents["reports"] = [
            f"{r.get('agency', '')}/{r['id']}".lstrip("/") for r in body["reports"]
        ]
    for key in ("suspects", "victims"):
        if body.get(key):
            contents[key] = [_person_label(p) for p in body[key]]
    if "subject" in body:
        contents["subject"] = [_person_label(body["subject"])]
    if body.get("money"):
        contents["money"] = [f"{m['kind']} {m['amount']} {m['currency']}" for m in body["money"]]
    if body.get("networks"):
        contents["networks"] = [f"network {n.get('id')}" for n in body["networks"]]
    if "retracts" in body:
        contents["retracts"] = [f"{body['retracts']}: {body.get('reason')}"]
    return contents


def _person_label(person: dict[str, Any]) -> str:
    name = person.get("name") or "(name withheld: minimised)"
    return f"{name} ({person.get('role')}, person {person.get('ref')})"


def _records(session: Session, row: SharePackage) -> dict[str, list[str]]:
    """What an inbound package brought in, each record with its state (active, retracted…)."""
    contents: dict[str, list[str]] = {}
    stmt = select(ShareRecord).where(ShareRecord.package_id == row.id).order_by(ShareRecord.id)
    for record in session.scalars(stmt):
        label = _label(session, record.table_name, record.record_id)
        state = "" if record.state == "active" else f" [{record.state}]"
        contents.setdefault(record.table_name, []).append(label + state)
    return contents


def _label(session: Session, table: str, record_id: int) -> str:
    if table == "report":
        found = session.execute(
            select(Agency.code, Report.external_id).join(Report).where(Report.id == record_id)
        ).first()
        return f"{found[0]}/{found[1]}" if found else f"report {record_id}"
    if table == "case_file":
        case = session.get(Case, record_id)
        return f"{case.reference}: {case.title}" if case else f"case {record_id}"
    if table == "case_subject":
        subject = session.get(CaseSubject, record_id)
        entity = session.get(Entity, subject.entity_id) if subject else None
        if subject and entity:
            return f"{entity.name} ({subject.role}, person {entity.id})"
    if table == "evidence_item":
        item = session.get(EvidenceItem, record_id)
        if item:
            return (f"{item.name} sha256:{item.sha256[:16]}… {item.size:,} bytes, "
                    f"{item.method} under {item.authorisation}")  # fmt: skip
    if table == "money_record":
        money = session.get(MoneyRecord, record_id)
        if money:
            return f"{money.kind} {money.amount} {money.currency}"
    return f"{table} {record_id}"
