"""Upload a report file and watch its ingest job (the page polls with htmx)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from fraudlink.jobs import queue
from fraudlink.web.deps import SessionDep, SignedFormDep, ViewerDep, see_other
from fraudlink.web.render import page

router = APIRouter(tags=["pages"])
MAX_UPLOAD = 32 << 20


@router.get("/upload", name="web_upload", response_class=HTMLResponse)
def upload_page(request: Request, viewer: ViewerDep, opened: SessionDep) -> HTMLResponse:
    recent = queue.list_jobs(opened, viewer.principal, 0, 1000)[-10:][::-1]
    return page(request, "upload.html", viewer, {"jobs": recent, "problem": None})


@router.post("/upload", name="web_upload_post", response_model=None)
async def upload_form(
    request: Request,
    viewer: SignedFormDep,
    opened: SessionDep,
    reports: Annotated[UploadFile, File()],
) -> HTMLResponse | RedirectResponse:
    """The file's lines go to the same ingest job as the API's ``POST /jobs/ingest``."""
    data = await reports.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD or not data.strip():
        context: dict[str, object] = {
            "jobs": [],
            "problem": "empty" if not data.strip() else "large",
        }
        return page(request, "upload.html", viewer, context, 400)
    viewer.principal.require("analyst", "liaison", "supervisor")
    lines = data.decode("utf-8", errors="replace").splitlines()
    job = queue.submit(opened, viewer.principal, "ingest", {"lines": lines})
    return see_other(f"/jobs/{job.id}")


@router.get("/jobs/{job_id}", name="web_job", response_class=HTMLResponse)
def job_page(request: Request, job_id: int, viewer: ViewerDep, opened: SessionDep) -> HTMLResponse:
    """The whole page, or only its progress panel when htmx polls for it."""
    job = queue.get_job(opened, viewer.principal, job_id)
    template = "job_panel.html" if request.headers.get("hx-request") else "job.html"
    return page(request, template, viewer, {"job": job})
