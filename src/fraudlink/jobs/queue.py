"""The job queue in the database: submit, claim one, report progress, finish.

A claim is one short transaction: on PostgreSQL ``SELECT … FOR UPDATE SKIP
LOCKED`` lets several ``fraudlink worker`` processes take different jobs at
once; on SQLite the write lock taken by the ``UPDATE`` serialises claims. A
job whose worker died stays ``running``; ``requeue_stale`` puts it back.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.access.tables import Job
from fraudlink.errors import NotFound
from fraudlink.store import Database


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def submit(session: Session, principal: Principal, kind: str, params: dict[str, Any]) -> Job:
    job = Job(
        kind=kind,
        state="queued",
        params=params,
        progress=0,
        agency_id=principal.agency_id,
        created_by=principal.username,
        created_at=_now(),
    )
    session.add(job)
    session.flush()
    return job


def claim(database: Database, worker: str) -> int | None:
    """Take the oldest queued job for ``worker``; None when there is none."""
    with database.session() as session:
        query = select(Job.id).where(Job.state == "queued").order_by(Job.id).limit(1)
        if database.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        job_id = session.scalar(query)
        if job_id is None:
            return None
        taken = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.state == "queued")
            .values(state="running", started_at=_now(), worker=worker)
        )
        return int(job_id) if taken.rowcount == 1 else None  # type: ignore[attr-defined]


def set_progress(database: Database, job_id: int, done: int, total: int | None) -> None:
    with database.session() as session:
        session.execute(update(Job).where(Job.id == job_id).values(progress=done, total=total))


def finish(
    database: Database, job_id: int, result: dict[str, Any] | None, error: str | None
) -> None:
    state = "failed" if error else "done"
    with database.session() as session:
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(state=state, result=result, error=error, finished_at=_now())
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def requeue_stale(database: Database, host: str) -> int:
    """Jobs held by a dead process of this host go back to the queue (restart safety)."""
    with database.session() as session:
        held = session.execute(
            select(Job.id, Job.worker).where(Job.state == "running", Job.worker.like(f"{host}:%"))
        ).all()
        dead = [
            job_id for job_id, worker in held if not _alive(int(str(worker).split(":")[1] or 0))
        ]
        if dead:
            session.execute(
                update(Job)
                .where(Job.id.in_(dead))
                .values(state="queued", worker=None, started_at=None)
            )
        return len(dead)


def get_job(session: Session, principal: Principal, job_id: int) -> Job:
    """Jobs belong to the agency that submitted them; others' jobs are not found."""
    job = session.scalar(select(Job).where(Job.id == job_id, Job.agency_id.in_(principal.units)))
    if job is None:
        raise NotFound(f"No job {job_id} is visible to you.")
    return job


def list_jobs(session: Session, principal: Principal, after: int, limit: int) -> list[Job]:
    return list(
        session.scalars(
            select(Job)
            .where(Job.agency_id.in_(principal.units), Job.id > after)
            .order_by(Job.id)
            .limit(limit)
        )
    )
