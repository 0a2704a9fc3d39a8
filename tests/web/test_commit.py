"""A page that writes has committed before its answer starts (the session dependency is
function-scoped): a browser follows the sign-in's redirect at once and must find its session.

No browser here: the app is called through a wrapper that, the moment the response
starts, looks on another connection for the row the request wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fraudlink.access import add_user
from fraudlink.api import create_app
from fraudlink.settings import Settings
from fraudlink.share.keys import init_agency
from fraudlink.store import open_database
from fraudlink.web.deps import PRE_COOKIE
from fraudlink.web.tables import WebSession

PASSWORD = "a long enough passphrase"


def test_sign_in_is_committed_before_the_redirect_starts(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "web.db"))
    store = open_database(settings)
    with store.session() as session:
        init_agency(session, "KH-NPA", "office", "KH", "agency passphrase")
        add_user(session, "analyst", "KH-NPA", ["analyst"], PASSWORD)
    seen: list[int] = []

    def sessions() -> int:
        with store.session() as session:
            return int(session.scalar(select(func.count()).select_from(WebSession)) or 0)

    with TestClient(create_app(settings)) as client:
        app = client.app

        async def probing(scope: Any, receive: Any, send: Any) -> None:
            async def send_checked(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    seen.append(sessions())
                await send(message)

            await app(scope, receive, send_checked)  # type: ignore[operator]

        probe = TestClient(probing, base_url="https://testserver")
        probe.get("/sign-in")
        form = {"username": "analyst", "password": PASSWORD, "next": "/"}
        csrf = {"x-csrf-token": probe.cookies.get(PRE_COOKIE) or ""}
        answer = probe.post("/sign-in", data=form, headers=csrf, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert seen == [0, 1]
    store.dispose()
