"""Outbound packages: build, check against the safeguards, approve, write; retract and correct.

``create`` either writes the package at once or, for AMBER+STRICT and RED,
keeps it waiting until a supervisor of the sending agency other than its
creator approves it. Every step takes the signed-in ``Principal`` who acts: the
sending agency is theirs, and the two-person rule compares user accounts, not
names someone typed (``officers.approver``). The request is stored so that
approval, correction and retraction rebuild the package from the database as it
is then, and run every safeguard again.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.audit import record_event
from fraudlink.audit.anchor import anchor_if_due
from fraudlink.cases import get_case, history
from fraudlink.cases.service import agency_id
from fraudlink.errors import InputError, NotFound
from fraudlink.share import content as build
from fraudlink.share import statistics as stats
from fraudlink.share.archive import Writer
from fraudlink.share.crypto import ALGORITHM, encrypt_stream, key_for
from fraudlink.share.custody import Acquisition, append, event_json, log, register
from fraudlink.share.errors import PackageBlocked
from fraudlink.share.keys import LocalKeys, b64, partner_keys, unlock
from fraudlink.share.manifest import FORMAT
from fraudlink.share.markings import Markings, needs_approval, tlp_rank
from fraudlink.share.officers import approver, may_send
from fraudlink.share.safeguards import Draft, check
from fraudlink.share.show import find_package
from fraudlink.share.tables import ConsularRecord, SharePackage, ShareRecord
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Case, CaseSubject, Entity

if TYPE_CHECKING:
    from fraudlink.access.principal import Principal

RETRACTION = "retraction"


@dataclass
class Request:
    """What the sender asked for; stored so the package can be rebuilt on approval."""

    kind: str
    case: str
    to: str
    out: str
    created_by: str
    tlp: str = "AMBER"
    handling: list[str] = field(default_factory=lambda: list(Markings().handling))
    reliability: str = "B"
    accuracy: int = 2
    purpose: str | None = None
    action: str = ""
    evidence: list[str] = field(default_factory=list)
    acquisition: dict[str, str] = field(default_factory=dict)
    subject: int | None = None
    legal_basis: str | None = None
    relation: str | None = None
    follows: str | None = None
    reason: str | None = None
    recipients: list[str] = field(default_factory=list)  # named people, required for TLP:RED
    statistics: str = "unit"  # a statistics package: how its figures are grouped, and when
    period_from: str | None = None
    period_to: str | None = None

    @property
    def markings(self) -> Markings:
        return Markings(self.tlp, tuple(self.handling), self.reliability, self.accuracy)


@dataclass(frozen=True)
class Outcome:
    package_id: str
    status: str
    path: str | None


def create(database: Database, request: Request, passphrase: str, by: Principal) -> Outcome:
    """Check, then write the package, or keep it for a supervisor's approval.

    ``by`` creates it, for their own agency; ``request.created_by`` is set from them.
    """
    from fraudlink.access.cases import shareable_case

    request = replace(request, created_by=may_send(by))
    try:
        with database.session() as session:
            if request.kind != stats.KIND:  # figures only: no case behind a statistics package
                shareable_case(session, by, request.case)
            keys = unlock(session, passphrase, by.agency)
            outcome = _create(session, request, keys)
    except PackageBlocked as blocked:
        with database.session() as session:  # nothing was written; the refusal is kept
            _block(session, _new_row(session, request, by.agency), blocked, request.created_by)
        raise
    anchor_if_due(database, passphrase)
    return outcome


def _block(session: Session, row: SharePackage, blocked: PackageBlocked, user: str) -> None:
    """The package stays, "blocked", with the safeguards' reasons for anyone to read."""
    row.status, row.problems = "blocked", list(blocked.reasons)
    _audit(session, "refuse", row, user, {"problems": row.problems})


def _create(session: Session, request: Request, keys: LocalKeys) -> Outcome:
    if request.kind != RETRACTION:
        build.check_kind(request.kind)
    row = _new_row(session, request, keys.code)
    draft = _draft(session, request, keys.code)
    _audit(session, "create", row, request.created_by)
    personal = build.holds_personal_data(request.kind, draft.content)
    if request.kind != RETRACTION and needs_approval(draft.markings.tlp, personal):
        row.status = "awaiting_approval"
        return Outcome(row.package_id, row.status, None)
    return _send(session, row, request, draft, keys)


