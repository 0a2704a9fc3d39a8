"""Fast reads and writes of id sets for incremental runs, through the driver.

A region can hold a hundred thousand reports: binding them as one JSON array
(SQLite's ``json_each``) or one array parameter (PostgreSQL's ``= ANY``) and
reading integer rows straight into numpy is several times faster than chunked
``IN`` lists through the ORM.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
from sqlalchemy import Connection

from fraudlink.link.networks.rule import IntArray


def id_filter(connection: Connection, column: str, ids: Sequence[int]) -> tuple[str, object]:
    """A ``WHERE`` condition on ``column`` being one of ``ids``, and its one parameter."""
    values = [int(i) for i in ids]
    if connection.dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(values)
    return f"{column} = ANY(%s)", values


def int_rows(connection: Connection, sql: str, param: object, width: int) -> np.ndarray:
    """Integer rows of a one-parameter query as an ``(n, width)`` array."""
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, (param,))
        parts = [np.empty((0, width), np.int64)]
        while batch := cursor.fetchmany(200_000):
            parts.append(np.array(batch, dtype=np.int64).reshape(-1, width))
    finally:
        cursor.close()
    return np.concatenate(parts)


def mention_pairs(connection: Connection, reports: Sequence[int]) -> np.ndarray:
    """Unique ``(report, identifier)`` rows of ``reports``, valid identifiers only."""
    where, param = id_filter(connection, "ri.report_id", reports)
    sql = (
        "SELECT ri.report_id, ri.identifier_id FROM report_identifier ri "
        f"JOIN identifier i ON i.id = ri.identifier_id WHERE {where} AND i.valid"
    )
    pairs = int_rows(connection, sql, param, 2)
    if not len(pairs):
        return pairs
    width = int(pairs[:, 1].max()) + 1
    key = pairs[:, 0] * width + pairs[:, 1]
    key.sort()
    keep = np.ones(len(key), bool)
    keep[1:] = key[1:] != key[:-1]
    key = key[keep]
    return np.stack([key // width, key % width], axis=1)


def members(connection: Connection, networks: Sequence[int]) -> np.ndarray:
    """``(report, network)`` rows of every report in ``networks``."""
    where, param = id_filter(connection, "network_id", networks)
    return int_rows(
        connection, f"SELECT report_id, network_id FROM link_report WHERE {where}", param, 2
    )


def networks_naming(connection: Connection, identifiers: Sequence[int]) -> set[int]:
    """The networks of every report that names one of ``identifiers``."""
    where, param = id_filter(connection, "ri.identifier_id", identifiers)
    sql = (
        "SELECT DISTINCT lr.network_id FROM report_identifier ri "
        f"JOIN link_report lr ON lr.report_id = ri.report_id WHERE {where}"
    )
    return set(int_rows(connection, sql, param, 1)[:, 0].tolist())


def set_networks(connection: Connection, reports: IntArray, networks: IntArray) -> None:
    """Move existing ``reports`` to ``networks`` (one statement per distinct target)."""
    targets: dict[int, list[int]] = {}
    for report, network in zip(reports.tolist(), networks.tolist(), strict=True):
        targets.setdefault(network, []).append(report)
    for network, moved in targets.items():
        where, param = id_filter(connection, "report_id", moved)
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        sql = f"UPDATE link_report SET network_id = {mark} WHERE {where}"
        connection.exec_driver_sql(sql, (network, param))


def hub_groups(connection: Connection, hubs: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    """For each of ``hubs``, ``(a report in the group, count)`` of the groups it was judged on."""
    where, param = id_filter(connection, "identifier_id", hubs)
    sql = f"SELECT identifier_id, report_id, count FROM link_hub_group WHERE {where}"
    found: dict[int, list[tuple[int, int]]] = {}
    for hub, report, count in int_rows(connection, sql, param, 3).tolist():
        found.setdefault(hub, []).append((report, count))
    return found
