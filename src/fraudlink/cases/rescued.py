"""Workers rescued from scam compounds: their needs, their status as victims of
trafficking, their return home — and who may read any of it.

Their personal data is the most protected in fraudlink: only the named roles of the
agency that holds the record read it, every read is audited with its purpose, and
statistics see counts, never a name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.audit import record_event
from fraudlink.cases.service import agency_id
from fraudlink.cases.tables import RescuedPerson
from fraudlink.errors import InputError, NotFound

READERS = ("liaison", "supervisor")
NEEDS = ("medical", "shelter", "interpreter", "legal", "psychosocial", "documents", "travel")
TRAFFICKING_STATUSES = ("pending", "recognised", "not_recognised")


def record_rescue(
    session: Session,
    agency: str,
    name: str,
    rescued_on: dt.date,
    place: str | None = None,
    nationality: str | None = None,
    needs: Iterable[str] = (),
    operation_id: int | None = None,
) -> RescuedPerson:
    unknown = sorted(set(needs) - set(NEEDS))
    if unknown:
        raise InputError(f"Unknown need {', '.join(unknown)}; use: {', '.join(NEEDS)}.")
    person = RescuedPerson(
        agency_id=agency_id(session, agency),
        operation_id=operation_id,
        name=name,
        nationality=nationality.upper() if nationality else None,
        rescued_on=rescued_on,
        place=place,
        needs=sorted(set(needs)),
        trafficking_status="pending",
    )
    session.add(person)
    session.flush()
    return person


def decide_trafficking_status(
    person: RescuedPerson, status: str, authority: str, basis: str
) -> None:
    """Only a competent authority decides, and the decision keeps its legal basis."""
    if status not in TRAFFICKING_STATUSES[1:]:
        raise InputError(f"Decide 'recognised' or 'not_recognised', not '{status}'.")
    if not (authority.strip() and basis.strip()):
        raise InputError("A status decision needs the deciding authority and its legal basis.")
    person.trafficking_status, person.status_authority, person.status_basis = (
        status,
        authority,
        basis,
    )


def record_return(person: RescuedPerson, on: dt.date, embassy: str | None) -> None:
    if on < person.rescued_on:
        raise InputError(f"A return on {on} would precede the rescue on {person.rescued_on}.")
    person.repatriated_on, person.embassy = on, embassy


def read_rescued(
    session: Session, principal: Principal, person_id: int, purpose: str | None
) -> RescuedPerson:
    """One record, for a named role of the owning agency, with the read audited.

    Another agency's record, or none at all, is the same "not found".
    """
    principal.require(*READERS)
    if not (purpose and purpose.strip()):
        raise InputError("Reading a rescued person's record needs a purpose (a case or reason).")
    person = session.get(RescuedPerson, person_id)
    if person is None or person.agency_id not in principal.units:
        raise NotFound(f"No rescued person {person_id} is visible to you.")
    record_event(
        session,
        action="read",
        record_type="rescued_person",
        record_id=str(person_id),
        user=principal.username,
        purpose=purpose,
        agency=principal.agency,
    )
    return person


def rescued_counts(
    session: Session, agency_ids: Iterable[int] | None = None, operation_id: int | None = None
) -> dict[str, Any]:
    """Counts only: rescued, recognised as trafficked, returned home, by nationality."""
    query = select(
        RescuedPerson.nationality,
        RescuedPerson.trafficking_status,
        RescuedPerson.repatriated_on.is_not(None),
        func.count(),
    )
    if agency_ids is not None:
        query = query.where(RescuedPerson.agency_id.in_(list(agency_ids)))
    if operation_id is not None:
        query = query.where(RescuedPerson.operation_id == operation_id)
    rows = session.execute(
        query.group_by(
            RescuedPerson.nationality,
            RescuedPerson.trafficking_status,
            RescuedPerson.repatriated_on.is_not(None),
        )
    ).all()
    by_nationality: Counter[str] = Counter()
    recognised = returned = 0
    for nationality, status, home, count in rows:
        by_nationality[nationality or "unknown"] += count
        recognised += count if status == "recognised" else 0
        returned += count if home else 0
    return {
        "rescued": sum(by_nationality.values()),
        "recognised": recognised,
        "repatriated": returned,
        "by_nationality": dict(sorted(by_nationality.items())),
    }
