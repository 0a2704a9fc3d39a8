"""Rules that run before anything leaves the agency; every failing rule is reported.

Each rule looks at a ``Draft`` and returns the reasons it fails (none when it
passes), one sentence each, so the sender sees exactly why a package was
blocked and what would unblock it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.cases import history
from fraudlink.share.content import CARD_RUN, PURPOSES, VICTIM_PERSONAL, luhn, record_levels
from fraudlink.share.markings import Markings, tlp_rank
from fraudlink.share.tables import ConsularRecord, SharePackage, ShareRecord
from fraudlink.store.schema import Agency, Case, CaseSubject, Entity

ARTICLE3 = ("political", "military", "religious", "racial")
PROTECTION_FLAGS = ("asylum_seeker", "at_risk_of_persecution", "refugee")
DETAINED = ("arrested", "detained", "charged")


@dataclass
class Draft:
    """Everything the rules need to judge a package before it is written."""

    session: Session
    kind: str
    case: Case | None  # None for a statistics package, which no case is behind
    recipient: str
    local_country: str | None
    markings: Markings
    purpose: str
    content: dict[str, Any]
    subjects: list[CaseSubject] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


Rule = Callable[[Draft], list[str]]


def _case(draft: Draft) -> Case:
    if draft.case is None:
        raise ValueError(f"A {draft.kind} package has no case to judge; its rules are others.")
    return draft.case


def article3(draft: Draft) -> list[str]:
    case = _case(draft)
    flags = case.flags or {}
    found = [name for name in ARTICLE3 if flags.get(name) or flags.get("character") == name]
    return [
        f"Case {case.reference} is flagged as of {name} character; INTERPOL's Article 3 "
        "forbids sharing it."
        for name in found
    ]


def non_refoulement(draft: Draft) -> list[str]:
    if draft.kind != "repatriation_request":
        return []
    reasons = []
    for subject in draft.subjects:
        flags = subject.flags or {}
        for flag in PROTECTION_FLAGS:
            if flags.get(flag):
                reasons.append(
                    f"{_name(draft.session, subject)} is flagged {flag.replace('_', ' ')}; "
                    "non-refoulement forbids putting them in a repatriation request."
                )
    return reasons


def minimisation(draft: Draft) -> list[str]:
    reasons = []
    if not PURPOSES.get(draft.purpose, False):
        for victim in draft.content.get("victims", []):
            leaked = [f for f in VICTIM_PERSONAL if victim.get(f)]
            if leaked:
                reasons.append(
                    f"A victim's {', '.join(leaked)} would leave although purpose "
                    f"'{draft.purpose}' does not need victims' personal data."
                )
    text = json.dumps(draft.content, ensure_ascii=False)
    for match in CARD_RUN.finditer(text):
        digits = "".join(ch for ch in match.group() if ch.isdigit())
        if luhn(digits):
            reasons.append(f"A payment card number ending {digits[-4:]} would leave unmasked.")
    return reasons


def consular_notification(draft: Draft) -> list[str]:
    """VCCR Art. 36: a detained foreigner is told of the right; the consulate only if they ask."""
    reasons = []
    for subject in draft.subjects:
        entity = draft.session.get(Entity, subject.entity_id)
        steps = history(draft.session, subject)
        foreign = entity is not None and entity.nationality not in (None, draft.local_country)
        if not foreign or not steps or steps[-1].status not in DETAINED:
            continue
        reasons.extend(_consular_record_problems(draft.session, subject))
    return reasons


def _consular_record_problems(session: Session, subject: CaseSubject) -> list[str]:
    name = _name(session, subject)
    record = session.scalar(
        select(ConsularRecord)
        .where(ConsularRecord.subject_id == subject.id)
        .order_by(ConsularRecord.recorded_at.desc(), ConsularRecord.id.desc())
    )
    if record is None:
        return [
            f"{name} is a detained foreign national with no consular-notification record; "
            "record when they were told of their right and what they asked."
        ]
    if record.requested and record.notified_at is None:
        return [
            f"{name} asked for their consulate to be notified, "
            "but no notification time is recorded."
        ]
    if not record.requested and record.notified_at is not None:
        return [f"{name} did not ask for consular notification, yet the consulate was notified."]
    if record.notified_at is not None and _utc(record.notified_at) < _utc(record.informed_at):
        return [f"{name}'s consulate was notified before they were told of their right."]
    return []


def tlp_not_lowered(draft: Draft) -> list[str]:
    """The package is at least as restrictive as the most restrictive record inside it."""
    case = [(f"Case {draft.case.reference}", draft.case.tlp)] if draft.case else []
    levels = [*case, *record_levels(draft.content)]
    if not levels:
        return []
    label, level = max(levels, key=lambda item: tlp_rank(item[1]))
    if tlp_rank(draft.markings.tlp) < tlp_rank(level):
        return [
            f"{label} is TLP:{level}; a package marked TLP:{draft.markings.tlp} would lower it "
            f"(mark it TLP:{level} or leave that record out)."
        ]
    return []


def red_to_named_people(draft: Draft) -> list[str]:
    if draft.markings.tlp == "RED" and not draft.recipients:
        return [
            f"TLP:RED goes only to named people: give --recipient NAME for each person at "
            f"{draft.recipient} who may read it."
        ]
    return []


def onward_sharing(draft: Draft) -> list[str]:
    """Information received with "no_onward" goes back only to the agency that sent it."""
    case = _case(draft)
    query = (
        select(Agency.code, SharePackage.package_id, SharePackage.handling)
        .join(ShareRecord, ShareRecord.package_id == SharePackage.id)
        .join(Agency, Agency.id == SharePackage.sender_id)
        .where(
            SharePackage.direction == "inbound",
            ShareRecord.table_name == "case_file",
            ShareRecord.record_id == case.id,
            ShareRecord.state == "active",
        )
    )
    return [
        f"Case {case.reference} holds information from {sender} (package {pid[:8]}) "
        f"that may not be passed on without {sender}'s permission."
        for sender, pid, handling in draft.session.execute(query)
        if "no_onward" in (handling or []) and sender != draft.recipient
    ]


RULES: tuple[Rule, ...] = (
    article3,
    non_refoulement,
    minimisation,
    consular_notification,
    tlp_not_lowered,
    red_to_named_people,
    onward_sharing,
)


def figures_only(draft: Draft) -> list[str]:
    """A statistics package carries aggregates and nothing that is a person."""
    from fraudlink.share.statistics import check as check_statistics

    return check_statistics(draft.session, draft.content)


STATISTICS_RULES: tuple[Rule, ...] = (figures_only, tlp_not_lowered, red_to_named_people)


def check(draft: Draft) -> list[str]:
    """Every reason, from every rule, why this draft must not leave."""
    rules = STATISTICS_RULES if draft.case is None else RULES
    return [reason for rule in rules for reason in rule(draft)]


def _name(session: Session, subject: CaseSubject) -> str:
    entity = session.get(Entity, subject.entity_id)
    return f"Subject {entity.name if entity else subject.entity_id} ({subject.role})"


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
