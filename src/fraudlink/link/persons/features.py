"""Columns that let Splink compare names across scripts with plain SQL.

Splink runs SQL on DuckDB or Spark, so nothing here may need a Python UDF at
match time: every cross-script form is computed once per record, here.
``name_roman`` is the sorted phonetic key of the romanised name (``陈志``,
``陳志``, ``Chen Zhi`` and ``Zhi Chen`` all give ``Cen Ci``); ``name_chars``
keeps the native characters, so ``陈志`` and ``陈智`` — same sound, different
people — fall into a level of their own; ``name_all`` and ``name_tokens``
carry the keys of every alias.
"""

from __future__ import annotations

from typing import Any

from fraudlink.link.names import name_keys
from fraudlink.link.persons.records import PersonRecord

COLUMNS = (
    "unique_id",
    "agency",
    "name_roman",
    "name_chars",
    "name_all",
    "name_tokens",
    "birth_date",
    "nationality",
    "documents",
    "document_first",
    "phones",
)
ARRAY_COLUMNS = frozenset({"name_all", "name_tokens", "documents", "phones"})


def _keys(name: str) -> set[str]:
    return name_keys(name, "Person")


def _whole(keys: set[str]) -> str | None:
    return next((key[2:] for key in sorted(keys) if key.startswith("n:")), None)


def _chars(keys: set[str]) -> str | None:
    chars = sorted(key[2:] for key in keys if key.startswith("c:"))
    return " ".join(chars) or None


def _or_none(values: set[str] | tuple[str, ...]) -> list[str] | None:
    return sorted(values) or None


def features(record: PersonRecord) -> dict[str, Any]:
    """The row Splink reads for ``record``; empty lists become NULL so null levels apply."""
    primary = _keys(record.name)
    every = [primary, *(_keys(alias) for alias in record.aliases)]
    wholes = {whole for keys in every if (whole := _whole(keys))}
    tokens = {key[2:] for keys in every for key in keys if key.startswith("t:")}
    return {
        "unique_id": record.id,
        "agency": record.agency,
        "name_roman": _whole(primary),
        "name_chars": _chars(primary),
        "name_all": _or_none(wholes),
        "name_tokens": _or_none(tokens),
        "birth_date": record.birth_date.isoformat() if record.birth_date else None,
        "nationality": record.nationality,
        "documents": _or_none(record.documents),
        "document_first": record.documents[0] if record.documents else None,
        "phones": _or_none(record.phones),
    }
