"""CSV lists: OFAC's legacy CSV set (``sdn.csv`` with ``alt.csv`` beside it) and our simple CSV.

The simple CSV is for an agency's own watchlist: a header with ``name`` and
optionally ``id``, ``schema``, ``aliases``, ``birth_date``, ``nationality`` and
``identifiers``; lists inside a cell are separated by ``;`` and identifiers are
``kind:value`` (``crypto_wallet:TXy…``, ``passport:N123``).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from fraudlink.screen.formats.common import (
    WatchlistFileError,
    country_code,
    document_kind,
    identifier,
    iso_date,
    wrong_format,
)
from fraudlink.screen.model import Listed, ParsedList

NULL = "-0-"
SDN_COLUMNS = 12
_REMARK_DOB = re.compile(r"^DOB (.+)$", re.I)
_REMARK_COUNTRY = re.compile(r"^(?:nationality|citizen) (.+)$", re.I)
_REMARK_ID = re.compile(r"^(.*?(?:Passport|Number|No\.|ID|Address - \w+))\s+(\S+)(?: \(.*\))?$")


def _rows(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [row for row in csv.reader(handle) if row and any(c.strip() for c in row)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise WatchlistFileError(f"{path.name} is not readable CSV ({exc}).") from exc


def _clean(value: str) -> str:
    value = value.strip().strip("\x1a")
    return "" if value == NULL else value


def _remarks(entry: Listed, remarks: str) -> None:
    for part in (p.strip().rstrip(".") for p in remarks.split(";")):
        if found := _REMARK_DOB.match(part):
            if date := iso_date(found.group(1)):
                entry.birth_dates.append(date)
        elif found := _REMARK_COUNTRY.match(part):
            if code := country_code(found.group(1)):
                entry.nationalities.append(code)
        elif (found := _REMARK_ID.match(part)) and (
            pair := identifier(document_kind(found.group(1)), found.group(2))
        ):
            entry.identifiers.append(pair)


def _sdn_entry(row: list[str], path: Path, number: int) -> Listed | None:
    if len(row) < SDN_COLUMNS:
        raise WatchlistFileError(
            f"{path.name} line {number} has {len(row)} of {SDN_COLUMNS} columns; "
            "the file may be truncated, download it again."
        )
    kind = _clean(row[2]).lower()
    if kind in ("vessel", "aircraft"):
        return None
    entry = Listed(
        id=f"ofac-{row[0].strip()}",
        schema="Person" if kind == "individual" else "Organization",
        names=[_clean(row[1])],
        datasets=["us_ofac_sdn"],
        properties={"program": [_clean(row[3])]},
    )
    _remarks(entry, _clean(row[11]))
    entry.nationalities = sorted(set(entry.nationalities))
    return entry


def read_ofac_csv(path: Path) -> ParsedList:
    rows = _rows(path)
    if not rows or not rows[0][0].strip().isdigit():
        raise wrong_format(path, "OFAC sdn.csv")
    entries: dict[str, Listed] = {}
    for number, row in enumerate(rows, 1):
        if row[0].strip().strip("\x1a") == "":
            continue
        entry = _sdn_entry(row, path, number)
        if entry and entry.names[0]:
            entries[row[0].strip()] = entry
    alt = path.with_name("alt.csv")
    for row in _rows(alt) if alt.exists() else []:
        if len(row) >= 4 and row[0].strip() in entries and _clean(row[3]):
            entries[row[0].strip()].names.append(_clean(row[3]))
    return ParsedList("ofac-csv", list(entries.values()), None)


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _simple_ids(cell: str | None, path: Path, number: int) -> list[tuple[str, str]]:
    pairs = []
    for item in _split(cell):
        kind, sep, value = item.partition(":")
        if not sep:
            raise WatchlistFileError(
                f"{path.name} line {number}: identifier {item!r} needs the form kind:value "
                "(e.g. crypto_wallet:TXy…)."
            )
        kind = kind.strip().lower()
        pair = identifier(kind if kind != "wallet" else "crypto_wallet", value)
        if pair:
            pairs.append(pair)
    return pairs


def read_simple_csv(path: Path, today: dt.date | None = None) -> ParsedList:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "name" not in [f.strip().lower() for f in reader.fieldnames or []]:
            raise wrong_format(path, "watchlist CSV (with a 'name' column)")
        entries = []
        for number, row in enumerate(reader, 2):
            row = {(k or "").strip().lower(): (v or "") for k, v in row.items()}
            if not row.get("name", "").strip():
                continue
            schema = (
                "Organization"
                if row.get("schema", "").strip() in ("Organization", "Company", "organisation")
                else "Person"
            )
            entries.append(
                Listed(
                    id=row.get("id", "").strip() or f"row-{number}",
                    schema=schema,
                    names=[row["name"].strip(), *_split(row.get("aliases"))],
                    birth_dates=[d for d in map(iso_date, _split(row.get("birth_date"))) if d],
                    nationalities=[
                        c for c in map(country_code, _split(row.get("nationality"))) if c
                    ],
                    identifiers=_simple_ids(row.get("identifiers"), path, number),
                )
            )
    return ParsedList("csv", entries, today)
