"""Extraction runs before the write transaction opens, once per report.

The server's writers share one database: a writer that extracted inside its
transaction held SQLite's write lock (or PostgreSQL's row locks) for all that
CPU work, and every other writer waited. The real extractor is wrapped here to
note, at each call, whether the writer's engine has a connection checked out.
"""

from __future__ import annotations

import json

from fraudlink.extract.base import Context, Match
from fraudlink.ingest.lines import read_lines
from fraudlink.ingest.loader import ReportWriter
from fraudlink.ingest.narrative import NarrativeExtraction
from fraudlink.ingest.pipeline import IngestSummary, batches
from fraudlink.ingest.retry import write_batch
from fraudlink.store import Database


class Watched(NarrativeExtraction):
    """The real extraction, noting how many connections were in use at each call."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.in_use: list[int] = []

    def _note(self) -> None:
        self.in_use.append(self.database.engine.pool.checkedout())

    def detect_language(self, text: str) -> str | None:
        self._note()
        return super().detect_language(text)

    def find(self, text: str, context: Context) -> list[Match]:
        self._note()
        return super().find(text, context)


def test_extraction_happens_outside_the_transaction(database: Database) -> None:
    watched = Watched(database)
    writer = ReportWriter(database.engine, watched, "tester")
    lines = [
        json.dumps({"id": f"R-{n}", "agency": "KH-NPA", "reported_at": "2026-03-01",
                    "narrative": f"paid to +855 12 345 {n:03d} via telegram @agent{n}"})
        for n in range(30)
    ]  # fmt: skip
    summary = IngestSummary()
    for batch in batches(read_lines(lines), 10, summary):
        write_batch(writer, batch, summary)
    assert summary.loaded == 30
    assert len(watched.in_use) == 60  # language and finds: once per report, no re-extraction
    assert set(watched.in_use) == {0}
