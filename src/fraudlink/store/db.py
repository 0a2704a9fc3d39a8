"""One place that turns a path or URL into a migrated database.

SQLite is the default (a file next to the analyst, WAL so readers never block
the importer); any SQLAlchemy URL, e.g. ``postgresql+psycopg://localhost/fraudlink``,
selects another server. Both run the same Alembic migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fraudlink.errors import ConfigError, DatabaseError, SchemaOutOfDate
from fraudlink.settings import Settings
from fraudlink.store.locks import exclusive

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str) -> str:
    """Accept a bare file path as SQLite and anything with ``://`` as a SQLAlchemy URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _bad_url(db: str) -> ConfigError:
    return ConfigError(
        f"'{db}' is not a database URL; give a file path or a URL "
        "such as postgresql+psycopg://localhost/fraudlink."
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """``busy_timeout`` first: switching a fresh file to WAL waits for the other openers."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


#: a server's request threads (AnyIO's default limiter: 40) each hold one session, so a
#: PostgreSQL pool of 5 + 10 made 25 of them wait out the pool timeout under load; 10 kept
#: open and up to 30 more while busy lets every thread have one
_SERVER_POOL = {"pool_size": 10, "max_overflow": 30}
#: a SQLite file costs no server a connection, and a page that reads a network holds two
#: (its session and the stage's own), so every request thread may hold two; SQLAlchemy's
#: default 5 + 10 would make the sixteenth wait out the 30 s pool timeout
_SQLITE_POOL = {"pool_size": 10, "max_overflow": 70}


def _pool_options(url: URL) -> dict[str, int]:
    if url.get_backend_name() != "sqlite":
        return _SERVER_POOL
    if url.database in (None, "", ":memory:"):
        return {}  # one shared in-memory connection: SQLAlchemy picks its own pool
    return _SQLITE_POOL


def make_engine(db: str) -> Engine:
    try:
        url = make_url(database_url(db))
        engine = create_engine(url, **_pool_options(url))
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise _bad_url(db) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def head_revisions() -> frozenset[str]:
    """Stages add their tables on their own migration branches; all heads must be applied."""
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


def describe_revisions(revisions: frozenset[str]) -> str:
    return "+".join(sorted(revisions)) or "none"


def upgrade(engine: Engine) -> frozenset[str]:
    """Create or upgrade the schema to the newest revision of every branch.

    One process migrates at a time (several may open a fresh database at
    once); the others wait, then find the schema current and do nothing.
    Returns the revisions found before, under the lock.
    """
    with engine.connect() as connection:
        exclusive(connection, "migrate")
        current = frozenset(MigrationContext.configure(connection).get_current_heads())
        if current != head_revisions():
            config = alembic_config(engine)
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
        connection.commit()
    return current


class Database:
    """An engine plus a session factory, migrated before first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = make_engine(settings.db)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def ensure_schema(self) -> None:
        """Upgrade automatically, or say exactly which command will."""
        try:
            current = current_revisions(self.engine)
        except OperationalError as exc:
            raise DatabaseError(
                f"Cannot open the database {self.settings.db!r} "
                f"({str(exc.orig).splitlines()[0].strip()}); "
                "check --db or FRAUDLINK_DB."
            ) from exc
        if current == head_revisions():
            return
        if not self.settings.auto_migrate:
            raise SchemaOutOfDate(
                f"The database {self.settings.db!r} is at schema {describe_revisions(current)}; "
                f"run `fraudlink init --db {self.settings.db}` to upgrade it."
            )
        upgrade(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work commits together or not at all."""
        with self.sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings) -> Database:
    database = Database(settings)
    database.ensure_schema()
    return database
