"""Releases: a supervisor approves one case's indicators for one partner's feed, or withdraws them.

A feed holds exactly what was released to that partner, as MISP users expect
of a feed (published events only) and OpenCTI users of a TAXII collection:
the release is the approval. A package sent to a partner does not enter its
feed by itself: a package is read by an officer, a feed is copied by
machines onward, so the agency decides on each separately. The content is
frozen at approval; releasing the case again publishes its current state as
a new release. Withdrawing revokes the release's indicators and groupings
(new STIX versions with ``revoked: true``) and drops its MISP event from the
manifest. TLP:RED never enters a feed, and nothing above the release's TLP.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fraudlink.access import Principal, agency_by_code
from fraudlink.audit import record_event
from fraudlink.cases import get_case
from fraudlink.errors import InputError, NotFound
from fraudlink.share.export.data import check_tlp, load_export
from fraudlink.share.feeds import build
from fraudlink.share.feeds.tables import FEED_TLPS, FeedObject, FeedRelease
from fraudlink.store.schema import Agency, Case

RELEASERS = ("supervisor",)


@dataclass(frozen=True)
class ReleaseSummary:
    id: int
    partner: str
    case: str
    tlp: str
    event_uuid: str
    indicators: int
    networks: int
    approved_by: str
    approved_at: dt.datetime
    withdrawn_at: dt.datetime | None


def now() -> dt.datetime:
    """To the millisecond, as TAXII shows it: ``added_after`` a shown time then excludes it."""
    moment = dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def feed_tlp(level: str) -> str:
    tlp = check_tlp(level)
    if tlp not in FEED_TLPS:
        raise InputError("TLP:RED never enters a feed; send it by package to the named people.")
    return tlp


def _rows(release: FeedRelease, collections: dict[str, list[dict[str, Any]]]) -> list[FeedObject]:
    return [
        FeedObject(
            release_id=release.id,
            partner_id=release.partner_id,
            collection=collection,
            stix_id=body["id"],
            version=body.get("modified", body.get("created", "")),
            revocation=False,
            added_at=release.approved_at,
            body=body,
        )
        for collection, bodies in collections.items()
        for body in bodies
    ]


def _owned_case(session: Session, principal: Principal, reference: str) -> Case:
    case = get_case(session, reference)
    if case.lead_agency_id not in principal.units:
        raise NotFound(f"No case '{reference}' led by your agency; release only your own cases.")
    return case


def publish(
    session: Session, principal: Principal, partner: str, reference: str, tlp: str = "AMBER"
) -> ReleaseSummary:
    """Release case ``reference``'s indicators (up to ``tlp``) to ``partner``'s feed."""
    principal.require(*RELEASERS)
    level = feed_tlp(tlp)
    to = agency_by_code(session, partner)
    if to.id in principal.units:
        raise InputError(f"{partner} is your own agency; a feed is for a partner.")
    case = _owned_case(session, principal, reference)
    data = build.without_people(load_export(session, case.reference, level), principal.unit_codes)
    when = now()
    release = FeedRelease(
        agency_id=principal.agency_id,
        partner_id=to.id,
        case_id=case.id,
        tlp=level,
        event_uuid=str(uuid.uuid4()),
        misp_event={},
        approved_by=principal.username,
        approved_at=when,
    )
    session.add(release)
    session.flush()
    release.misp_event = build.feed_event(data, release.event_uuid, principal.agency, when)
    session.add_all(_rows(release, build.stix_collections(session, data, release.id, when)))
    _audit(session, "approve", release, principal, partner, reference)
    session.flush()
    return summary(session, release)


def withdraw(session: Session, principal: Principal, release_id: int) -> ReleaseSummary:
    """Revoke a release's indicators and groupings; its MISP event leaves the manifest."""
    principal.require(*RELEASERS)
    release = session.get(FeedRelease, release_id)
    if release is None or release.agency_id not in principal.units:
        raise NotFound(f"No feed release {release_id} of your agency.")
    if release.withdrawn_at is not None:
        return summary(session, release)
    release.withdrawn_at, release.withdrawn_by = now(), principal.username
    current = session.scalars(
        select(FeedObject).where(
            FeedObject.release_id == release.id,
            or_(
                FeedObject.stix_id.startswith("indicator--"),
                FeedObject.stix_id.startswith("grouping--"),
            ),
        )
    ).all()
    for row in current:
        body = build.revoked(row.body, release.withdrawn_at)
        session.add(
            FeedObject(
                release_id=release.id,
                partner_id=release.partner_id,
                collection=row.collection,
                stix_id=row.stix_id,
                version=body["modified"],
                revocation=True,
                added_at=release.withdrawn_at,
                body=body,
            )
        )
    done = summary(session, release)
    _audit(session, "delete", release, principal, done.partner, done.case)
    session.flush()
    return done


def summary(session: Session, release: FeedRelease) -> ReleaseSummary:
    kinds = session.execute(
        select(FeedObject.stix_id).where(
            FeedObject.release_id == release.id, FeedObject.revocation.is_(False)
        )
    ).scalars()
    counted = [stix_id.split("--")[0] for stix_id in kinds]
    partner = session.get(Agency, release.partner_id)
    case = session.get(Case, release.case_id)
    return ReleaseSummary(
        id=release.id,
        partner=partner.code if partner else "",
        case=case.reference if case else "",
        tlp=release.tlp,
        event_uuid=release.event_uuid,
        indicators=counted.count("indicator"),
        networks=counted.count("grouping"),
        approved_by=release.approved_by,
        approved_at=release.approved_at,
        withdrawn_at=release.withdrawn_at,
    )


def list_releases(session: Session, principal: Principal) -> list[ReleaseSummary]:
    """The releases of the principal's agency (and units), newest first."""
    rows = session.scalars(
        select(FeedRelease)
        .where(FeedRelease.agency_id.in_(principal.units))
        .order_by(FeedRelease.id.desc())
    )
    return [summary(session, row) for row in rows]


def _audit(
    session: Session,
    action: str,
    release: FeedRelease,
    principal: Principal,
    partner: str,
    reference: str,
) -> None:
    record_event(
        session,
        action=action,
        record_type="feed_release",
        record_id=str(release.id),
        user=principal.username,
        purpose="feed release" if action == "approve" else "feed withdrawal",
        agency=partner,
        detail={"case": reference, "tlp": release.tlp, "event_uuid": release.event_uuid},
    )
