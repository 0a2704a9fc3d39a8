"""A page reads and writes through one database session: the one that signed the viewer in.

The viewer's session restarts its idle clock (a write) every ``TOUCH`` seconds, and
on SQLite that write holds the database's one write lock until the page commits.
A page whose handler wrote through a second session (the API's) then waited for
its own first session: 30 s of ``busy_timeout``, then an error. CI saw it once in
a while, when the clock's turn fell on the network page. Here the clock is due on
every request and the lock wait is 2 s, so such a page fails at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select

from fraudlink.api import create_app
from fraudlink.api.deps import session as api_session
from fraudlink.settings import Settings
from fraudlink.web.deps import PRE_COOKIE, web_session

PASSWORD = "a long enough passphrase"


def _callables(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _callables(sub)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every endpoint, also those of included routers (FastAPI keeps them apart)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif (inner := getattr(route, "original_router", None)) is not None:
            yield from _api_routes(inner.routes)


def test_no_page_takes_a_second_database_session(tmp_path: Path) -> None:
    app = create_app(Settings(db=str(tmp_path / "unused.db")))
    routes = list(_api_routes(app.routes))
    pages = [r for r in routes if web_session in set(_callables(r.dependant))]
    mixed = [r.path for r in pages if api_session in set(_callables(r.dependant))]
    assert len(pages) > 20  # the walk reached the pages
    assert mixed == []


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The viewer's idle clock written on every request; a lock waited for 2 s, not 30."""
    import fraudlink.store.db as db
    import fraudlink.web.sessions as sessions

    pragmas = db._sqlite_pragmas

    def impatient(connection: Any, record: Any) -> None:
        pragmas(connection, record)
        connection.execute("PRAGMA busy_timeout=2000")

    monkeypatch.setattr(sessions, "TOUCH", dt.timedelta(0))
    monkeypatch.setattr(db, "_sqlite_pragmas", impatient)


@pytest.mark.slow
def test_pages_that_read_personal_data_answer_while_the_viewers_clock_is_written(
    tmp_path: Path, short_waits: None
) -> None:
    from fraudlink.access import add_user
    from fraudlink.demo import run_demo
    from fraudlink.link.networks.tables import LinkReport
    from fraudlink.store import open_database
    from fraudlink.store.schema import Agency, Report

    settings = Settings(db=str(tmp_path / "web.db"), agency="KH-NPA")
    store = open_database(settings)
    run_demo(store, 120, 3, tmp_path / "data")
    with store.session() as opened:
        add_user(opened, "analyst", "KH-NPA", ["analyst"], PASSWORD)
        network = opened.scalar(
            select(LinkReport.network_id)
            .join(Report, Report.id == LinkReport.report_id)
            .join(Agency, Agency.id == Report.agency_id)
            .where(Agency.code == "KH-NPA")
            .limit(1)
        )
    store.dispose()
    pages = ["/", "/networks", f"/networks/{network}", f"/networks/{network}/players",
             "/operations", "/rates", "/reports", "/cases"]  # fmt: skip
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        client.get("/sign-in")
        csrf = {"x-csrf-token": client.cookies.get(PRE_COOKIE) or ""}
        form = {"username": "analyst", "password": PASSWORD, "next": "/"}
        assert client.post("/sign-in", data=form, headers=csrf).status_code == 200
        client.get("/purpose")
        purpose = {"purpose": "case ONE-SESSION", "next": "/", "csrf": _csrf(client)}
        client.post("/purpose", data=purpose, headers={"x-csrf-token": _csrf(client)})
        answers = {path: client.get(f"{path}?lang=km").status_code for path in pages}
    assert answers == dict.fromkeys(pages, 200)


def _csrf(client: TestClient) -> str:
    """The signed-in page's form token, as the pages' script sends it."""
    import re

    found = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/purpose").text)
    assert found, "the page carries no CSRF token"
    return found.group(1)
