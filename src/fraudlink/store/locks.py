"""Writers that run at the same time on one database: who waits for whom.

Several ingests, a server's jobs and a scheduled ``link`` may write at once.
Three tools keep them apart without crashing any of them:

- ``begin_write``: on SQLite a transaction that will write takes the write
  lock before its first read (``BEGIN IMMEDIATE``), so it waits its turn
  instead of failing when another writer committed after it had read;
  PostgreSQL's row locks need nothing up front.
- ``exclusive``: one named job at a time (migrations, a ``link`` run) — a
  transaction-scoped advisory lock on PostgreSQL, the write lock on SQLite.
- ``insert_missing``: get-or-create of shared rows (agencies, identifiers) as
  ``INSERT … ON CONFLICT DO NOTHING``, so two writers adding the same row
  both succeed and then read the one that stands.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase

from fraudlink.errors import DatabaseError


def begin_write(connection: Connection) -> None:
    """Take SQLite's write lock now, while the transaction has read nothing yet.

    A deferred SQLite transaction that reads, then writes after another
    writer committed, fails at once with "database is locked" (its snapshot
    is stale, so waiting cannot help); one that starts with the write lock
    waits for it under ``busy_timeout`` instead.
    """
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.dbapi_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Turns:
    """First come, first served among one process's threads.

    SQLite hands its write lock to whoever polls at the right moment: a waiter
    sleeps in its busy handler (up to 100 ms a time) while newcomers take the lock
    before it, so under a server's load some writes waited seconds while others
    waited none (bench/api.py: submit p50 0.4 s, p99 6–17 s). Taking a turn here
    first leaves one thread per process polling, and the rest queue in order.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._issued = 0
        self._serving = 0

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._changed:
            ticket = self._issued
            self._issued += 1
            while ticket != self._serving:
                self._changed.wait()
        try:
            yield
        finally:
            with self._changed:
                self._serving += 1
                self._changed.notify_all()


_turns: dict[str, Turns] = {}
_turns_lock = threading.Lock()


def _turns_for(engine: Engine) -> Turns:
    with _turns_lock:
        return _turns.setdefault(str(engine.url), Turns())


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: on SQLite it queues for its turn in this process, then
    takes the write lock up front (``begin_write``); on PostgreSQL it is a plain one."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            yield connection
        return
    with _turns_for(engine).turn(), engine.begin() as connection:
        begin_write(connection)
        yield connection


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock`` from a readable name."""
    digest = hashlib.sha256(f"fraudlink:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def exclusive(connection: Connection, name: str, patience: float = 900.0) -> None:
    """Hold the lock ``name`` until this transaction ends: other holders wait for it.

    On SQLite every writer excludes every other one, so the write lock is the
    lock whatever its name. A holder may keep it longer than ``busy_timeout``
    (a migration on a loaded machine, a full ``link``), so the wait is renewed
    for up to ``patience`` seconds before giving up with a clear error.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(lock_key(name))))
        return
    deadline = time.monotonic() + patience
    while True:
        try:
            begin_write(connection)
            return
        except OperationalError as error:
            connection.rollback()
            if time.monotonic() > deadline:
                raise DatabaseError(
                    f"Waited {patience:.0f} s for another fraudlink process to finish "
                    f"writing ({name}); try again when it is done."
                ) from error


def insert_missing(
    connection: Connection,
    model: type[DeclarativeBase] | Table,
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
) -> None:
    """Insert the ``rows`` whose ``keys`` are not taken yet; leave the others as they stand.

    Rows go in sorted by key so that two PostgreSQL writers adding overlapping
    sets lock them in the same order and cannot deadlock.
    """
    if not rows:
        return
    table: Any = model if isinstance(model, Table) else model.__table__
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    ordered = sorted(rows, key=lambda row: tuple(str(row[key]) for key in keys))
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    connection.execute(statement, ordered)
