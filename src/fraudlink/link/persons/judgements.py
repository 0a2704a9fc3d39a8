"""Human decisions on pairs of person records, kept as reversible, append-only data.

The newest judgement on a pair is the one in force; judging again (or
``unsure``) reverses an earlier decision without erasing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from fraudlink.errors import InputError, NotFound
from fraudlink.link.persons.records import PersonRecord
from fraudlink.link.persons.tables import JUDGEMENTS, PersonJudgement


@dataclass(frozen=True, slots=True)
class Judgement:
    left: str
    right: str
    judgement: str
    user: str
    at: dt.datetime
    reason: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "left": self.left,
            "right": self.right,
            "judgement": self.judgement,
            "user": self.user,
            "at": self.at.isoformat(),
            "reason": self.reason,
        }


def parse_judgement(text: str) -> str:
    value = text.strip().lower().replace("-", "_")
    if value not in JUDGEMENTS:
        raise InputError(f"Judgement {text!r} is unknown; say same, not-same or unsure.")
    return value


def find_record(records: Mapping[str, PersonRecord], ref: str) -> PersonRecord:
    """A record by entity id (as ``clusters`` prints it) or by its stable key."""
    if ref in records:
        return records[ref]
    for record in records.values():
        if str(record.id) == ref:
            return record
    raise NotFound(f"No person record {ref!r}; list them with `fraudlink persons clusters`.")


def record_judgement(
    conn: Connection, left: str, right: str, judgement: str, user: str, reason: str | None
) -> Judgement:
    if left == right:
        raise InputError("A record cannot be judged against itself; name two different records.")
    low, high = sorted((left, right))
    decision = Judgement(
        low, high, parse_judgement(judgement), user, dt.datetime.now(dt.UTC), reason
    )
    conn.execute(
        insert(PersonJudgement).values(
            left_key=low,
            right_key=high,
            judgement=decision.judgement,
            user=user,
            at=decision.at,
            reason=reason,
        )
    )
    return decision


def current_judgements(conn: Connection) -> dict[tuple[str, str], Judgement]:
    """The judgement in force on every judged pair (the newest one)."""
    table = PersonJudgement
    query = select(
        table.left_key, table.right_key, table.judgement, table.user, table.at, table.reason
    ).order_by(table.at, table.id)
    found: dict[tuple[str, str], Judgement] = {}
    for left, right, judgement, user, at, reason in conn.execute(query):
        found[(left, right)] = Judgement(left, right, judgement, user, at, reason)
    return found
