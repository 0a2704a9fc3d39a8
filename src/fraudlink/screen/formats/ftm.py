"""FollowTheMoney entities as JSON Lines: the format OpenSanctions exports.

Persons and organisations (Organization, Company, LegalEntity, PublicBody)
become entries; CryptoWallet, Passport and Identification entities add their
number to the entry named in ``holder``. Other schemas (Sanction, Address...)
are read and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from fraudlink.screen.formats.common import (
    WatchlistFileError,
    country_code,
    identifier,
    iso_date,
    list_date,
    wrong_format,
)
from fraudlink.screen.model import Listed, ParsedList

_ORGANISATIONS = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
_NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
_ID_PROPS = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "innCode": "tax_id",
    "email": "email",
    "phone": "phone",
}
_HOLDINGS = {
    "CryptoWallet": ("publicKey", "crypto_wallet"),
    "Passport": ("number", "passport"),
    "Identification": ("number", "national_id"),
}


def _line(path: Path, number: int, text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WatchlistFileError(
            f"{path.name} line {number} is not valid JSON ({exc.msg}); "
            "the file may be truncated, export it again."
        ) from exc
    if not isinstance(data, dict) or "schema" not in data or "properties" not in data:
        raise wrong_format(path, "FollowTheMoney JSON Lines")
    return data


def _values(props: dict[str, Any], *names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        for value in props.get(name) or []:
            if isinstance(value, str) and value.strip() and value.strip() not in out:
                out.append(value.strip())
    return out


def _entry(data: dict[str, Any]) -> Listed:
    props: dict[str, Any] = data["properties"]
    ids = [identifier(kind, v) for prop, kind in _ID_PROPS.items() for v in _values(props, prop)]
    countries = _values(props, "nationality", "citizenship", "country", "jurisdiction")
    return Listed(
        id=str(data["id"]),
        schema="Person" if data["schema"] == "Person" else "Organization",
        names=_values(props, *_NAME_PROPS),
        birth_dates=[d for d in map(iso_date, _values(props, "birthDate")) if d],
        nationalities=sorted({c for c in map(country_code, countries) if c}),
        identifiers=[pair for pair in ids if pair],
        datasets=[str(d) for d in data.get("datasets") or []],
        properties={k: _values(props, k) for k in ("topics", "program", "notes") if k in props},
    )


def read_ftm(path: Path) -> ParsedList:
    entries: dict[str, Listed] = {}
    holdings: list[tuple[str, tuple[str, str]]] = []
    newest: dt.date | None = None
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            data = _line(path, number, text)
            stamp = list_date(str(data.get("last_change") or data.get("last_seen") or ""))
            newest = max(filter(None, (newest, stamp)), default=None)
            schema = data["schema"]
            if schema == "Person" or schema in _ORGANISATIONS:
                entry = _entry(data)
                if entry.names:
                    entries[entry.id] = entry
            elif schema in _HOLDINGS:
                prop, kind = _HOLDINGS[schema]
                holdings += _holding(data["properties"], prop, kind)
    for holder, pair in holdings:
        if holder in entries and pair not in entries[holder].identifiers:
            entries[holder].identifiers.append(pair)
    return ParsedList("ftm", list(entries.values()), newest)


def _holding(props: dict[str, Any], prop: str, kind: str) -> list[tuple[str, tuple[str, str]]]:
    out = []
    for value in _values(props, prop):
        pair = identifier(kind, value)
        if pair:
            out += [(holder, pair) for holder in _values(props, "holder")]
    return out
