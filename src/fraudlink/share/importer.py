"""Turning a verified package's content into the receiver's records, with provenance.

Every record gets the package's markings, never a weaker TLP than it had
already, and a ``share_record`` row saying which package brought it, so that
a later retraction or correction can find and mark exactly those records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, column, delete, select, table, update
from sqlalchemy.orm import Session

from fraudlink.cases import add_subject, attach_report, history, open_case, record_status
from fraudlink.cases.service import agency_id
from fraudlink.errors import FraudlinkError
from fraudlink.share.custody import append, continue_chain
from fraudlink.share.errors import PackageRejected
from fraudlink.share.markings import Markings, strictest
from fraudlink.share.tables import ConsularRecord, EvidenceItem, SharePackage, ShareRecord
from fraudlink.store.locks import exclusive, insert_missing
from fraudlink.store.schema import (
    Case,
    CaseSubject,
    Entity,
    EntityDocument,
    EntityName,
    Identifier,
    MoneyRecord,
    Report,
    ReportIdentifier,
)


@dataclass
class Context:
    session: Session
    manifest: dict[str, Any]
    markings: Markings
    local: str
    user: str
    evidence_dir: Path
    staged: dict[str, Path]
    row: SharePackage | None = None
    counts: Counter[str] = field(default_factory=Counter)
    withdrawn: Counter[str] = field(default_factory=Counter)  # records a follow-up marked
    reports: set[int] = field(default_factory=set)  # reports whose share records changed
    targets: dict[str, Path] = field(default_factory=dict)  # evidence sha256 -> where it goes

    @property
    def sender(self) -> str:
        return str(self.manifest["sender"])

    def provenance(self) -> dict[str, Any]:
        return {
            "package": self.manifest["id"],
            "sender": self.sender,
            "received_at": dt.datetime.now(dt.UTC).isoformat(),
            **self.markings.as_json(),
        }

    def mark(self, table: str, record_id: int) -> None:
        assert self.row is not None
        self.session.add(ShareRecord(package_id=self.row.id, table_name=table, record_id=record_id))
        self.counts[table] += 1
        if table == "report":
            self.reports.add(record_id)


def import_content(ctx: Context, body: dict[str, Any]) -> dict[str, int]:
    """Import the package's records; then settle the withdrawn flag of every report whose
    share records changed (a retraction withdraws, a package carrying it again restores)."""
    from fraudlink.access.scope import settle_withdrawn

    counts = _import_content(ctx, body)
    ctx.session.flush()
    settle_withdrawn(ctx.session, ctx.reports)
    return counts


def _import_content(ctx: Context, body: dict[str, Any]) -> dict[str, int]:
    ctx.row = _package_row(ctx)
    subject = body.get("subject")
    ctx.row.request = {
        **ctx.row.request,
        "request": body.get("requested_action") or None,
        "legal_basis": body.get("legal_basis"),
        "subject": subject.get("name") if isinstance(subject, dict) else None,
    }
    relation, follows = ctx.manifest.get("relation"), ctx.manifest.get("follows")
    if relation is not None:
        original = _original(ctx, str(follows))
        _mark_original(ctx, original, "retracted" if relation == "retracts" else "superseded")
    if ctx.manifest["kind"] == "retraction":
        return dict(ctx.counts)
    if ctx.manifest["kind"] == "statistics":  # figures only: kept with the package, no record
        ctx.row.request = {**ctx.row.request, "statistics": body}
        ctx.counts["groups"] += len(body.get("groups", []))
        return dict(ctx.counts)
    case = _case(ctx, body["case"])
    for report in body.get("reports", []):
        _report(ctx, case, report)
    for person in (*body.get("suspects", []), *body.get("victims", [])):
        _person(ctx, case, person)
    if "subject" in body:
        subject = _person(ctx, case, body["subject"])
        _consular(ctx, subject, body.get("consular_notification", []))
    for item in body.get("money", []):
        _money(ctx, case, item)
    for item in body.get("evidence", []):
        _evidence(ctx, case, item)
    return dict(ctx.counts)


def _package_row(ctx: Context) -> SharePackage:
    m = ctx.manifest
    row = SharePackage(
        package_id=str(m["id"]),
        direction="inbound",
        kind=str(m["kind"]),
        status="received",
        sender_id=agency_id(ctx.session, ctx.sender, create=False),
        recipient_id=agency_id(ctx.session, ctx.local, create=False),
        tlp=ctx.markings.tlp,
        handling=list(ctx.markings.handling),
        reliability=ctx.markings.reliability,
        accuracy=ctx.markings.accuracy,
        purpose=str(m.get("purpose") or "investigation"),
        request={"manifest": {k: v for k, v in m.items() if k != "members"}},
        relation=m.get("relation"),
        follows=m.get("follows"),
        created_by=str(m.get("created_by") or ""),
        created_at=dt.datetime.fromisoformat(str(m["created_at"])),
        approved_by=m.get("approved_by"),
        opened_at=dt.datetime.now(dt.UTC),
    )
    ctx.session.add(row)
    ctx.session.flush()
    return row


def _original(ctx: Context, package_id: str) -> SharePackage:
    original = ctx.session.scalar(
        select(SharePackage).where(
            SharePackage.package_id == package_id, SharePackage.direction == "inbound"
        )
    )
    if original is None:
        raise PackageRejected(
            f"This follow-up refers to package {package_id}, which was never opened here; "
            "open that package first."
        )
    if original.sender_id != agency_id(ctx.session, ctx.sender, create=False):
        raise PackageRejected("Only the sender of a package may retract or correct it.")
    return original


def _mark_original(ctx: Context, original: SharePackage, state: str) -> None:
    """Mark what the original brought; a correction also drops the case links it made."""
    original.status = "retracted" if state == "retracted" else "corrected"
    records = list(
        ctx.session.scalars(select(ShareRecord).where(ShareRecord.package_id == original.id))
    )
    for record in records:
        record.state = state
        ctx.withdrawn[record.table_name] += 1
        if record.table_name == "report":
            ctx.reports.add(record.record_id)
        if record.table_name == "entity":
            entity = ctx.session.get(Entity, record.record_id)
            if entity is not None:
                entity.properties = {**entity.properties, state: ctx.manifest["id"]}
        if record.table_name == "case_file" and state == "retracted":
            case = ctx.session.get(Case, record.record_id)
            if case is not None:
                case.status = "retracted"
    if state == "superseded":
        subject_ids = [r.record_id for r in records if r.table_name == "case_subject"]
        ctx.session.execute(delete(CaseSubject).where(CaseSubject.id.in_(subject_ids)))
    ctx.session.flush()
    if state == "retracted":
        withdraw_from_views(ctx.session, original.id, ctx.user)


#: the link stage's table of each report's network (named, not imported: no link stage here)
_LINK_REPORT = table("link_report", column("report_id"))
#: and its state table, with the row that sends the next link run in full
#: (``fraudlink.link.networks.state.WITHDRAWN``)
_LINK_KIND = Table("link_kind", MetaData(), Column("kind", String, primary_key=True),
                   *(Column(c) for c in ("cutoff", "shared", "above", "full_shared",
                                         "full_above")))  # fmt: skip
_WITHDRAWN_MARK = "*withdrawn"


def withdraw_from_views(session: Session, package: int, user: str) -> dict[str, int]:
    """What a retracted package (``share_package.id``) alone brought leaves every view at once:
    its reports leave their networks (the next ``fraudlink link`` re-partitions what they
    held together and leaves them out; look-ups and the public index skip them), and its
    reports and persons leave the joint cases they were released into, as a withdrawal by
    their owner does."""
    from fraudlink.access.scope import withdrawn
    from fraudlink.access.tables import JointRelease

    # a link run that read the graph before this retraction would write the reports back
    # into their networks and clear the mark: wait for it to commit, and hold off the next
    exclusive(session.connection(), "link")
    mine = select(ShareRecord.record_id).where(ShareRecord.package_id == package)
    done: dict[str, int] = {}
    for kind in ("report", "entity"):
        gone = withdrawn(kind).subquery()
        ids = select(gone.c.record_id).where(
            gone.c.record_id.in_(mine.where(ShareRecord.table_name == kind))
        )
        released = session.execute(
            update(JointRelease)
            .where(
                JointRelease.record_type == kind,
                JointRelease.record_id.in_(ids),
                JointRelease.withdrawn_at.is_(None),
            )
            .values(withdrawn_at=dt.datetime.now(dt.UTC), withdrawn_by=user)
        )
        done[f"released_{kind}"] = int(released.rowcount or 0)  # type: ignore[attr-defined]
        if kind == "report":
            unlinked = session.execute(
                delete(_LINK_REPORT).where(_LINK_REPORT.c.report_id.in_(ids))
            )
            done["networked_report"] = int(unlinked.rowcount or 0)  # type: ignore[attr-defined]
            if done["networked_report"]:
                _mark_networks_withdrawn(session)
    return done


def _mark_networks_withdrawn(session: Session) -> None:
    """Tell the next ``fraudlink link`` that networks lost reports: a report that alone
    joined two parts of a network leaves them apart, which only a re-partition shows."""
    row = {"kind": _WITHDRAWN_MARK, "cutoff": None, "shared": 0, "above": 0,
           "full_shared": 0, "full_above": 0}  # fmt: skip
    insert_missing(session.connection(), _LINK_KIND, [row], ["kind"])  # two retractions at once


def _case(ctx: Context, data: dict[str, Any]) -> Case:
    reference = str(data["reference"])
    tlp = strictest(ctx.markings.tlp, str(data.get("tlp", "CLEAR")))
    case = ctx.session.scalar(select(Case).where(Case.reference == reference))
    if case is None:
        case = open_case(
            ctx.session, reference, str(data["title"]), ctx.sender, [ctx.local], tlp, user=ctx.user
        )
    else:
        case.title = str(data["title"])
        case.tlp = strictest(case.tlp, tlp)
        if case.status == "retracted":
            case.status = str(data.get("status", "open"))
    ctx.mark("case_file", case.id)
    return case


def _report(ctx: Context, case: Case, data: dict[str, Any]) -> None:
    """A report keeps the agency that took it (a partner's, passed on by the sender)."""
    origin = str(data.get("agency") or ctx.sender)
    sender_id = agency_id(ctx.session, origin)
    report = ctx.session.scalar(
        select(Report).where(Report.agency_id == sender_id, Report.external_id == str(data["id"]))
    )
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    tlp = strictest(ctx.markings.tlp, str(data.get("tlp", "CLEAR")))
    if report is None:
        report = Report(agency_id=sender_id, external_id=str(data["id"]), raw=raw, tlp=tlp)
        ctx.session.add(report)
    report.reported_at = dt.datetime.fromisoformat(str(data["reported_at"]))
    report.country, report.language = data.get("country"), data.get("language")
    report.scam_type, report.narrative = data.get("scam_type"), str(data.get("narrative") or "")
    report.victim, report.raw = data.get("victim"), raw
    report.content_hash = hashlib.sha256(raw.encode()).hexdigest()
    report.tlp = strictest(report.tlp, tlp)
    report.source = f"package:{ctx.manifest['id']}"
    report.extra = {"provenance": ctx.provenance()}
    ctx.session.flush()
    for item in data.get("identifiers", []):
        _identifier(ctx, report, item)
    attach_report(ctx.session, case, origin, str(data["id"]))
    ctx.mark("report", report.id)


def _identifier(ctx: Context, report: Report, item: dict[str, Any]) -> None:
    kind, value = str(item["kind"]), str(item["value"])
    identifier = ctx.session.scalar(
        select(Identifier).where(Identifier.kind == kind, Identifier.value == value)
    )
    if identifier is None:
        identifier = Identifier(kind=kind, value=value, valid=bool(item.get("valid", True)))
        identifier.attributes = {}
        ctx.session.add(identifier)
        ctx.session.flush()
    link = ctx.session.scalar(
        select(ReportIdentifier.id).where(
            ReportIdentifier.report_id == report.id,
            ReportIdentifier.identifier_id == identifier.id,
            ReportIdentifier.origin == "package",
        )
    )
    if link is None:
        ctx.session.add(
            ReportIdentifier(
                report_id=report.id, identifier_id=identifier.id, raw=value, origin="package"
            )
        )


def _person(ctx: Context, case: Case, data: dict[str, Any]) -> CaseSubject:
    ref = f"{ctx.sender}:{data['ref']}"
    entity = ctx.session.scalar(select(Entity).where(Entity.properties["ref"].as_string() == ref))
    tlp = strictest(ctx.markings.tlp, str(data.get("tlp", "CLEAR")))
    if entity is None:
        entity = Entity(agency_id=agency_id(ctx.session, ctx.sender, create=False), tlp=tlp)
        ctx.session.add(entity)
    entity.schema = str(data.get("schema") or "Person")
    entity.name = str(data.get("name") or f"{data.get('role', 'person')} {data['ref']}")
    birth = data.get("birth_date")
    entity.birth_date = dt.date.fromisoformat(birth) if birth else None
    entity.nationality = data.get("nationality")
    entity.tlp = strictest(entity.tlp or tlp, tlp)
    entity.properties = {"ref": ref, "provenance": ctx.provenance()}
    ctx.session.flush()
    _names_and_documents(ctx, entity, data)
    ctx.mark("entity", entity.id)
    return _subject(ctx, case, entity, data)


def _names_and_documents(ctx: Context, entity: Entity, data: dict[str, Any]) -> None:
    ctx.session.execute(delete(EntityName).where(EntityName.entity_id == entity.id))
    ctx.session.execute(delete(EntityDocument).where(EntityDocument.entity_id == entity.id))
    for alias in data.get("aliases", []):
        ctx.session.add(EntityName(entity_id=entity.id, name=str(alias), is_alias=True))
    for doc in data.get("documents", []):
        ctx.session.add(
            EntityDocument(
                entity_id=entity.id, kind=doc["kind"], number=doc["number"], country=doc["country"]
            )
        )


def _subject(ctx: Context, case: Case, entity: Entity, data: dict[str, Any]) -> CaseSubject:
    role = str(data["role"])
    subject = ctx.session.scalar(
        select(CaseSubject).where(
            CaseSubject.case_id == case.id,
            CaseSubject.entity_id == entity.id,
            CaseSubject.role == role,
        )
    )
    if subject is None:
        subject = add_subject(ctx.session, case, entity.id, role)
    known = {(s.status, s.occurred_on) for s in history(ctx.session, subject)}
    for step in data.get("statuses", []):
        on = dt.date.fromisoformat(step["on"])
        if (step["status"], on) in known:
            continue
        try:
            record_status(
                ctx.session, subject, step["status"], on, ctx.sender, step.get("legal_basis")
            )
        except FraudlinkError as exc:
            raise PackageRejected(f"A status in the package breaks the lifecycle: {exc}") from exc
    ctx.mark("case_subject", subject.id)
    return subject


def _consular(ctx: Context, subject: CaseSubject, records: list[dict[str, Any]]) -> None:
    for data in records:
        notified = data.get("notified_at")
        ctx.session.add(
            ConsularRecord(
                subject_id=subject.id,
                informed_at=dt.datetime.fromisoformat(data["informed_at"]),
                requested=bool(data["requested"]),
                notified_at=dt.datetime.fromisoformat(notified) if notified else None,
                consulate=data.get("consulate"),
                recorded_by=str(data.get("recorded_by") or ctx.sender),
                recorded_at=dt.datetime.now(dt.UTC),
                note=f"received from {ctx.sender} in package {ctx.manifest['id']}",
            )
        )
        ctx.counts["consular_record"] += 1


def _money(ctx: Context, case: Case, data: dict[str, Any]) -> None:
    on = data.get("occurred_on")
    record = MoneyRecord(
        kind=data["kind"],
        amount=Decimal(str(data["amount"])),
        currency=str(data["currency"]),
        case_id=case.id,
        occurred_on=dt.date.fromisoformat(on) if on else None,
        description=data.get("description"),
    )
    ctx.session.add(record)
    ctx.session.flush()
    ctx.mark("money_record", record.id)


def _evidence(ctx: Context, case: Case, data: dict[str, Any]) -> None:
    sha256 = str(data["sha256"])
    if sha256 not in ctx.staged:
        raise PackageRejected(f"Evidence {sha256[:12]} is listed but not carried in the package.")
    item = ctx.session.scalar(
        select(EvidenceItem).where(EvidenceItem.case_id == case.id, EvidenceItem.sha256 == sha256)
    )
    acq = data["acquisition"]
    if item is None:
        item = EvidenceItem(
            case_id=case.id,
            sha256=sha256,
            size=int(data["size"]),
            name=str(data["name"]),
            acquired_by=str(acq["by"]),
            acquired_at=dt.datetime.fromisoformat(acq["at"]),
            method=str(acq["method"]),
            authorisation=str(acq["authorisation"]),
            stored_path=str(evidence_path(ctx.evidence_dir, sha256, str(data["name"]))),
            tlp=strictest(ctx.markings.tlp, str(data.get("tlp", "CLEAR"))),
        )
        ctx.session.add(item)
        ctx.session.flush()
    if item.stored_path:
        ctx.targets[sha256] = Path(item.stored_path)
    continue_chain(ctx.session, item, list(data["custody"]))
    append(
        ctx.session,
        item,
        "received",
        ctx.user,
        ctx.local,
        str(ctx.manifest["id"]),
        note=f"from {ctx.sender}",
    )
    ctx.mark("evidence_item", item.id)


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def evidence_path(evidence_dir: Path, sha256: str, name: str) -> Path:
    """``DIR/<sha256>/<original name>``: the name a person recognises, in a folder no name
    can leave (separators, controls and dot-names from the package are replaced)."""
    safe = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .") or "evidence"
    return evidence_dir / sha256 / safe[:200]
