"""A write over the API is committed before its answer leaves.

The request's session used to commit after the response was sent, so a client
that wrote and read again at once could miss its own write (and a failed commit
came after a 2xx). Here the app is wrapped so that, the moment the response
starts, another connection looks for the row the request wrote.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fraudlink.store.schema import Case

Server = Any  # the conftest fixture's type; test modules cannot import conftest


def test_a_write_is_committed_before_the_answer_starts(server: Server) -> None:
    app = server.client.app
    seen: list[bool] = []

    def committed() -> bool:
        with server.database.session() as session:
            return session.scalar(select(Case.id).where(Case.reference == "C-NOW")) is not None

    async def probing(scope: Any, receive: Any, send: Any) -> None:
        async def send_checked(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                seen.append(committed())
            await send(message)

        await app(scope, receive, send_checked)

    client = TestClient(probing)  # the fixture's client already ran the app's lifespan
    body = {"reference": "C-NOW", "title": "read your own write"}
    answer = client.post("/api/v1/cases", json=body, headers=server.auth("kh_analyst"))
    assert answer.status_code == 201, answer.text
    assert seen == [True]
    read = client.get("/api/v1/cases/C-NOW", headers=server.auth("kh_analyst"))
    assert read.status_code == 200