def approve(database: Database, package_id: str, by: Principal, passphrase: str) -> Outcome:
    """A supervisor of the sending agency, another user than the creator, releases it."""
    try:
        with database.session() as session:
            keys = unlock(session, passphrase, by.agency)
            outcome = _approve(session, package_id, by, keys)
    except PackageBlocked as blocked:
        with database.session() as session:  # the records changed since it was made
            _block(session, _outbound(session, package_id, by), blocked, by.username)
        raise
    anchor_if_due(database, passphrase)
    return outcome


def _approve(session: Session, package_id: str, by: Principal, keys: LocalKeys) -> Outcome:
    row = _outbound(session, package_id, by)
    name = approver(row, by)
    if row.status != "awaiting_approval":
        raise InputError(f"Package {row.package_id} is '{row.status}', not awaiting approval.")
    row.approved_by, row.approved_at = name, dt.datetime.now(dt.UTC)
    request = Request(**row.request)
    draft = _draft(session, request, keys.code)
    _audit(session, "approve", row, name)
    return _send(session, row, request, draft, keys)


def packages_for(database: Database, principal: Principal, box: str) -> list[dict[str, Any]]:
    """The principal's agency's packages: ``inbox`` (received), ``outbox`` (sent or being
    sent) or ``waiting`` (outbound, awaiting a supervisor's approval), newest first."""
    where = {
        "inbox": (SharePackage.direction == "inbound", SharePackage.recipient_id),
        "outbox": (SharePackage.direction == "outbound", SharePackage.sender_id),
        "waiting": (SharePackage.status == "awaiting_approval", SharePackage.sender_id),
    }
    if box not in where:
        raise InputError(f"Box '{box}' is not one of {', '.join(where)}.")
    condition, owner = where[box]
    query = select(SharePackage).where(condition, owner.in_(principal.units))
    return _listed(database, query)


def retract(
    database: Database, package_id: str, reason: str, by: Principal, out: str, passphrase: str
) -> Outcome:
    with database.session() as session:
        original = _outbound(session, package_id, by)
        _check_sent(original)
        follow = _follow_up(original, RETRACTION, by.username, out, "retracts", reason)
    return create(database, follow, passphrase, by)


def correct(
    database: Database, package_id: str, reason: str, by: Principal, out: str, passphrase: str
) -> Outcome:
    """Resend the package as the records stand now; the receiver replaces the old copy."""
    with database.session() as session:
        original = _outbound(session, package_id, by)
        _check_sent(original)
        follow = _follow_up(original, original.kind, by.username, out, "corrects", reason)
    return create(database, follow, passphrase, by)


def _follow_up(
    original: SharePackage, kind: str, by: str, out: str, relation: str, reason: str
) -> Request:
    base = dict(original.request)
    base.update(
        kind=kind,
        out=out,
        created_by=by,
        relation=relation,
        follows=original.package_id,
        reason=reason,
    )
    return Request(**base)


#: states of a package that left (or is leaving): it may be corrected or retracted
LEFT = ("sent", "written", "queued", "delivered", "opened", "corrected")


def _check_sent(row: SharePackage) -> None:
    if row.status not in LEFT:
        raise InputError(f"Package {row.package_id} is '{row.status}'; only a sent one can change.")


def _outbound(session: Session, package_id: str, by: Principal | None = None) -> SharePackage:
    """The outbound package (its id or an unambiguous beginning), among those of ``by``'s
    agencies when ``by`` is given."""
    where = [SharePackage.direction == "outbound"]
    if by is not None:
        where.append(SharePackage.sender_id.in_(by.units))
    return find_package(session, package_id, *where, what="outbound package")


