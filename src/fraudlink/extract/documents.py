"""Extraction over a whole input: plain text, or Report JSON Lines one report at a time.

``fraudlink extract`` accepts either without being told which: a file whose
first non-blank line is a JSON object with a ``narrative`` is read as reports,
each extracted in its own context (its country, its language); anything else
is one plain text. Nothing is stored; ``fraudlink ingest`` does that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from fraudlink.errors import InputError
from fraudlink.extract import context_for, extract
from fraudlink.extract.base import Match


class BadReportLine(InputError):
    """A line of a Report JSON Lines file that is not a JSON object."""


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from, with what the report says about where it comes from."""

    text: str
    report_id: str | None = None
    country: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A match and the report it came from (None for plain text)."""

    report_id: str | None
    match: Match

    def as_json(self) -> dict[str, object]:
        data = self.match.as_json()
        if self.report_id is not None:
            data = {"report": self.report_id, **data}
        return data


def _looks_like_reports(first_line: str) -> bool:
    if not first_line.lstrip().startswith("{"):
        return False
    try:
        data = json.loads(first_line)
    except json.JSONDecodeError:
        return False
    return isinstance(data, dict) and "narrative" in data


def _report(line: str, number: int) -> Document:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadReportLine(
            f"Line {number} is not valid JSON ({error.msg}); fix or remove it."
        ) from None
    if not isinstance(data, dict):
        raise BadReportLine(f"Line {number} is not a JSON object; give one report per line.")
    return Document(
        text=str(data.get("narrative") or ""),
        report_id=str(data["id"]) if "id" in data else f"line {number}",
        country=data.get("country") or None,
        language=data.get("language") or None,
    )


def read_documents(source: TextIO) -> Iterator[Document]:
    """Reports one by one from JSON Lines, else the whole input as one text."""
    first = source.readline()
    if not _looks_like_reports(first):
        yield Document(first + source.read())
        return
    yield _report(first, 1)
    for number, line in enumerate(source, start=2):
        if line.strip():
            yield _report(line, number)


def extract_documents(
    documents: Iterable[Document],
    country: str | None = None,
    language: str | None = None,
    show_sensitive: bool = False,
) -> Iterator[Found]:
    """Matches of every document; ``country``/``language`` given here override the report's."""
    for document in documents:
        context = context_for(
            country or document.country,
            language or document.language,
            document.text,
            show_sensitive=show_sensitive,
        )
        for match in extract(document.text, context):
            yield Found(document.report_id, match)
