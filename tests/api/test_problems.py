"""One error shape: RFC 9457 problem+json for every failure, field-level for bad input."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from fraudlink.api import create_app
from fraudlink.settings import Settings

API = "/api/v1"
PROBLEM = "application/problem+json"


def test_validation_errors_name_each_field(server: Any) -> None:
    answer = server.client.get(
        API + "/reports?limit=0&country=Cambodia", headers=server.auth("kh_analyst")
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == PROBLEM
    fields = {e["field"] for e in answer.json()["errors"]}
    assert fields == {"query.limit", "query.country"}


def test_bad_cursor_and_body_are_problems_not_500(server: Any) -> None:
    headers = server.auth("kh_analyst")
    assert server.client.get(API + "/reports?cursor=abc", headers=headers).status_code == 400
    broken = server.client.post(
        API + "/reports",
        content=b"{not json",
        headers=headers | {"Content-Type": "application/json"},
    )
    assert broken.status_code == 400 and broken.headers["content-type"] == PROBLEM
    other = server.client.post(
        API + "/reports", content=b"x", headers=headers | {"Content-Type": "text/csv"}
    )
    assert other.status_code == 415
    assert server.client.get(API + "/nowhere", headers=headers).headers["content-type"] == PROBLEM


def test_unauthenticated_answer_names_the_scheme(server: Any) -> None:
    answer = server.client.get(API + "/me")
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["type"] == "/problems/unauthenticated"


def test_limits_headers_and_no_cors(server: Any) -> None:
    app = create_app(
        Settings(
            db=server.database.settings.db, max_body_bytes=2048, rate_limit=5, serve_jobs=False
        ),
        server.database,
    )
    headers = server.auth("kh_analyst")
    with TestClient(app) as client:
        big = client.post(API + "/reports", content=b"[" + b" " * 4096 + b"]", headers=headers)
        assert big.status_code == 413 and big.headers["content-type"] == PROBLEM
        codes = [client.get(API + "/me", headers=headers).status_code for _ in range(6)]
        assert codes[:4] == [200] * 4 and codes[-1] == 429
        answer = client.get(API + "/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in answer.headers
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["cache-control"] == "no-store"


def test_an_exhausted_connection_pool_is_503_busy_not_500(tmp_path: Any) -> None:
    """A real pool of one connection, held by the test: the request waits out the pool's
    timeout and is told to come back, as problem+json with Retry-After."""
    from fastapi import FastAPI
    from sqlalchemy import create_engine, text

    from fraudlink.api.problems import install

    engine = create_engine(
        f"sqlite:///{tmp_path / 'pool.db'}", pool_size=1, max_overflow=0, pool_timeout=0.2
    )
    app = FastAPI()
    install(app)

    @app.get("/api/v1/count")
    def count() -> int:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT 1")).scalar_one())

    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/v1/count").json() == 1
    with engine.connect():
        busy = client.get("/api/v1/count")
    assert busy.status_code == 503, busy.text
    assert busy.headers["content-type"] == PROBLEM
    assert busy.headers["retry-after"] == "2"
    assert busy.json()["type"] == "/problems/busy"
    assert client.get("/api/v1/count").status_code == 200
    engine.dispose()
