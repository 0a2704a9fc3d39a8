"""What each kind of job does: the stage functions, run for the principal who submitted it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fraudlink.access.principal import principal_for_name
from fraudlink.access.tables import Job
from fraudlink.store import Database

Progress = Callable[[int, int | None], None]
Runner = Callable[[Database, Job, Progress], dict[str, Any]]


def run_ingest(database: Database, job: Job, progress: Progress) -> dict[str, Any]:
    """Lines uploaded with the job, written as the submitter (their agencies only)."""
    from fraudlink.access.records import submit_reports

    with database.session() as session:
        principal = principal_for_name(session, job.created_by)
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


RUNNERS: dict[str, Runner] = {"ingest": run_ingest, "link": run_link}


Duty = Callable[[], bool]
DutyFactory = Callable[[Database, str], Duty | None]


def federation_sender(database: Database, worker: str) -> Duty | None:
    """Deliver the federation outbox between jobs (when this server federates)."""
    from fraudlink.federation.outbox import start_sender

    sender = start_sender(database, worker)
    return sender.tick if sender is not None else None


#: work a runner does between jobs; each returns True when it did something
PERIODIC: list[DutyFactory] = [federation_sender]
