"""Long work as jobs: 202 with an id, state and progress readable, run by a thread or worker."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from fraudlink.api import create_app
from fraudlink.jobs.queue import claim
from fraudlink.jobs.worker import run_one
from fraudlink.settings import Settings

API = "/api/v1"


def _lines(server: Any, count: int) -> list[dict[str, object]]:
    return [server.report("KH-NPA", f"J-{i}", f"paid +855 12 345 {i:03d}") for i in range(count)]


def test_a_worker_runs_an_ingest_job(server: Any) -> None:
    headers = server.auth("kh_analyst")
    queued = server.client.post(API + "/jobs/ingest", json=_lines(server, 3), headers=headers)
    assert queued.status_code == 202 and queued.json()["state"] == "queued"
    job = queued.json()["id"]
    assert run_one(server.database, "test-host:1")
    assert not run_one(server.database, "test-host:1")
    done = server.client.get(API + f"/jobs/{job}", headers=headers).json()
    assert done["state"] == "done", done
    assert done["result"]["loaded"] == 3 and done["progress"] == done["total"] == 3
    assert (
        server.client.get(API + f"/jobs/{job}", headers=server.auth("th_analyst")).status_code
        == 404
    )


def test_concurrent_claims_never_hand_one_job_to_two_workers(server: Any) -> None:
    headers = server.auth("kh_analyst")
    for _ in range(20):
        server.client.post(API + "/jobs/link", headers=headers)

    def drain(worker: str) -> list[int]:
        taken = []
        while (job := claim(server.database, worker)) is not None:
            taken.append(job)
        return taken

    with ThreadPoolExecutor(4) as pool:
        claimed = [job for jobs in pool.map(drain, [f"w:{i}" for i in range(4)]) for job in jobs]
    assert len(claimed) == len(set(claimed)) == 20


def test_on_sqlite_the_server_runs_jobs_itself(server: Any) -> None:
    if server.database.dialect != "sqlite":
        return
    app = create_app(Settings(db=server.database.settings.db), server.database)
    headers = server.auth("kh_analyst")
    with TestClient(app) as client:
        job = client.post(API + "/jobs/ingest", json=_lines(server, 2), headers=headers).json()
        state = job["state"]
        for _ in range(600):  # a bound on polls, not on time
            state = client.get(API + f"/jobs/{job['id']}", headers=headers).json()["state"]
            if state in ("done", "failed"):
                break
            time.sleep(0.05)
        assert state == "done"
