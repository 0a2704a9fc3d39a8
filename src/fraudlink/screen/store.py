"""Writing and reading watchlists: one transaction per import, the index stored beside entries.

A re-import of a list deletes its old entries, identifiers and index rows and
writes the new ones in the same transaction, then bumps the list's
``version`` so every process holding the index in memory reloads that list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, insert, select, update

from fraudlink.audit import current_user, record_event
from fraudlink.errors import InputError, NotFound
from fraudlink.screen.formats import read_list
from fraudlink.screen.index import (
    NameIndex,
    Postings,
    build_postings,
    join_postings,
    split_postings,
)
from fraudlink.screen.model import Listed, ParsedList
from fraudlink.screen.tables import IndexPart, WatchEntry, WatchIdentifier, WatchList
from fraudlink.store import Database

BATCH = 20_000


@dataclass(frozen=True, slots=True)
class ListInfo:
    name: str
    format: str
    list_date: dt.date | None
    entries: int
    names: int
    version: int
    imported_at: dt.datetime | None

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "format": self.format,
            "list_date": self.list_date,
            "entries": self.entries,
            "names": self.names,
            "version": self.version,
            "imported_at": self.imported_at,
        }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def flat_names(entries: Sequence[Listed]) -> tuple[list[tuple[str, str]], list[int]]:
    """Every name of every entry (newlines folded), with the ordinal of the entry it names."""
    names: list[tuple[str, str]] = []
    owners: list[int] = []
    for ordinal, entry in enumerate(entries):
        for name in entry.names:
            names.append((entry.schema, " ".join(name.split())))
            owners.append(ordinal)
    return names, owners


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _entry_rows(list_id: int, entries: Sequence[Listed]) -> Iterator[dict[str, Any]]:
    for ordinal, e in enumerate(entries):
        yield {
            "list_id": list_id,
            "ordinal": ordinal,
            "external_id": e.id[:255],
            "schema": e.schema,
            "caption": e.caption[:512],
            "data": e.as_data(),
            "content_hash": e.content_hash(),
        }


def _id_rows(list_id: int, entries: Sequence[Listed]) -> Iterator[dict[str, Any]]:
    for ordinal, e in enumerate(entries):
        for kind, value in dict.fromkeys(e.identifiers):
            yield {"list_id": list_id, "ordinal": ordinal, "kind": kind, "value": value[:512]}


def _index_rows(
    list_id: int, names: list[tuple[str, str]], owners: list[int], keys: Postings
) -> Iterator[dict[str, Any]]:
    text = "\n".join(f"{schema[0]}\t{name}" for schema, name in names)
    yield {
        "list_id": list_id,
        "kind": "names",
        "part": 0,
        "text": text,
        "hashes": None,
        "offsets": None,
        "postings": np.asarray(owners, np.int32).tobytes(),
    }
    for number, part in enumerate(split_postings(keys)):
        yield {
            "list_id": list_id,
            "kind": "keys",
            "part": number,
            "text": None,
            "hashes": part.hashes.tobytes(),
            "offsets": part.offsets.tobytes(),
            "postings": part.postings.tobytes(),
        }


def _clear(connection: Connection, list_id: int) -> None:
    for table in (WatchEntry, WatchIdentifier, IndexPart):
        connection.execute(delete(table).where(table.list_id == list_id))


def _upsert_list(
    connection: Connection, name: str, parsed: ParsedList, meta: dict[str, Any], force: bool
) -> int:
    row = connection.execute(select(WatchList).where(WatchList.name == name)).first()
    if row is None:
        return int(
            connection.execute(
                insert(WatchList)
                .values(name=name, version=1, token=uuid.uuid4().hex, **meta)
                .returning(WatchList.id)
            ).scalar_one()
        )
    old = row.list_date
    if old and parsed.list_date and parsed.list_date < old and not force:
        raise InputError(
            f"The file is dated {parsed.list_date}, older than the stored {name!r} "
            f"of {old}; pass --force to import it anyway."
        )
    _clear(connection, row.id)
    values = {
        **meta,
        "version": row.version + 1,
        "token": uuid.uuid4().hex,
        "imported_at": dt.datetime.now(dt.UTC),
    }
    connection.execute(update(WatchList).where(WatchList.id == row.id).values(**values))
    return int(row.id)


def import_parsed(
    database: Database,
    name: str,
    parsed: ParsedList,
    *,
    source: str = "",
    sha256: str = "",
    force: bool = False,
    workers: int = 1,
    user: str | None = None,
) -> ListInfo:
    """Store ``parsed`` as list ``name``, replacing any older version in one transaction."""
    names, owners = flat_names(parsed.entries)
    keys = build_postings(names, workers)
    meta = {
        "format": parsed.format,
        "list_date": parsed.list_date,
        "source": source[:1024],
        "sha256": sha256 or "-",
        "entries": len(parsed.entries),
        "names": len(names),
    }
    with database.engine.begin() as connection:
        list_id = _upsert_list(connection, name, parsed, meta, force)
        writes: list[tuple[type[Any], Iterator[dict[str, Any]]]] = [
            (WatchEntry, _entry_rows(list_id, parsed.entries)),
            (WatchIdentifier, _id_rows(list_id, parsed.entries)),
            (IndexPart, _index_rows(list_id, names, owners, keys)),
        ]
        for table, rows in writes:
            for batch in _batches(rows):
                connection.execute(insert(table), batch)
        record_event(
            connection,
            action="import",
            record_type="watchlist",
            record_id=name,
            user=current_user(user),
            detail={**meta, "list_date": str(parsed.list_date)},
        )
    return _info(database, name)


def import_list(
    database: Database,
    path: Path,
    name: str,
    *,
    format: str | None = None,
    force: bool = False,
    user: str | None = None,
) -> ListInfo:
    """Read ``path`` completely (any error leaves the database untouched), then store it."""
    parsed = read_list(path, format)
    return import_parsed(
        database,
        name,
        parsed,
        source=str(path),
        sha256=_sha256(path),
        force=force,
        workers=2,
        user=user,
    )


def _to_info(row: Any) -> ListInfo:
    return ListInfo(
        row.name, row.format, row.list_date, row.entries, row.names, row.version, row.imported_at
    )


def _info(database: Database, name: str) -> ListInfo:
    with database.engine.connect() as connection:
        row = connection.execute(select(WatchList).where(WatchList.name == name)).first()
    if row is None:
        raise NotFound(f"No watchlist named {name!r}; see `fraudlink watchlist list`.")
    return _to_info(row)


def list_lists(database: Database) -> list[ListInfo]:
    with database.engine.connect() as connection:
        return [_to_info(r) for r in connection.execute(select(WatchList).order_by(WatchList.name))]


def remove_list(database: Database, name: str, user: str | None = None) -> ListInfo:
    info = _info(database, name)
    with database.engine.begin() as connection:
        list_id = connection.execute(
            select(WatchList.id).where(WatchList.name == name)
        ).scalar_one()
        _clear(connection, list_id)
        connection.execute(delete(WatchList).where(WatchList.id == list_id))
        record_event(
            connection,
            action="delete",
            record_type="watchlist",
            record_id=name,
            user=current_user(user),
            detail={"entries": info.entries},
        )
    return info


def load_index(connection: Connection, list_id: int) -> NameIndex:
    """The list's index as arrays: read once per process and version."""
    rows = connection.execute(
        select(IndexPart)
        .where(IndexPart.list_id == list_id)
        .order_by(IndexPart.kind, IndexPart.part)
    ).all()
    names_row = next(r for r in rows if r.kind == "names")
    lines = names_row.text.split("\n") if names_row.text else []
    parts = [
        Postings(
            np.frombuffer(r.hashes, np.uint64),
            np.frombuffer(r.offsets, np.int64),
            np.frombuffer(r.postings, np.int32),
        )
        for r in rows
        if r.kind == "keys"
    ]
    return NameIndex(
        names=[line[2:] for line in lines],
        schemas=["Person" if line[:1] == "P" else "Organization" for line in lines],
        owner=np.frombuffer(names_row.postings, np.int32),
        keys=join_postings(parts),
    )


def load_entries(
    connection: Connection, list_id: int, ordinals: Sequence[int]
) -> dict[int, Listed]:
    if not ordinals:
        return {}
    stmt = select(WatchEntry.ordinal, WatchEntry.external_id, WatchEntry.schema, WatchEntry.data)
    stmt = stmt.where(WatchEntry.list_id == list_id, WatchEntry.ordinal.in_(list(ordinals)))
    return {
        r.ordinal: Listed.from_row(r.external_id, r.schema, r.data)
        for r in connection.execute(stmt)
    }
