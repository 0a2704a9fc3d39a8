"""Opening databases: paths, URLs, migrations, and errors that say what to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from fraudlink.errors import ConfigError, DatabaseError, SchemaOutOfDate
from fraudlink.settings import Settings
from fraudlink.store import open_database
from fraudlink.store.db import (
    Database,
    current_revisions,
    database_url,
    head_revisions,
    make_engine,
)


def test_a_path_means_sqlite_and_a_url_is_kept() -> None:
    assert database_url("cases/x.db") == "sqlite:///cases/x.db"
    url = "postgresql+psycopg://localhost/fraudlink"
    assert database_url(url) == url


@pytest.mark.parametrize("db", ["nosuchdialect://x", "postgresql+psycopg://host:notaport/x"])
def test_a_malformed_url_says_what_to_give(db: str) -> None:
    with pytest.raises(ConfigError, match="is not a database URL; give a file path or a URL"):
        open_database(Settings(db=db))


def test_every_migration_runs_and_creates_the_model(db_url: str) -> None:
    database = open_database(Settings(db=db_url))
    assert current_revisions(database.engine) == head_revisions()
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "agency",
        "report",
        "identifier",
        "report_identifier",
        "entity",
        "case_file",
        "subject_status",
        "money_record",
        "report_revision",
    } <= tables
    database.dispose()


def test_without_auto_migrate_the_error_names_the_command(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    database = Database(Settings(db=db, auto_migrate=False))
    with pytest.raises(SchemaOutOfDate, match=f"run `fraudlink init --db {db}`"):
        database.ensure_schema()


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    database = open_database(Settings(db=str(tmp_path / "w.db")))
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_an_unreachable_server_is_a_clear_error() -> None:
    settings = Settings(db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(
        DatabaseError, match=r"Cannot open the database .* check --db or FRAUDLINK_DB"
    ):
        open_database(settings)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAUDLINK_DB", "/tmp/elsewhere.db")
    monkeypatch.setenv("FRAUDLINK_BATCH_SIZE", "7")
    settings = Settings()
    assert (settings.db, settings.batch_size) == ("/tmp/elsewhere.db", 7)
    assert settings.with_db("x.db").db == "x.db"
    assert settings.with_db(None) is settings


def test_a_sqlite_server_lets_every_request_thread_hold_two_connections(tmp_path: Path) -> None:
    """40 request threads, each with its session and a stage's own connection: with
    SQLAlchemy's default pool (5 + 10) the sixteenth would wait out the pool timeout."""
    engine = make_engine(str(tmp_path / "pool.db"))
    held = [engine.connect() for _ in range(80)]
    try:
        assert engine.pool.checkedout() == 80  # type: ignore[attr-defined]
    finally:
        for connection in held:
            connection.close()
        engine.dispose()
