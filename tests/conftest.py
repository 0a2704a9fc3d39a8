"""Shared fixtures: every store test runs on SQLite and, when a server answers, PostgreSQL.

Without a PostgreSQL server the PostgreSQL half is skipped with one line, unless
``CI=true``: there a missing server is a failure, so CI can never go green by skipping.
"""

from __future__ import annotations

import gc
import os
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from fraudlink.settings import Settings
from fraudlink.store import Database, open_database

PG_ADMIN_URL = os.environ.get(
    "FRAUDLINK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _missing_server(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but PostgreSQL is not reachable: {reason}")
    pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway database for this test run, dropped at the end."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"fraudlink_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        admin.dispose()
        _missing_server(str(error.orig))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL (file path for SQLite)."""
    if request.param == "sqlite":
        return str(tmp_path / "fraudlink.db")
    url: str = request.getfixturevalue("postgres_server")
    _reset_postgres(url)
    return url


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(db=db_url, batch_size=50)


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    store = open_database(settings)
    yield store
    store.dispose()


def _best_cpu(work: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return max(best, 1e-4)


@pytest.fixture
def cpu_growth() -> Callable[[Callable[[int], object], int], float]:
    """How many times more CPU ``work(4 * n)`` takes than ``work(n)``, best of three each:
    about 4 for linear work, 16 for quadratic. A ratio, never an absolute time, so a loaded
    machine cannot fail it; bounds around 8 catch a quadratic scan."""

    def growth(work: Callable[[int], object], n: int) -> float:
        gc.collect()
        return _best_cpu(lambda: work(4 * n)) / _best_cpu(lambda: work(n))

    return growth


#: the password of the users ``cli_user`` adds (``FRAUDLINK_PASSWORD`` signs them in)
CLI_PASSWORD = "a long password of the tests"


@pytest.fixture
def cli_user(monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """``cli_user(db, name, agency="KH-NPA", role="supervisor")`` adds that user (and the
    agency if new) to the database ``db``; commands then sign in with ``--user name``."""
    from fraudlink.access import add_user
    from fraudlink.cases.service import agency_id

    monkeypatch.setenv("FRAUDLINK_PASSWORD", CLI_PASSWORD)
    monkeypatch.delenv("FRAUDLINK_TOKEN", raising=False)

    def add(db: str, name: str, agency: str = "KH-NPA", role: str = "supervisor") -> str:
        store = open_database(Settings(db=db))
        try:
            with store.session() as session:
                agency_id(session, agency)
                add_user(session, name, agency, [role], CLI_PASSWORD)
        finally:
            store.dispose()
        return name

    return add