def _new_row(session: Session, request: Request, local: str) -> SharePackage:
    case = None if request.kind == stats.KIND else get_case(session, request.case)
    markings = request.markings
    row = SharePackage(
        package_id=str(uuid.uuid4()),
        direction="outbound",
        kind=request.kind,
        status="draft",
        sender_id=agency_id(session, local),
        recipient_id=agency_id(session, request.to, create=False),
        case_id=case.id if case else None,
        tlp=markings.tlp,
        handling=list(markings.handling),
        reliability=markings.reliability,
        accuracy=markings.accuracy,
        purpose=request.purpose or build.DEFAULT_PURPOSE.get(request.kind, "investigation"),
        request=asdict(request),
        relation=request.relation,
        follows=request.follows,
        reason=request.reason,
        created_by=request.created_by,
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    return row


def _draft(session: Session, request: Request, local: str) -> Draft:
    """Build the content and judge it; raise with every reason when a rule fails."""
    partner_keys(session, request.to)
    purpose = build.check_purpose(
        request.purpose or build.DEFAULT_PURPOSE.get(request.kind, "investigation")
    )
    if request.kind == stats.KIND:
        return _statistics_draft(session, request, purpose)
    case = get_case(session, request.case)
    body, subjects = _content(session, request, case)
    country = session.scalar(select(Agency.country).where(Agency.code == local))
    draft = Draft(
        session,
        request.kind,
        case,
        request.to,
        country,
        request.markings,
        purpose,
        build.minimise(body, purpose),
        subjects,
        recipients=list(request.recipients),
    )
    reasons = check(draft) if request.kind != RETRACTION else []
    if reasons:
        raise PackageBlocked(reasons)
    return draft


def _statistics_draft(session: Session, request: Request, purpose: str) -> Draft:
    """Figures only, judged by the statistics safeguards (no case, no person)."""
    start, end = (
        dt.date.fromisoformat(day) if day else None
        for day in (request.period_from, request.period_to)
    )
    body = stats.build(session, request.statistics, start, end)
    draft = Draft(session, request.kind, None, request.to, None, request.markings, purpose, body,
                  recipients=list(request.recipients))  # fmt: skip
    reasons = check(draft)
    if reasons:
        raise PackageBlocked(reasons)
    return draft


def _content(
    session: Session, request: Request, case: Case
) -> tuple[dict[str, Any], list[CaseSubject]]:
    action = request.action
    if request.kind == RETRACTION:
        return {"retracts": request.follows, "reason": request.reason}, []
    if request.kind == "case_notification":
        return build.case_notification(session, case, action), []
    if request.kind == "evidence_transfer":
        if not request.evidence:
            raise InputError("An evidence transfer needs at least one --evidence FILE.")
        return build.evidence_transfer(session, case, action), []
    subject = _subject(session, case, request.subject)
    victims = _victims_to_repatriate(session, case, request.to)
    consular = _consular(session, subject)
    body = build.repatriation_request(
        session, case, subject, victims, request.legal_basis or "", consular, action
    )
    return body, [subject, *victims]


def _victims_to_repatriate(session: Session, case: Case, to: str) -> list[CaseSubject]:
    """Located or rescued victims who are nationals of the receiving agency's country."""
    country = session.scalar(select(Agency.country).where(Agency.code == to))
    found = []
    for victim in build.subjects(session, case, ("victim",)):
        steps = history(session, victim)
        entity = session.get(Entity, victim.entity_id)
        rescued = bool(steps) and steps[-1].status in ("located", "rescued")
        if rescued and entity is not None and entity.nationality == country is not None:
            found.append(victim)
    return found


def _subject(session: Session, case: Case, entity_id: int | None) -> CaseSubject:
    if entity_id is None:
        raise InputError("A repatriation request needs --subject ID (the person's entity id).")
    subject = session.scalar(
        select(CaseSubject).where(
            CaseSubject.case_id == case.id, CaseSubject.entity_id == entity_id
        )
    )
    if subject is None:
        raise NotFound(f"Entity {entity_id} is not a subject of case {case.reference}.")
    return subject


def _consular(session: Session, subject: CaseSubject) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(ConsularRecord)
        .where(ConsularRecord.subject_id == subject.id)
        .order_by(ConsularRecord.id)
    )
    return [
        {
            "informed_at": r.informed_at.isoformat(),
            "requested": r.requested,
            "notified_at": r.notified_at.isoformat() if r.notified_at else None,
            "consulate": r.consulate,
            "recorded_by": r.recorded_by,
        }
        for r in rows
    ]


