"""Reading the report–identifier graph out of the database and writing networks back.

The graph is read as two integer columns and deduplicated in numpy rather than
with SQL ``DISTINCT``: on a million reports that is several times faster on
SQLite and the same code serves PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, delete, insert, select

from fraudlink.link.networks.allowlist import Allowed, AllowlistMatcher
from fraudlink.link.networks.graph import IntArray
from fraudlink.link.networks.tables import AllowlistEntry, LinkIdentifier, LinkReport
from fraudlink.store.schema import Identifier, Report, ReportIdentifier

CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class Graph:
    """Mentions as index arrays: ``report_ids[rep[k]]`` names ``ident[k]`` (an identifier id)."""

    report_ids: IntArray
    rep: IntArray
    ident: IntArray


def _pairs(rows: Sequence[tuple[int, int]] | Sequence[Sequence[int]]) -> np.ndarray:
    return np.asarray(rows, dtype=np.int64).reshape(-1, 2)


def invalid_identifiers(connection: Connection) -> IntArray:
    rows = connection.execute(select(Identifier.id).where(Identifier.valid.is_(False)))
    return np.asarray(rows.scalars().all(), dtype=np.int64)


def build_graph(report_ids: IntArray, pairs: np.ndarray, invalid: IntArray) -> Graph:
    """Index arrays over ``report_ids`` (sorted), without invalid identifiers or duplicates."""
    pairs = pairs[~np.isin(pairs[:, 1], invalid)] if len(invalid) else pairs
    pairs = pairs[np.isin(pairs[:, 0], report_ids)]
    pairs = np.unique(pairs, axis=0) if len(pairs) else pairs
    rep = np.searchsorted(report_ids, pairs[:, 0]).astype(np.int64)
    return Graph(report_ids, rep, pairs[:, 1].astype(np.int64))


def read_graph(connection: Connection) -> Graph:
    """Every report and every valid mention."""
    ids = connection.execute(select(Report.id).order_by(Report.id)).scalars().all()
    report_ids = np.asarray(ids, dtype=np.int64)
    rows = connection.execute(select(ReportIdentifier.report_id, ReportIdentifier.identifier_id))
    return build_graph(report_ids, _pairs(rows.all()), invalid_identifiers(connection))


def allowlisted_identifiers(connection: Connection) -> list[int]:
    """Ids of stored identifiers the allow-list covers (exactly, or as a platform's page)."""
    allowed = [
        Allowed(k, v)
        for k, v in connection.execute(select(AllowlistEntry.kind, AllowlistEntry.value))
    ]
    matcher = AllowlistMatcher(allowed)
    kinds = sorted({a.kind for a in allowed} | {"url"})
    rows = connection.execute(
        select(Identifier.id, Identifier.kind, Identifier.value).where(Identifier.kind.in_(kinds))
    )
    return [row.id for row in rows if matcher(row.kind, row.value)]


def network_ids(report_ids: IntArray, labels: IntArray) -> IntArray:
    """Each report's network id: the smallest report id in its network."""
    smallest = np.full(len(labels), np.iinfo(np.int64).max, np.int64)
    np.minimum.at(smallest, labels, report_ids)
    return smallest[labels]


def replace_networks(connection: Connection, report_ids: IntArray, networks: IntArray) -> None:
    connection.execute(delete(LinkReport))
    write_networks(connection, report_ids.tolist(), networks.tolist())


def write_networks(connection: Connection, report_ids: list[int], networks: list[int]) -> None:
    for start in range(0, len(report_ids), CHUNK):
        rows = [
            {"report_id": r, "network_id": n}
            for r, n in zip(
                report_ids[start : start + CHUNK], networks[start : start + CHUNK], strict=True
            )
        ]
        connection.execute(insert(LinkReport), rows)


def replace_verdicts(connection: Connection, rows: Iterable[dict[str, object]]) -> None:
    connection.execute(delete(LinkIdentifier))
    batch = list(rows)
    for start in range(0, len(batch), CHUNK):
        connection.execute(insert(LinkIdentifier), batch[start : start + CHUNK])
