"""Reading the report–identifier graph out of the database and writing networks back.

The graph is read as two integer columns and deduplicated in numpy rather than
with SQL ``DISTINCT``: on a million reports that is several times faster on
SQLite and the same code serves PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, update

from fraudlink.link.networks.allowlist import Allowed, AllowlistMatcher
from fraudlink.link.networks.rule import HubVerdict, IntArray
from fraudlink.link.networks.tables import AllowlistEntry, LinkIdentifier, LinkReport
from fraudlink.store.schema import Identifier

CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class Graph:
    """Mentions as index arrays: ``report_ids[rep[k]]`` names ``ident[k]`` (an identifier id)."""

    report_ids: IntArray
    rep: IntArray
    ident: IntArray


def _int_columns(connection: Connection, sql: str, width: int) -> np.ndarray:
    """Integer rows straight from the driver's cursor: the ORM's row objects cost 10x more."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        parts = [np.empty((0, width), np.int64)]
        while batch := cursor.fetchmany(CHUNK * 4):
            parts.append(np.array(batch, dtype=np.int64).reshape(-1, width))
    finally:
        cursor.close()
    return np.concatenate(parts)


def invalid_identifiers(connection: Connection) -> IntArray:
    rows = connection.execute(select(Identifier.id).where(Identifier.valid.is_(False)))
    return np.asarray(rows.scalars().all(), dtype=np.int64)


