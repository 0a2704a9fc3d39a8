"""The floor bench/public.py measures the public check against: a bare Starlette handler.

It answers ``GET /v1/check?value=+855…`` with one primary-key probe of the same
index file and a fixed JSON body: no normaliser, no rate limit, no logging, no
FastAPI. The ratio of the real server's figures to these says what fraudlink's
own work costs, whatever else the shared machine is doing.

    uvicorn --app-dir bench --factory public_baseline:make_app  (index from BASELINE_INDEX)
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def make_app() -> Starlette:
    path = os.environ["BASELINE_INDEX"]
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    query = "SELECT reports, victims FROM entry WHERE key = ?"

    async def check(request: Request) -> Response:
        value = request.query_params.get("value", "")
        key = hashlib.sha256(f"phone\x00{value}".encode()).digest()[:16]
        row = conn.execute(query, (key,)).fetchone()
        body = {"reported": False} if row is None else {"reported": True, "reports": row[0]}
        return Response(json.dumps(body), media_type="application/json")

    return Starlette(routes=[Route("/v1/check", check)])
