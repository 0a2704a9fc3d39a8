"""Ingest of lines sent over the API: the same validation and writer as files, per-line results.

A line names its agency; a caller may write only for the agencies it acts for
(its own and its units), so a line for another agency is rejected like any
other bad line and the rest still load.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from fraudlink.ingest.loader import ReportWriter
from fraudlink.ingest.narrative import NarrativeExtraction
from fraudlink.ingest.pipeline import IngestSummary, batches
from fraudlink.ingest.readers import Outcome, Parsed, Rejected, validate
from fraudlink.ingest.retry import write_batch
from fraudlink.store import Database

SOURCE = "request"


@dataclass(frozen=True)
class LineResult:
    """One line's fate, as the CLI reports it: loaded, updated, unchanged or rejected (why)."""

    line: int
    status: str
    id: str | None = None
    agency: str | None = None
    reason: str | None = None
    #: marked TLP:RED (the server then names the submitter on it); not part of the answer
    red: bool = field(default=False, compare=False)

    def as_json(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "red"}


def _parse(number: int, raw: str) -> Outcome:
    try:
        data = json.loads(raw, parse_float=Decimal)
    except json.JSONDecodeError as error:
        return Rejected(SOURCE, number, f"bad JSON: {error.msg} at column {error.colno}")
    return validate(SOURCE, number, data, raw)


def read_lines(lines: Iterable[str]) -> Iterable[Outcome]:
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield _parse(number, raw.rstrip("\r\n"))


def _own(outcomes: Iterable[Outcome], agencies: Collection[str] | None) -> Iterable[Outcome]:
    for outcome in outcomes:
        if (
            agencies is not None
            and isinstance(outcome, Parsed)
            and outcome.report.agency not in agencies
        ):
            yield Rejected(
                SOURCE, outcome.line, f"agency '{outcome.report.agency}' is not one you act for"
            )
        else:
            yield outcome


def ingest_lines(
    database: Database,
    lines: Iterable[str],
    user: str,
    agencies: Collection[str] | None = None,
    extract: bool = True,
) -> tuple[IngestSummary, list[LineResult]]:
    """Write every good line (batches commit one by one); answer one result per line."""
    summary = IngestSummary()
    writer = ReportWriter(database.engine, NarrativeExtraction() if extract else None, user)
    written: list[Parsed] = []
    outcomes = _own(read_lines(lines), agencies)
    for batch in batches(outcomes, database.settings.batch_size, summary):
        write_batch(writer, batch, summary)
        written.extend(batch)
    results = [
        LineResult(
            p.line,
            summary.outcomes[p.source, p.line],
            p.report.id,
            p.report.agency,
            red=p.report.tlp == "RED",
        )
        for p in written
        if (p.source, p.line) in summary.outcomes
    ]
    results.extend(LineResult(r.line, "rejected", reason=r.reason) for r in summary.rejected)
    results.sort(key=lambda r: r.line)
    return summary, results
