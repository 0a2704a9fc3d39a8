"""What every list format becomes: one shape for a listed entity, whatever the source."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMAS = ("Person", "Organization")
STRONG_KINDS = frozenset(
    {"crypto_wallet", "passport", "national_id", "registration", "iban", "tax_id", "phone", "email"}
)
"""Identifier kinds that, when equal, are strong evidence that two records are one."""


@dataclass(slots=True)
class Listed:
    """One listed person or organisation with its names, dates, countries and identifiers."""

    id: str
    schema: str
    names: list[str]
    birth_dates: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)

    @property
    def caption(self) -> str:
        return self.names[0] if self.names else self.id

    def as_data(self) -> dict[str, Any]:
        return {
            "names": self.names,
            "birth_dates": self.birth_dates,
            "nationalities": self.nationalities,
            "identifiers": [list(pair) for pair in self.identifiers],
            "datasets": self.datasets,
            "properties": self.properties,
        }

    def content_hash(self) -> str:
        text = json.dumps([self.schema, self.as_data()], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    @classmethod
    def from_row(cls, external_id: str, schema: str, data: dict[str, Any]) -> Listed:
        return cls(
            id=external_id,
            schema=schema,
            names=list(data.get("names", [])),
            birth_dates=list(data.get("birth_dates", [])),
            nationalities=list(data.get("nationalities", [])),
            identifiers=[(k, v) for k, v in data.get("identifiers", [])],
            datasets=list(data.get("datasets", [])),
            properties=dict(data.get("properties", {})),
        )


@dataclass(frozen=True, slots=True)
class ParsedList:
    """A whole file read and checked, before anything touches the database."""

    format: str
    entries: list[Listed]
    list_date: dt.date | None
