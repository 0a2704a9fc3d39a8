"""Many writers at once on one database: no crash, every report exactly once.

Real processes, as a national centre runs them: eight ingests
of overlapping and distinct files into one fresh database (so they also race
to create its schema), then two ``link --full`` at the same time.
"""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from sqlalchemy import func, select

from fraudlink.audit import verify_connection
from fraudlink.extract.base import Context
from fraudlink.ingest import ingest_files
from fraudlink.ingest.identifiers import normalise_field
from fraudlink.link import link_reports
from fraudlink.link.networks.tables import LinkReport
from fraudlink.settings import Settings
from fraudlink.store import open_database
from fraudlink.store.schema import Agency, Identifier, Report, ReportIdentifier

PROCESSES = 8
PER_FILE = 60
AGENCIES = ("KH-NPA", "TH-CCIB", "VN-MPS")


def line(n: int) -> dict[str, object]:
    """Report ``n``; its identifiers are shared with other reports, so writers add them at once."""
    return {
        "id": f"r{n}",
        "agency": AGENCIES[n % len(AGENCIES)],
        "reported_at": "2025-05-01T10:00:00Z",
        "narrative": "",
        "identifiers": [
            {"kind": "telegram", "value": f"@boss_{n % 7}"},
            {"kind": "email", "value": f"mule{n % 23}@example.com"},
        ],
        "victim": {"name": f"victim {n}"},
    }


def files(tmp_path: Path) -> tuple[list[Path], int]:
    """Eight files: the odd ones repeat half of the file before them, the even ones stand alone."""
    paths, seen = [], set[int]()
    for index in range(PROCESSES):
        first = index * PER_FILE - (PER_FILE // 2 if index % 2 else 0)
        numbers = range(max(first, 0), max(first, 0) + PER_FILE)
        seen.update(numbers)
        path = tmp_path / f"part{index}.jsonl"
        path.write_text("".join(json.dumps(line(n)) + "\n" for n in numbers), encoding="utf-8")
        paths.append(path)
    return paths, len(seen)


def ingest(job: tuple[str, str]) -> tuple[int, int, int]:
    """One writer process: opens (and maybe migrates) the database itself, as a CLI run does."""
    db_url, path = job
    database = open_database(Settings(db=db_url, batch_size=7))
    try:
        summary = ingest_files(database, [Path(path)], extract=False)
        return summary.loaded, summary.unchanged, len(summary.rejected)
    finally:
        database.dispose()


def link(db_url: str) -> dict[str, object]:
    database = open_database(Settings(db=db_url))
    try:
        return link_reports(database, full=True).as_json()
    finally:
        database.dispose()


def test_parallel_ingests_and_links_never_crash(db_url: str, tmp_path: Path) -> None:
    """Forked processes: each is a real writer with its own connections, without the
    seconds a fresh interpreter spends importing (the machine running tests is shared)."""
    paths, distinct = files(tmp_path)
    for kind, value in (("telegram", "@boss_0"), ("email", "mule0@example.com")):
        normalise_field(kind, value, Context())  # loads what the children would each load
    with multiprocessing.get_context("fork").Pool(PROCESSES) as pool:
        summaries = pool.map(ingest, [(db_url, str(path)) for path in paths])
        assert sum(loaded for loaded, _, _ in summaries) == distinct
        assert [loaded + unchanged for loaded, unchanged, _ in summaries] == [PER_FILE] * 8
        assert [rejected for _, _, rejected in summaries] == [0] * 8
        database = open_database(Settings(db=db_url))
        with database.engine.connect() as connection:
            tables = (Report, Agency, Identifier, ReportIdentifier)
            counts = [connection.scalar(select(func.count()).select_from(t)) for t in tables]
            assert counts == [distinct, len(AGENCIES), 7 + 23, 2 * distinct]
            assert verify_connection(connection).ok
        links = pool.map(link, [db_url, db_url])
    assert [summary["reports"] for summary in links] == [distinct, distinct]
    with database.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(LinkReport)) == distinct
    database.dispose()
