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
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, select
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
