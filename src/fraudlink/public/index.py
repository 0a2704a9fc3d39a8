"""The published index file: one row per reported identifier, keyed by a hash of its normal form.

The file holds no identifier in clear, no report id, name, narrative or agency:
only the key, the counts, the days first and last seen, the scam types and the
victims' countries. A lookup is one primary-key probe whatever the answer.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fraudlink.errors import InputError

FORMAT = "fraudlink-public-index/1"
REPORTED, OFFICIAL = 1, 2

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry (
    key BLOB PRIMARY KEY,
    status INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    victims INTEGER NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    scam_types TEXT NOT NULL,
    countries TEXT NOT NULL
) WITHOUT ROWID;
"""
_STAGING = """
CREATE TEMP TABLE staging (key BLOB, status INTEGER, reports INTEGER, victims INTEGER,
    first_seen TEXT, last_seen TEXT, scam_types TEXT, countries TEXT);
"""


_MMAP = 1 << 32  # asked; SQLite maps up to its build's cap (2 GB in Debian's), enough for 10M rows
_LOOKUP = (
    "SELECT key, status, reports, victims, first_seen, last_seen, scam_types, countries "
    "FROM entry WHERE key IN ({})"
)


class IndexUnavailable(InputError):
    """The index file is missing or is not a fraudlink public index."""


#: the schemes a link is the same page under: ``http://x.com/pay`` and ``https://x.com/pay``
WEB_SCHEMES = ("https://", "http://")


def key_form(kind: str, value: str) -> str:
    """The form an identifier is published and looked up under.

    A link is keyed without its web scheme: ingest writes a link typed without one
    (``x.com/pay``) as ``http://``, and victims copy the same page as ``http://`` or
    ``https://``, so reports of either and a check of either meet on ``x.com/pay``.
    """
    if kind == "url":
        for scheme in WEB_SCHEMES:
            if value.startswith(scheme):
                return value[len(scheme) :]
    return value


def entry_key(kind: str, value: str) -> bytes:
    """16 bytes of SHA-256 over kind and normal form: no prefix or wildcard can be searched."""
    return hashlib.sha256(f"{kind}\x00{key_form(kind, value)}".encode()).digest()[:16]


@dataclass(frozen=True, slots=True)
class Entry:
    """What the public may know about one identifier."""

    kind: str
    value: str
    status: int = REPORTED
    reports: int = 0
    victims: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    scam_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = field(default=())

    def row(self) -> tuple[object, ...]:
        return (
            entry_key(self.kind, self.value),
            self.status,
            self.reports,
            self.victims,
            self.first_seen,
            self.last_seen,
            json.dumps(sorted(self.scam_types)),
            json.dumps(sorted(self.countries)),
        )


def write_index(path: Path, entries: Iterable[Entry], meta: dict[str, str]) -> int:
    """Write the index next to ``path`` and rename it over ``path``: readers see old or new."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    count = 0
    try:
        conn = sqlite3.connect(tmp)
        _fast_build(conn)
        with conn:
            conn.executescript(_SCHEMA + _STAGING)
            for chunk in _chunks((e.row() for e in entries), 20000):
                conn.executemany("INSERT INTO staging VALUES (?,?,?,?,?,?,?,?)", chunk)
                count += len(chunk)
            # one sorted pass into the key-ordered table: random-key inserts would touch
            # every page of the tree; the staging table lives in SQLite's temp file
            conn.execute("INSERT OR REPLACE INTO entry SELECT * FROM staging ORDER BY key")
            conn.execute("DROP TABLE staging")
            count = conn.execute("SELECT count(*) FROM entry").fetchone()[0]
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                sorted({**meta, "format": FORMAT, "entries": str(count)}.items()),
            )
        conn.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return int(count)


def _fast_build(conn: sqlite3.Connection) -> None:
    """No journal: the file is new and replaces the old one only when complete."""
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA temp_store=FILE")
    conn.execute("PRAGMA cache_size=-200000")


def _chunks(rows: Iterator[tuple[object, ...]], size: int) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True, slots=True)
class Found:
    status: int
    reports: int
    victims: int
    first_seen: str | None
    last_seen: str | None
    scam_types: list[str]
    countries: list[str]


class PublicIndex:
    """A read-only view of one index file; reopened when the file is replaced."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._stamp: tuple[int, int] | None = None
        self.meta: dict[str, str] = {}
        self._open()

    def _open(self) -> None:
        try:
            stat = self.path.stat()
        except OSError:
            raise IndexUnavailable(
                f"No public index at {self.path}; write one with `fraudlink public publish`."
            ) from None
        # immutable: no locks and no change checks (a new index is a new file); mmap: pages
        # are read from the OS cache without a copy; each worker process opens its own
        uri = f"file:{self.path}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, cached_statements=16)
        conn.execute(f"PRAGMA mmap_size={_MMAP}")
        try:
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            conn.close()
            raise IndexUnavailable(
                f"{self.path} is not a fraudlink public index; write one with "
                "`fraudlink public publish`."
            ) from None
        if meta.get("format") != FORMAT:
            conn.close()
            raise IndexUnavailable(f"{self.path} is an index of another format; publish it again.")
        old, self._conn, self.meta = self._conn, conn, meta
        self._stamp = (stat.st_ino, stat.st_mtime_ns)
        if old is not None:
            old.close()

    def refresh(self) -> None:
        """Pick up a re-published file (an atomic rename gives it a new inode).

        One ``stat`` per check (about a microsecond): an answer never comes from an index
        older than the last publish.
        """
        try:
            stat = self.path.stat()
        except OSError:
            return
        if (stat.st_ino, stat.st_mtime_ns) != self._stamp:
            self._open()

    def lookup(self, keys: list[bytes]) -> list[Found | None]:
        """One statement probing every key: the work does not depend on what is held.

        Callers pad ``keys`` to a fixed count, so the statement (prepared once and kept in
        the connection's cache) and the number of B-tree probes are always the same.
        """
        assert self._conn is not None
        rows = self._conn.execute(_LOOKUP.format(",".join("?" * len(keys))), keys).fetchall()
        held = {row[0]: row[1:] for row in rows}
        return [None if (row := held.get(key)) is None else _found(row) for key in keys]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _found(row: tuple[object, ...]) -> Found:
    status, reports, victims, first, last, scam_types, countries = row
    return Found(
        int(str(status)),
        int(str(reports)),
        int(str(victims)),
        None if first is None else str(first),
        None if last is None else str(last),
        json.loads(str(scam_types)),
        json.loads(str(countries)),
    )