def build_graph(report_ids: IntArray, pairs: np.ndarray, invalid: IntArray) -> Graph:
    """Index arrays over ``report_ids`` (sorted), without invalid identifiers or duplicates.

    Report ids map to indexes through a dense lookup table and duplicates go
    by sorting: numpy's hash-based ``unique`` and ``searchsorted`` were the
    slowest steps of a million-report run.
    """
    if not len(pairs):
        return Graph(report_ids, np.zeros(0, np.int64), np.zeros(0, np.int64))
    width = int(pairs[:, 1].max()) + 1
    if len(invalid):
        bad = np.zeros(max(width, int(invalid.max()) + 1), bool)
        bad[invalid] = True
        pairs = pairs[~bad[pairs[:, 1]]]
    index = np.full(int(report_ids.max(initial=0)) + 1, -1, np.int64)
    index[report_ids] = np.arange(len(report_ids), dtype=np.int64)
    key = index[pairs[:, 0]] * width + pairs[:, 1]
    key.sort()
    keep = np.ones(len(key), bool)
    keep[1:] = key[1:] != key[:-1]
    key = key[keep]
    return Graph(report_ids, key // width, key % width)


def _report_ids_sql(connection: Connection) -> str:
    """On SQLite, read report ids from a small index instead of the wide report table."""
    if connection.dialect.name == "sqlite":
        return "SELECT id FROM report INDEXED BY ix_report_reported_at"
    return "SELECT id FROM report"


def read_graph(connection: Connection) -> Graph:
    """Every report and every valid mention."""
    report_ids = np.sort(_int_columns(connection, _report_ids_sql(connection), 1)[:, 0])
    pairs = _int_columns(connection, "SELECT report_id, identifier_id FROM report_identifier", 2)
    gone = withdrawn_reports(connection)
    if len(gone):  # reports only retracted packages brought belong to no network
        report_ids = report_ids[~np.isin(report_ids, gone)]
        pairs = pairs[~np.isin(pairs[:, 0], gone)]
    return build_graph(report_ids, pairs, invalid_identifiers(connection))


def withdrawn_reports(connection: Connection) -> IntArray:
    """Ids of the reports that only retracted packages brought here, sorted."""
    from fraudlink.access.scope import withdrawn

    found = connection.execute(select(withdrawn("report").subquery().c[0])).scalars()
    return np.sort(np.fromiter((int(i) for i in found), np.int64))


def shared_identifier_rows(connection: Connection, degree: IntArray) -> list[tuple[int, str, str]]:
    """``(id, kind, value)`` of every identifier at least two reports name, straight from the
    driver; the others are dropped batch by batch (most identifiers are named once)."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    shared = degree >= 2
    found: list[tuple[int, str, str]] = []
    try:
        cursor.execute("SELECT id, kind, value FROM identifier")
        while batch := cursor.fetchmany(CHUNK * 4):
            ids = np.fromiter((row[0] for row in batch), np.int64, len(batch))
            keep = np.zeros(len(batch), bool)
            inside = ids < len(shared)
            keep[inside] = shared[ids[inside]]
            found.extend(batch[k] for k in np.flatnonzero(keep).tolist())
    finally:
        cursor.close()
    return found


def allowlist_matcher(connection: Connection) -> AllowlistMatcher:
    allowed = connection.execute(select(AllowlistEntry.kind, AllowlistEntry.value)).all()
    return AllowlistMatcher([Allowed(k, v) for k, v in allowed])


def allowlisted_identifiers(
    connection: Connection, identifiers: Iterable[tuple[int, str, str]] | None = None
) -> list[int]:
    """Ids of stored identifiers the allow-list covers (exactly, or as a platform's page).

    Given every ``identifiers`` row already read, they are matched in Python;
    otherwise exact entries are a join and only urls short enough to be a home
    page or a ``t.me/handle`` link (at most three slashes) are read.
    """
    matcher = allowlist_matcher(connection)
    if identifiers is not None:
        return sorted(i for i, k, v in identifiers if matcher(k, v))
    exact = select(Identifier.id).join(
        AllowlistEntry,
        (AllowlistEntry.kind == Identifier.kind) & (AllowlistEntry.value == Identifier.value),
    )
    found = set(connection.execute(exact).scalars())
    slashes = func.length(Identifier.value) - func.length(func.replace(Identifier.value, "/", ""))
    urls = select(Identifier.id, Identifier.value).where(Identifier.kind == "url", slashes <= 3)
    found.update(i for i, value in connection.execute(urls) if matcher("url", value))
    return sorted(found)


def network_ids(report_ids: IntArray, labels: IntArray) -> IntArray:
    """Each report's network id: the smallest report id in its network."""
    smallest = np.full(len(labels), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(smallest, labels, report_ids)
    return smallest[labels]


def replace_networks(connection: Connection, report_ids: IntArray, networks: IntArray) -> None:
    connection.execute(delete(LinkReport))
    if connection.dialect.name == "sqlite" and len(report_ids):
        _write_networks_sqlite(connection, report_ids, networks)
    elif connection.dialect.name == "postgresql":
        _copy_networks(connection, report_ids, networks)
    else:
        write_networks(connection, report_ids.tolist(), networks.tolist())


def _write_networks_sqlite(
    connection: Connection, report_ids: IntArray, networks: IntArray
) -> None:
    """Each pair packed into one integer, the lot passed as one JSON array: twice as fast
    as ``executemany``, since SQLite unpacks the rows in C."""
    if int(max(report_ids.max(), networks.max())) >= 1 << 31 or int(report_ids.min()) < 0:
        write_networks(connection, report_ids.tolist(), networks.tolist())
        return
    packed = (report_ids << 32) | networks
    sql = (
        "INSERT INTO link_report (report_id, network_id) "
        "SELECT value >> 32, value & 4294967295 FROM json_each(?)"
    )
    for start in range(0, len(packed), CHUNK * 10):
        text = json.dumps(packed[start : start + CHUNK * 10].tolist())
        connection.exec_driver_sql(sql, (text,))


def _copy_networks(connection: Connection, report_ids: IntArray, networks: IntArray) -> None:
    """PostgreSQL's binary ``COPY``, its rows laid out by numpy: no per-row Python (text
    through ``np.savetxt`` cost 1.3 CPU-s a million rows, 13 s of a 10M-report run)."""
    raw = connection.connection.dbapi_connection
    with raw.cursor() as cursor:  # type: ignore[union-attr]
        sql = "COPY link_report (report_id, network_id) FROM STDIN (FORMAT binary)"
        with cursor.copy(sql) as copy:
            copy.write(COPY_HEADER)
            for start in range(0, len(report_ids), CHUNK * 20):
                part = slice(start, start + CHUNK * 20)
                copy.write(binary_rows(report_ids[part], networks[part]))
            copy.write(COPY_TRAILER)


#: PostgreSQL's binary COPY: signature, flags and header-extension length; -1 fields ends it
COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
COPY_TRAILER = b"\xff\xff"


def binary_rows(*columns: IntArray) -> bytes:
    """Rows of ``bigint`` columns in COPY's binary layout: a field count, then each field's
    length (8) and big-endian value."""
    fields = [("fields", ">i2")]
    for k in range(len(columns)):
        fields += [(f"length{k}", ">i4"), (f"value{k}", ">i8")]
    rows = np.empty(len(columns[0]), np.dtype(fields))
    rows["fields"] = len(columns)
    for k, column in enumerate(columns):
        rows[f"length{k}"] = 8
        rows[f"value{k}"] = column
    return rows.tobytes()


def write_networks(connection: Connection, report_ids: list[int], networks: list[int]) -> None:
    """Bulk insert through the driver: a million rows take seconds, not a minute."""
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO link_report (report_id, network_id) VALUES ({mark}, {mark})"
    rows = list(zip(report_ids, networks, strict=True))
    for start in range(0, len(rows), CHUNK):
        connection.exec_driver_sql(sql, rows[start : start + CHUNK])


def replace_verdicts(connection: Connection, rows: Iterable[dict[str, object]]) -> None:
    connection.execute(delete(LinkIdentifier))
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (
        "INSERT INTO link_identifier (identifier_id, degree, status, reason) "
        f"VALUES ({mark}, {mark}, {mark}, {mark})"
    )
    batch = [(r["identifier_id"], r["degree"], r["status"], r["reason"]) for r in rows]
    for start in range(0, len(batch), CHUNK):
        connection.exec_driver_sql(sql, batch[start : start + CHUNK])


def replace_verdict_rows(
    connection: Connection, rows: list[dict[str, object]], degrees: list[dict[str, object]]
) -> None:
    """Replace the verdicts of ``rows``' identifiers; ``degrees`` only move a degree."""
    ids = [int(str(r["identifier_id"])) for r in rows]
    for start in range(0, len(ids), 5_000):
        chunk = ids[start : start + 5_000]
        connection.execute(delete(LinkIdentifier).where(LinkIdentifier.identifier_id.in_(chunk)))
    if rows:
        connection.execute(insert(LinkIdentifier), rows)
    for row in degrees:
        connection.execute(
            update(LinkIdentifier)
            .where(LinkIdentifier.identifier_id == row["identifier_id"])
            .values(degree=row["degree"])
        )


def verdict_row(identifier: int, verdict: HubVerdict) -> dict[str, object]:
    status = "hub" if verdict.hub else "linked"
    return {"identifier_id": identifier, "degree": verdict.degree, "status": status,
            "reason": verdict.reason()}  # fmt: skip


def variant_row(identifier: int, degree: int, hotline: str) -> dict[str, object]:
    return {"identifier_id": identifier, "degree": degree, "status": "variant",
            "reason": f"hub: the same number as hub {hotline} "
                      "written for another country"}  # fmt: skip


def allowlisted_row(identifier: int, degree: int) -> dict[str, object]:
    return {"identifier_id": identifier, "degree": degree, "status": "allowlisted",
            "reason": "allow-listed: a platform or official channel, never evidence"}  # fmt: skip
