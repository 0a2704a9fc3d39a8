"""Jobs: long work answers 202 with a job id; the job's state and progress are read here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from fraudlink.access.tables import Job
from fraudlink.api import models
from fraudlink.api.deps import CallerDep, SessionDep
from fraudlink.api.paging import CursorQuery, IdPath, LimitQuery, after, next_cursor
from fraudlink.api.problems import responses
from fraudlink.api.routers.reports import SUBMIT_BODY, body_lines
from fraudlink.jobs import queue

router = APIRouter(prefix="/jobs", tags=["jobs"])


def _job(job: Job) -> models.Job:
    return models.Job(
        id=job.id,
        kind=job.kind,
        state=job.state,  # type: ignore[arg-type]
        progress=job.progress,
        total=job.total,
        result=job.result,
        error=job.error,
        created_by=job.created_by,
        created_at=job.created_at.isoformat(),
        finished_at=job.finished_at.isoformat() if job.finished_at else None,
    )


@router.post(
    "/ingest",
    name="submit_ingest_job",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=models.Job,
    openapi_extra=SUBMIT_BODY,
    responses=responses(400, 401, 403, 413, 415, 429),
)
async def ingest(request: Request, who: CallerDep, session: SessionDep) -> models.Job:
    """Queue an upload of reports; the lines are kept with the job until it has run."""
    lines = body_lines(await request.body(), request.headers.get("content-type", ""))
    return _job(queue.submit(session, who.principal, "ingest", {"lines": lines}))


@router.post(
    "/link",
    name="submit_link_job",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=models.Job,
    responses=responses(401, 403, 429),
)
def link(
    who: CallerDep,
    session: SessionDep,
    full: Annotated[bool, Query(description="re-link everything, not only new reports")] = False,
) -> models.Job:
    return _job(queue.submit(session, who.principal, "link", {"full": full}))


@router.post(
    "/screen",
    name="submit_screen_job",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=models.Job,
    responses=responses(401, 403, 422, 429),
)
def screen(
    who: CallerDep,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=50, description="hits kept per subject")] = 5,
) -> models.Job:
    """``screen --all``: every person and account against every stored list."""
    return _job(queue.submit(session, who.principal, "screen", {"limit": limit}))


@router.post(
    "/resolve",
    name="submit_resolve_job",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=models.Job,
    responses=responses(401, 403, 429),
)
def resolve(who: CallerDep, session: SessionDep) -> models.Job:
    """Person resolution across agencies, honouring every same / not-same judgement."""
    return _job(queue.submit(session, who.principal, "resolve", {}))


@router.get(
    "", name="list_jobs", response_model=models.JobPage, responses=responses(400, 401, 403, 429)
)
def index(
    who: CallerDep, session: SessionDep, cursor: CursorQuery = None, limit: LimitQuery = 50
) -> models.JobPage:
    rows = queue.list_jobs(session, who.principal, after(cursor), limit + 1)
    page = rows[:limit]
    last = page[-1].id if len(rows) > limit else None
    return models.JobPage(items=[_job(j) for j in page], next_cursor=next_cursor(last))


@router.get(
    "/{job_id}", name="get_job", response_model=models.Job, responses=responses(401, 403, 404, 429)
)
def read(job_id: IdPath, who: CallerDep, session: SessionDep) -> models.Job:
    return _job(queue.get_job(session, who.principal, job_id))
