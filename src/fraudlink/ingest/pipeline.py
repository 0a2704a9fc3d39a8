"""The ingest stage end to end: read files, validate lines, write batches, count outcomes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fraudlink.ingest.encodings import check_encoding
from fraudlink.ingest.loader import BatchResult, NarrativeExtractor, ReportWriter
from fraudlink.ingest.narrative import NarrativeExtraction
from fraudlink.ingest.readers import Outcome, Parsed, ProgressCallback, Rejected, read_reports
from fraudlink.ingest.retry import write_batch
from fraudlink.store import Database


@dataclass
class IngestSummary:
    loaded: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    #: (source, line) of each written line and what happened to it
    outcomes: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def add(self, result: BatchResult) -> None:
        self.loaded += result.loaded
        self.updated += result.updated
        self.unchanged += result.unchanged
        self.outcomes.update(result.outcomes)

    def as_json(self) -> dict[str, object]:
        return {
            "loaded": self.loaded,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
        }


def batches(
    outcomes: Iterable[Outcome], size: int, summary: IngestSummary
) -> Iterator[list[Parsed]]:
    """Group good lines; a key seen twice in one batch starts a new batch so order is kept."""
    batch: dict[tuple[str, str], Parsed] = {}
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            summary.rejected.append(outcome)
            continue
        if outcome.key in batch:
            yield list(batch.values())
            batch = {}
        batch[outcome.key] = outcome
        if len(batch) >= size:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


def ingest_files(
    database: Database,
    paths: Sequence[Path],
    mapping: dict[str, str] | None = None,
    extract: bool = True,
    progress: ProgressCallback | None = None,
    user: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
) -> IngestSummary:
    """Load every good line of every file; each batch commits on its own.

    With ``extract`` the narratives' identifiers are stored too (origin "narrative").
    ``encoding`` applies to files that are not UTF-8 and carry no BOM.
    """
    if encoding is not None:
        check_encoding(encoding)
    summary = IngestSummary()
    extractor: NarrativeExtractor | None = NarrativeExtraction() if extract else None
    writer = ReportWriter(database.engine, extractor, user)
    for path in paths:
        outcomes = read_reports(
            path, mapping, progress, encoding, date_format, database.settings.max_narrative
        )
        for batch in batches(outcomes, database.settings.batch_size, summary):
            write_batch(writer, batch, summary)
    return summary