def _send(
    session: Session, row: SharePackage, request: Request, draft: Draft, keys: LocalKeys
) -> Outcome:
    partner = partner_keys(session, request.to)
    package_key, ephemeral = key_for(partner.encryption, row.package_id)
    out = Path(request.out)
    partial = out.with_name(out.name + ".partial")
    writer = Writer(partial)
    try:
        members = _write_evidence(session, writer, package_key, row, request, draft, keys.code)
        body = {**draft.content}
        if members:
            body["evidence"] = [m.pop("record") for m in members]
        data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
        with writer.member("content.json", len(data)) as sink:
            digest = encrypt_stream(package_key, 0, io.BytesIO(data), sink)
        members.insert(0, {"name": "content.json", "sha256": digest.sha256, "size": digest.size})
        writer.close(
            _manifest(row, request, draft, keys.code, ephemeral, members), keys.code, keys.signing
        )
    except BaseException:
        writer.abort()
        raise
    partial.replace(out)
    _mark_sent(session, row, draft, out)
    _audit(session, "export", row, row.approved_by or request.created_by)
    return Outcome(row.package_id, row.status, str(out))


def _mark_sent(session: Session, row: SharePackage, draft: Draft, out: Path) -> None:
    """A file carried by hand is only "written"; one for a network partner is "queued"."""
    from fraudlink.federation.outbox import enqueue

    row.status = "written"
    enqueue(session, row, out)
    if draft.case is not None:
        session.add(ShareRecord(package_id=row.id, table_name="case_file", record_id=draft.case.id))
    if row.relation is not None and row.follows is not None:
        original = _outbound(session, row.follows)
        original.status = "retracted" if row.relation == "retracts" else "corrected"


def _write_evidence(
    session: Session,
    writer: Writer,
    key: bytes,
    row: SharePackage,
    request: Request,
    draft: Draft,
    local: str,
) -> list[dict[str, Any]]:
    if request.kind != "evidence_transfer" or request.relation == "retracts":
        return []
    acq = request.acquisition
    members = []
    for index, name in enumerate(request.evidence, start=1):
        path = Path(name)
        if path.is_symlink() or not path.is_file():
            raise InputError(f"Evidence '{name}' is not a regular file; give the file itself.")
        member = f"evidence/{index:06d}"
        with path.open("rb") as source, writer.member(member, path.stat().st_size) as sink:
            digest = encrypt_stream(key, index, source, sink)
        acquisition = Acquisition(
            by=acq.get("by", request.created_by),
            at=dt.datetime.fromisoformat(acq["at"]) if acq.get("at") else dt.datetime.now(dt.UTC),
            method=acq.get("method", "not recorded"),
            authorisation=acq.get("authorisation", "not recorded"),
        )
        item = register(
            session,
            get_case(session, request.case),
            path.name,
            digest.sha256,
            digest.size,
            acquisition,
            local,
        )
        if tlp_rank(item.tlp) > tlp_rank(row.tlp):
            raise PackageBlocked(
                [f"Evidence {path.name} is TLP:{item.tlp}; a package marked TLP:{row.tlp} "
                 "would lower it."]
            )  # fmt: skip
        append(
            session,
            item,
            "transferred",
            request.created_by,
            local,
            row.package_id,
            note=f"to {request.to}",
        )
        session.add(ShareRecord(package_id=row.id, table_name="evidence_item", record_id=item.id))
        record = {
            "member": member,
            "name": item.name,
            "sha256": item.sha256,
            "size": item.size,
            "tlp": item.tlp,
            "acquisition": {
                "by": item.acquired_by,
                "at": item.acquired_at.isoformat(),
                "method": item.method,
                "authorisation": item.authorisation,
            },
            "custody": [event_json(e) for e in log(session, item)],
        }
        members.append(
            {"name": member, "sha256": digest.sha256, "size": digest.size, "record": record}
        )
    return members


def _manifest(
    row: SharePackage,
    request: Request,
    draft: Draft,
    sender: str,
    ephemeral: bytes,
    members: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "id": row.package_id,
        "kind": row.kind,
        "sender": sender,
        "recipient": request.to,
        "created_at": row.created_at.isoformat(),
        "signed_at": dt.datetime.now(dt.UTC).isoformat(),
        "created_by": row.created_by,
        "approved_by": row.approved_by,
        "recipients": list(request.recipients),
        "purpose": row.purpose,
        "markings": draft.markings.as_json(),
        "relation": row.relation,
        "follows": row.follows,
        "encryption": {"algorithm": ALGORITHM, "ephemeral_key": b64(ephemeral)},
        "members": members,
    }


