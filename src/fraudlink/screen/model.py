"""What every list format becomes: one shape for a listed entity, whatever the source."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
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

    def __post_init__(self) -> None:
        self.names = with_bracketed_aliases(self.names)

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


_BRACKETED = re.compile(r"^(?P<name>[^()\[\]（）]+?)\s*[(\[（](?P<alias>[^()\[\]（）]+)[)\]）]\s*$")
_AKA = re.compile(r"^(?:a\.?k\.?a\.?|f\.?k\.?a\.?|aka|alias|formerly|also known as)[:\s]+", re.I)


def with_bracketed_aliases(names: list[str]) -> list[str]:
    """Every name, plus both parts of one that carries an alias in brackets at its end.

    Lists write ``Name A (名B)`` or ``Name A (a.k.a. Name B)``: neither part alone would
    reach the whole. A bracketed country (``Apex Group (Cambodia)``) is no alias.
    """
    out = list(names)
    for name in names:
        found = _BRACKETED.match(name)
        if found is None:
            continue
        alias = _AKA.sub("", found.group("alias").strip())
        for part in (found.group("name").strip(), alias):
            if part and part not in out and not (part is alias and _is_country(alias)):
                out.append(part)
    return out


def _is_country(text: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(text)
    except LookupError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class ParsedList:
    """A whole file read and checked, before anything touches the database."""

    format: str
    entries: list[Listed]
    list_date: dt.date | None
