"""Running jobs: a loop that claims, runs and records, in a thread or a worker process."""

from __future__ import annotations

import logging
import os
import socket
import threading

from fraudlink.errors import FraudlinkError
from fraudlink.jobs.queue import claim, finish, requeue_stale, set_progress
from fraudlink.jobs.runners import PERIODIC, RUNNERS, Duty
from fraudlink.store import Database

log = logging.getLogger("fraudlink.jobs")


def worker_name(suffix: str = "") -> str:
    return f"{socket.gethostname()}:{os.getpid()}{suffix}"


def run_one(database: Database, worker: str) -> bool:
    """Claim and run one job; False when the queue is empty."""
    from fraudlink.access.tables import Job

    job_id = claim(database, worker)
    if job_id is None:
        return False
    with database.session() as session:
        job = session.get_one(Job, job_id)
    runner = RUNNERS.get(job.kind)
    try:
        if runner is None:
            raise FraudlinkError(f"No runner for job kind '{job.kind}'.")
        result = runner(
            database, job, lambda done, total: set_progress(database, job_id, done, total)
        )
    except FraudlinkError as error:
        finish(database, job_id, None, error.message)
    except Exception as error:  # a job must never take its worker down
        log.exception("job failed", extra={"job": job_id})
        finish(database, job_id, None, f"The job failed ({type(error).__name__}); see the log.")
    else:
        finish(database, job_id, result, None)
    return True


def run_forever(database: Database, worker: str, stop: threading.Event, poll: float = 0.5) -> None:
    requeue_stale(database, socket.gethostname())
    duties = [duty for make in PERIODIC if (duty := make(database, worker)) is not None]
    while not stop.is_set():
        busy = run_one(database, worker)
        for duty in duties:
            busy = _run_duty(duty) or busy
        if not busy:
            stop.wait(poll)


def _run_duty(duty: Duty) -> bool:
    try:
        return duty()
    except Exception:  # a duty must never take its worker down either
        log.exception("periodic duty failed")
        return False


def start_thread(database: Database) -> tuple[threading.Thread, threading.Event]:
    """The server's own worker, used on SQLite where one writer at a time is the rule anyway."""
    stop = threading.Event()
    thread = threading.Thread(
        target=run_forever, args=(database, worker_name(":server"), stop), daemon=True
    )
    thread.start()
    return thread, stop