def _audit(
    session: Session,
    action: str,
    row: SharePackage,
    user: str,
    more: dict[str, Any] | None = None,
) -> None:
    """The one place this stage writes to the audit log (create, approve, export, refuse)."""
    recipient = session.get(Agency, row.recipient_id)
    record_event(
        session,
        action=action,
        record_type="share_package",
        record_id=row.package_id,
        user=user,
        purpose=row.purpose,
        agency=recipient.code if recipient else None,
        detail={"kind": row.kind, "tlp": row.tlp, "case_id": row.case_id, "relation": row.relation}
        | (more or {}),
    )


def record_consular(
    database: Database,
    case_ref: str,
    entity_id: int,
    informed_at: dt.datetime,
    requested: bool,
    notified_at: dt.datetime | None,
    consulate: str | None,
    by: str,
) -> None:
    """Record what a detained foreign national was told and asked (VCCR Art. 36)."""
    with database.session() as session:
        subject = _subject(session, get_case(session, case_ref), entity_id)
        session.add(
            ConsularRecord(
                subject_id=subject.id,
                informed_at=informed_at,
                requested=requested,
                notified_at=notified_at,
                consulate=consulate,
                recorded_by=by,
                recorded_at=dt.datetime.now(dt.UTC),
            )
        )
        record_event(
            session,
            action="create",
            record_type="consular_record",
            record_id=f"{case_ref}/person {entity_id}",
            user=by,
            purpose="VCCR art. 36",
            detail={"requested": requested, "consulate": consulate,
                    "informed_at": informed_at.isoformat(),
                    "notified_at": notified_at.isoformat() if notified_at else None},
        )  # fmt: skip


def list_packages(database: Database) -> list[dict[str, Any]]:
    """Every package sent or received, newest first, for the liaison officer's overview."""
    return _listed(database, select(SharePackage))


def _listed(database: Database, query: Any) -> list[dict[str, Any]]:
    with database.session() as session:
        rows = session.scalars(query.order_by(SharePackage.created_at.desc()))
        codes = {id_: code for id_, code in session.execute(select(Agency.id, Agency.code))}
        return [_summary(r, codes) for r in rows]


def package_box(
    session: Session, by: Principal, direction: str, after: int, limit: int
) -> tuple[list[dict[str, Any]], int | None]:
    """``by``'s inbox (``inbound``) or outbox (``outbound``), oldest first, one page.

    Only packages their agency or its units sent or received; the second value is
    the id to continue after, None on the last page.
    """
    side = SharePackage.sender_id if direction == "outbound" else SharePackage.recipient_id
    rows = list(
        session.scalars(
            select(SharePackage)
            .where(
                SharePackage.direction == direction,
                side.in_(by.units),
                SharePackage.id > after,
            )
            .order_by(SharePackage.id)
            .limit(limit + 1)
        )
    )
    codes = {id_: code for id_, code in session.execute(select(Agency.id, Agency.code))}
    page = rows[:limit]
    return [_summary(r, codes) for r in page], page[-1].id if len(rows) > limit else None


def written_file(session: Session, package_id: str, by: Principal) -> Path:
    """The file of a package ``by``'s agency wrote (sent, retracted or corrected)."""
    row = _outbound(session, package_id, by)
    path = Path(str(row.request.get("out", "")))
    if row.status == "awaiting_approval" or not path.is_file():
        raise NotFound(f"Package {package_id} has no written file; it is '{row.status}'.")
    return path


def _summary(r: SharePackage, codes: dict[int, str]) -> dict[str, Any]:
    return {
        "package_id": r.package_id,
        "direction": r.direction,
        "kind": r.kind,
        "status": r.status,
        "tlp": r.tlp,
        "sender": codes.get(r.sender_id),
        "recipient": codes.get(r.recipient_id),
        "relation": r.relation,
        "follows": r.follows,
        "created_by": r.created_by,
        "approved_by": r.approved_by,
        "created_at": r.created_at.isoformat(),
        "problems": list(r.problems or []),
    }
