"""The statistics-only package: aggregates a ministry or partner may receive, no person in it.

Ministries exchange figures (reports, arrests, rescues, losses by group) far more often
than case files, and those figures must never carry a person. Three safeguards make that
hold by construction, and are checked again before anything is written:

- the content is built from ``figures_by`` and ``rescued_counts`` only: counts and sums,
  never a row;
- it must fit a closed schema (``extra="forbid"`` everywhere): a field that is not a
  figure, e.g. a name, a narrative or an identifier, makes it invalid;
- a count of rescued people by nationality below ``MIN_CELL`` is folded into "other",
  since one rescued national of a small country is a person, not a statistic; and no
  text may hold a card number or a name of a person or alias the database knows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fraudlink.share.content import CARD_RUN, luhn
from fraudlink.store.schema import EntityName

KIND = "statistics"
MIN_CELL = 3
Amount = Annotated[str, StringConstraints(pattern=r"^-?[0-9]+(\.[0-9]+)?$", max_length=40)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{3,10}$")]
Nationality = Annotated[str, StringConstraints(pattern=r"^([A-Z]{2}|unknown|other)$")]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GroupFigures(_Closed):
    key: str = Field(max_length=128)
    reports: int = Field(ge=0)
    arrested: int = Field(ge=0)
    rescued: int = Field(ge=0)
    losses: dict[Currency, Amount] = Field(default_factory=dict)


class RescuedFigures(_Closed):
    rescued: int = Field(ge=0)
    recognised: int = Field(ge=0)
    repatriated: int = Field(ge=0)
    by_nationality: dict[Nationality, int] = Field(default_factory=dict)


class StatisticsContent(_Closed):
    """Everything a statistics package may carry; nothing else validates."""

    statistics: str = Field(pattern="^(month|country|scam_type|unit|province)$")
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    groups: list[GroupFigures]
    rescued: RescuedFigures


def build(
    session: Session, dimension: str, start: dt.date | None, end: dt.date | None
) -> dict[str, Any]:
    """The figures of the period, grouped by ``dimension``, as package content."""
    from fraudlink.cases.rescued import rescued_counts
    from fraudlink.cases.statistics import figures_by

    groups = [g.as_json() for g in figures_by(session, dimension, start, end)]
    rescued = rescued_counts(session)
    rescued["by_nationality"] = suppress_small(rescued["by_nationality"])
    return {
        "statistics": dimension,
        "period_from": start.isoformat() if start else None,
        "period_to": end.isoformat() if end else None,
        "groups": groups,
        "rescued": rescued,
    }


def suppress_small(counts: dict[str, int], least: int = MIN_CELL) -> dict[str, int]:
    """Fold every count below ``least`` into "other" (itself dropped if still below)."""
    kept = {key: n for key, n in counts.items() if n >= least}
    other = sum(n for n in counts.values() if n < least) + kept.pop("other", 0)
    if other >= least:
        kept["other"] = other
    return dict(sorted(kept.items()))


def check(session: Session, content: dict[str, Any]) -> list[str]:
    """Every reason this content must not leave as a statistics package (none: it may)."""
    try:
        checked = StatisticsContent.model_validate(content)
    except ValidationError as error:
        fields = sorted({".".join(map(str, e["loc"])) for e in error.errors()})
        return [
            f"A statistics package holds figures only; {', '.join(fields)} is not one "
            "(personal data and free text never leave in it)."
        ]
    reasons = []
    for nationality, count in checked.rescued.by_nationality.items():
        if count < MIN_CELL:
            reasons.append(
                f"{count} rescued person(s) of {nationality} could be singled out; "
                f"counts under {MIN_CELL} are folded into 'other'."
            )
    text = json.dumps(content, ensure_ascii=False)
    for match in CARD_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if luhn(digits):
            reasons.append(f"A payment card number ending {digits[-4:]} is in the figures.")
    reasons.extend(_known_names(session, [g.key for g in checked.groups]))
    return reasons


def _known_names(session: Session, keys: list[str]) -> list[str]:
    """Group keys come from free fields (province, unit): refuse one that is a person's name."""
    from fraudlink.cases.tables import RescuedPerson

    wanted = sorted({*keys, *(key.lower() for key in keys)} - {""})
    found: set[str] = set()
    for column in (EntityName.name, RescuedPerson.name):
        found.update(session.scalars(select(column).where(func.lower(column).in_(wanted))))
    return [f"The group '{name}' is the name of a person on record." for name in sorted(found)]
