"""``fraudlink demo``: generated reports through every stage that exists, end to end.

Each stage added to fraudlink adds its step here, so the demo always shows
the whole pipeline as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fraudlink.analyse.summary import Summary, summarise
from fraudlink.generate import write_dataset
from fraudlink.ingest import IngestSummary, ingest_files
from fraudlink.store import Database


@dataclass(frozen=True)
class DemoResult:
    reports_file: Path
    truth_file: Path
    ingest: IngestSummary
    summary: Summary


def run_demo(database: Database, reports: int, seed: int, data_dir: Path) -> DemoResult:
    data_dir.mkdir(parents=True, exist_ok=True)
    reports_file = data_dir / f"reports-{seed}-{reports}.jsonl"
    truth_file = data_dir / f"truth-{seed}-{reports}.json"
    write_dataset(reports_file, reports, seed, truth_file)
    ingested = ingest_files(database, [reports_file])
    return DemoResult(reports_file, truth_file, ingested, summarise(database))
