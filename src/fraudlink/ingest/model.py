"""Report JSON Lines v1, validated: what a line must hold and how we say what is wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from fraudlink.ingest.checks import label
from fraudlink.money import is_known_currency, parse_decimal
from fraudlink.store.schema import PERSON_ROLES, TLP_LEVELS


def _to_str(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _shown(value: object) -> str:
    """A rejected value as the reason quotes it: its repr (escapes and all), cut short."""
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}…"


def _country(value: object) -> object:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or pycountry.countries.get(alpha_2=value.upper()) is None:
        raise ValueError(f"{_shown(value)} is not an ISO 3166-1 alpha-2 country code such as KH")
    return value.upper()


#: report times outside these are typing errors or placeholders, never a report's date
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
#: larger than any loss in any currency (1e18 rials is about 24 billion dollars), and
#: within what a NUMERIC(28, 8) column holds
MAX_AMOUNT = Decimal(10) ** 18
#: decimal places a stored amount keeps
AMOUNT_PLACES = Decimal(1).scaleb(-8)


def _aware(value: dt.datetime) -> dt.datetime:
    """Naive times are taken as UTC so that every stored time compares with every other."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        value = value.astimezone(dt.UTC)
    except OverflowError:
        value = LATEST  # 9999-12-31T23:59:59-23:59 is past the last UTC time Python has
    if not EARLIEST <= value < LATEST:
        raise ValueError(f"{value.isoformat()} is not a plausible report time (1900 to 2099)")
    return value


ReportKey = Annotated[str, BeforeValidator(_to_str), Field(min_length=1, max_length=255)]
Country = Annotated[str | None, BeforeValidator(_country)]


class Loss(BaseModel):
    model_config = ConfigDict(extra="allow")

    amount: Annotated[Decimal, BeforeValidator(parse_decimal)]
    currency: str

    @field_validator("amount")
    @classmethod
    def _storable(cls, value: Decimal) -> Decimal:
        """Positive, sane and exact: a loss is never rounded on its way into the database."""
        if value <= 0:
            raise ValueError(f"a loss must be a positive amount, not {value}")
        if value >= MAX_AMOUNT:
            raise ValueError(f"{value:.3g} is larger than any loss (at most 10^18)")
        if value != value.quantize(AMOUNT_PLACES):
            raise ValueError(f"{value} has more than 8 decimal places and cannot be kept exactly")
        return value

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        code = value.strip().upper()
        if not is_known_currency(code):
            raise ValueError(f"unknown currency {_shown(value)}; use an ISO 4217 code such as USD")
        return code


class IdentifierField(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: Annotated[str, Field(min_length=1, max_length=32)]
    value: Annotated[str, BeforeValidator(_to_str), Field(min_length=1, max_length=500)]


class Document(BaseModel):
    kind: Annotated[str, Field(max_length=32)] = "passport"
    number: Annotated[str, BeforeValidator(_to_str), Field(min_length=1, max_length=128)]
    country: Country = None


class PersonField(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: Annotated[str, Field(min_length=1, max_length=512)]
    schema_: Literal["Person", "Organization"] = Field(default="Person", alias="schema")
    role: Literal[PERSON_ROLES] | None = None  # type: ignore[valid-type]
    nationality: Country = None
    birth_date: dt.date | None = None
    aliases: list[Annotated[str, Field(max_length=512)]] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)


class ReportLine(BaseModel):
    """One report as the interchange format defines it; unknown fields are kept in ``extra``."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: ReportKey
    agency: Annotated[str, Field(min_length=1, max_length=64)]
    reported_at: dt.datetime
    narrative: str
    country: Country = None
    language: Annotated[str | None, Field(max_length=35)] = None
    scam_type: Annotated[str | None, Field(max_length=64)] = None
    loss: Loss | None = None
    identifiers: list[IdentifierField] = Field(default_factory=list)
    persons: list[PersonField] = Field(default_factory=list)
    victim: dict[str, Any] | None = None
    tlp: Literal[TLP_LEVELS] = "AMBER"  # type: ignore[valid-type]

    @field_validator("reported_at")
    @classmethod
    def _utc(cls, value: dt.datetime) -> dt.datetime:
        return _aware(value)

    @field_validator("tlp", mode="before")
    @classmethod
    def _upper_tlp(cls, value: object) -> object:
        return value.strip().upper().removeprefix("TLP:") if isinstance(value, str) else value

    def extra_fields(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(label(str(part)) for part in loc)


def describe(error: ValidationError) -> str:
    """The first problem of a line as one sentence a person can act on."""
    first = error.errors(include_url=False)[0]
    where = _location(first["loc"])
    kind = first["type"]
    if kind == "missing":
        return f"missing required field '{where}'"
    if where == "reported_at" and kind != "value_error":
        return f"'reported_at' is not an ISO 8601 date-time: {_shown(first.get('input'))}"
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_type"}:
        return f"'{where}' is not an ISO 8601 date: {_shown(first.get('input'))}"
    message = str(first["msg"]).removeprefix("Value error, ")
    if len(message) > 200:
        message = f"{message[:199]}…"
    return f"'{where}': {message}"
