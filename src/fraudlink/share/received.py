"""The schema of a package's content, checked before any of it reaches the database.

The content was signed and encrypted by a trusted partner, but a stolen key or
a sender's bug can still put a list where a name belongs or a 10,000-character
country code into it. Each record the importer reads is checked here for type
and for the lengths the database enforces (PostgreSQL refuses what SQLite
would silently keep), so a bad package is refused in one sentence and nothing
of it is stored. Fields the importer does not read are left alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fraudlink.share.errors import PackageRejected
from fraudlink.share.manifest import SHA256, one_of, problems
from fraudlink.store.schema import MONEY_KINDS, PERSON_ROLES, TLP_LEVELS

Tlp = Annotated[str, one_of(*TLP_LEVELS)]
Country = Annotated[str, Field(min_length=2, max_length=2)]
Role = Annotated[str, one_of(*PERSON_ROLES)]
Amount = Annotated[str, Field(pattern=r"^-?[0-9]{1,18}(\.[0-9]{1,8})?$")]
MAX_TEXT = 10 << 20  # characters in one narrative or description


def text(length: int, default: Any = ...) -> Any:
    """A field of at most ``length`` characters; required unless ``default`` is given."""
    return Field(default, max_length=length)


class _Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", frozen=True)


class CaseIn(_Record):
    reference: str = text(128)
    title: str = text(512)
    status: str = Field(default="open", max_length=16)
    tlp: Tlp = "CLEAR"


class IdentifierIn(_Record):
    kind: str = text(32)
    value: str = text(512)
    valid: bool = True


class ReportIn(_Record):
    id: str = text(255)
    reported_at: dt.datetime = Field(strict=False)
    country: Country | None = None
    language: str | None = text(35, None)
    scam_type: str | None = text(64, None)
    narrative: str | None = text(MAX_TEXT, None)
    victim: dict[str, Any] | None = None
    tlp: Tlp = "CLEAR"
    identifiers: list[IdentifierIn] = Field(default_factory=list)


class DocumentIn(_Record):
    kind: str = text(32)
    number: str = text(128)
    country: Country | None = None


class StatusIn(_Record):
    status: str = text(32)
    on: dt.date = Field(strict=False)
    legal_basis: str | None = text(512, None)


class PersonIn(_Record):
    ref: int | Annotated[str, Field(max_length=64)]
    schema_: str | None = Field(default=None, alias="schema", pattern="^(Person|Organization)$")
    role: Role
    name: str | None = text(512, None)
    aliases: list[Annotated[str, Field(max_length=512)]] = Field(default_factory=list)
    birth_date: dt.date | None = Field(default=None, strict=False)
    nationality: Country | None = None
    tlp: Tlp | None = None
    documents: list[DocumentIn] = Field(default_factory=list)
    statuses: list[StatusIn] = Field(default_factory=list)


class ConsularIn(_Record):
    informed_at: dt.datetime = Field(strict=False)
    requested: bool
    notified_at: dt.datetime | None = Field(default=None, strict=False)
    consulate: Country | None = None
    recorded_by: str | None = text(128, None)


class MoneyIn(_Record):
    kind: Annotated[str, one_of(*MONEY_KINDS)]
    amount: Amount
    currency: str = Field(min_length=3, max_length=10)
    occurred_on: dt.date | None = Field(default=None, strict=False)
    description: str | None = text(MAX_TEXT, None)


class AcquisitionIn(_Record):
    by: str = text(128)
    at: dt.datetime = Field(strict=False)
    method: str = text(MAX_TEXT)
    authorisation: str = text(MAX_TEXT)


class EvidenceIn(_Record):
    sha256: str = Field(pattern=SHA256)
    size: int = Field(ge=0)
    name: str = text(512)  # the sender's file name: kept as a label, never a path
    tlp: Tlp = "CLEAR"
    acquisition: AcquisitionIn
    custody: list[dict[str, Any]]


class Content(_Record):
    case: CaseIn | None = None
    reports: list[ReportIn] = Field(default_factory=list)
    suspects: list[PersonIn] = Field(default_factory=list)
    victims: list[PersonIn] = Field(default_factory=list)
    subject: PersonIn | None = None
    consular_notification: list[ConsularIn] = Field(default_factory=list)
    money: list[MoneyIn] = Field(default_factory=list)
    evidence: list[EvidenceIn] = Field(default_factory=list)


def check_content(body: dict[str, Any], kind: str) -> None:
    """Refuse content the importer could not store faithfully; say what is wrong in one line."""
    if kind == "statistics":
        _check_statistics(body)
        return
    try:
        content = Content.model_validate(body)
    except ValidationError as exc:
        raise PackageRejected(f"The package's content is malformed: {problems(exc)}.") from exc
    if kind != "retraction" and content.case is None:
        raise PackageRejected("The package's content names no case; nothing was imported.")


def _check_statistics(body: dict[str, Any]) -> None:
    """A statistics package must hold figures only, whoever sent it."""
    from fraudlink.share.statistics import StatisticsContent

    try:
        StatisticsContent.model_validate(body)
    except ValidationError as exc:
        raise PackageRejected(
            f"The statistics package holds more than figures: {problems(exc)}."
        ) from exc
