"""What each kind of job does: the stage functions, run for the principal who submitted it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fraudlink.access.principal import acting_as
from fraudlink.access.tables import Job
from fraudlink.store import Database

Progress = Callable[[int, int | None], None]
Runner = Callable[[Database, Job, Progress], dict[str, Any]]


def run_ingest(database: Database, job: Job, progress: Progress) -> dict[str, Any]:
    """Lines uploaded with the job, written as the submitter (their agencies only)."""
    from fraudlink.access.records import submit_reports

    principal = acting_as(database, job.created_by)
    lines: list[str] = list(job.params.get("lines", []))
    progress(0, len(lines))
    summary, results = submit_reports(database, principal, lines)
    progress(len(lines), len(lines))
    rejected = [r.as_json() for r in results if r.status == "rejected"]
    return summary.as_json() | {"rejected_lines": rejected[:1000]}


def run_link(database: Database, job: Job, progress: Progress) -> dict[str, Any]:
    from fraudlink.link import link_reports

    progress(0, 1)
    summary = link_reports(database, full=bool(job.params.get("full", False)))
    progress(1, 1)
    return dict(summary.as_json())


def run_screen(database: Database, job: Job, progress: Progress) -> dict[str, Any]:
    """``screen --all``: every person and account against every stored list; hits are kept."""
    from fraudlink.screen.service import screen_all

    limit = int(job.params.get("limit", 5))
    seen: list[int] = [0, 0]

    def remember(done: int, total: int) -> None:
        seen[:] = [done, total]

    # screening writes its hits in one transaction; SQLite has one writer, so the job's
    # progress is written when it ends there, and as it goes on PostgreSQL
    live = database.dialect != "sqlite"
    changes = screen_all(database, limit, progress if live else remember)
    if not live:
        progress(seen[0], seen[1])
    counts = {"new": 0, "changed": 0}
    for change in changes:
        counts[change.status] = counts.get(change.status, 0) + 1
    return {"hits": counts, "changes": [c.as_json() for c in changes[:1000]]}


def run_resolve(database: Database, job: Job, progress: Progress) -> dict[str, Any]:
    """Person resolution over the whole store (DuckDB in process), honouring judgements."""
    from fraudlink.link.persons import resolve

    progress(0, 1)
    summary = resolve(database, "duckdb")
    progress(1, 1)
    return dict(summary.as_json())


RUNNERS: dict[str, Runner] = {
    "ingest": run_ingest,
    "link": run_link,
    "screen": run_screen,
    "resolve": run_resolve,
}


Duty = Callable[[], bool]
DutyFactory = Callable[[Database, str], Duty | None]


def federation_sender(database: Database, worker: str) -> Duty | None:
    """Deliver the federation outbox between jobs (when this server federates)."""
    from fraudlink.federation.outbox import start_sender

    sender = start_sender(database, worker)
    return sender.tick if sender is not None else None


#: work a runner does between jobs; each returns True when it did something
PERIODIC: list[DutyFactory] = [federation_sender]
