"""Linking only what is new: reports join or merge the networks their identifiers reach.

Existing networks enter as single nodes carrying their size, so the hub rule
sees them as the groups they are; nothing outside the networks the new
reports reach is read or written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, update

from fraudlink.link.networks.graph import MIN_HUB_DEGREE, UnionFind, judge
from fraudlink.link.networks.store import CHUNK, allowlisted_identifiers
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store.schema import Identifier, Report, ReportIdentifier

Counts = tuple[int, int, int, int, int]


def _chunks(values: Sequence[int]) -> list[list[int]]:
    return [list(values[i : i + CHUNK // 10]) for i in range(0, len(values), CHUNK // 10)]


def _new_reports(connection: Connection) -> list[int]:
    stmt = (
        select(Report.id)
        .outerjoin(LinkReport, LinkReport.report_id == Report.id)
        .where(LinkReport.report_id.is_(None))
        .order_by(Report.id)
    )
    return list(connection.execute(stmt).scalars())


def _mentions(connection: Connection, column: object, values: list[int]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for chunk in _chunks(values):
        stmt = (
            select(ReportIdentifier.report_id, ReportIdentifier.identifier_id)
            .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
            .where(Identifier.valid.is_(True), column.in_(chunk))  # type: ignore[attr-defined]
        )
        found.update((r, i) for r, i in connection.execute(stmt))
    return found


def _current(connection: Connection, reports: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for chunk in _chunks(reports):
        stmt = select(LinkReport.report_id, LinkReport.network_id).where(
            LinkReport.report_id.in_(chunk)
        )
        found.update((r, n) for r, n in connection.execute(stmt))
    return found


def _sizes(connection: Connection, networks: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for chunk in _chunks(networks):
        stmt = (
            select(LinkReport.network_id, func.count())
            .where(LinkReport.network_id.in_(chunk))
            .group_by(LinkReport.network_id)
        )
        found.update((n, c) for n, c in connection.execute(stmt))
    return found


def _statuses(connection: Connection, identifiers: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(identifiers):
        stmt = select(LinkIdentifier.identifier_id, LinkIdentifier.status).where(
            LinkIdentifier.identifier_id.in_(chunk)
        )
        found.update((i, s) for i, s in connection.execute(stmt))
    return found


class _Nodes:
    """Existing networks (one node each, with their size) and new reports, in one union-find."""

    def __init__(self, networks: dict[int, int], new: list[int], sizes: dict[int, int]) -> None:
        self.keys = sorted(set(networks.values())) + new
        self.index = {key: n for n, key in enumerate(self.keys)}
        self.network_of = networks
        self.sets = UnionFind(np.arange(len(self.keys), dtype=np.int64))
        for n, key in enumerate(self.keys):
            self.sets.size[n] = sizes.get(key, 1)

    def node(self, report: int) -> int:
        return self.index[self.network_of.get(report, report)]

    def linked_before(self, reports: list[int]) -> bool:
        """Whether these reports already include linked ones (their groups hold this identifier)."""
        return sum(report in self.network_of for report in reports) > 1

    def group_counts(self, reports: list[int]) -> list[int]:
        counts: dict[int, int] = defaultdict(int)
        for report in reports:
            counts[self.sets.find(self.node(report))] += 1
        return [c for root, c in counts.items() if self.sets.size[root] > c or c > 1]


def extend(connection: Connection) -> Counts | None:
    """Link the reports not linked yet; ``None`` asks for a full run (a new hub appeared)."""
    new = _new_reports(connection)
    if not new:
        return _counts(connection, 0)
    allowlisted = set(allowlisted_identifiers(connection))
    touched = sorted(
        {i for _, i in _mentions(connection, ReportIdentifier.report_id, new)} - allowlisted
    )
    by_identifier: dict[int, list[int]] = defaultdict(list)
    for report, identifier in sorted(
        _mentions(connection, ReportIdentifier.identifier_id, touched)
    ):
        by_identifier[identifier].append(report)
    known = _current(connection, sorted({r for rs in by_identifier.values() for r in rs}))
    nodes = _Nodes(known, new, _sizes(connection, sorted(set(known.values()))))
    status = _statuses(connection, touched)
    verdicts = _judge(nodes, by_identifier, status)
    if verdicts is None:
        return None
    _write(connection, nodes, verdicts)
    return _counts(connection, len(new))


def _judge(
    nodes: _Nodes, by_identifier: dict[int, list[int]], status: dict[int, str]
) -> list[dict[str, object]] | None:
    rows: list[dict[str, object]] = []
    for identifier, reports in sorted(by_identifier.items(), key=lambda kv: (len(kv[1]), kv[0])):
        if status.get(identifier) == "hub":
            continue  # a hub stays a hub, with the reason it was judged on
        if len(reports) >= MIN_HUB_DEGREE:
            counts = nodes.group_counts(reports)
            verdict = judge(len(reports), counts)
            if verdict.hub or (len(counts) > 1 and nodes.linked_before(reports)):
                return None
            rows.append(_row(identifier, len(reports), "linked", verdict.reason()))
        first = nodes.node(reports[0])
        for report in reports[1:]:
            nodes.sets.union(first, nodes.node(report))
    return rows


def _row(identifier: int, degree: int, status: str, reason: str) -> dict[str, object]:
    return {"identifier_id": identifier, "degree": degree, "status": status, "reason": reason}


def _write(connection: Connection, nodes: _Nodes, verdicts: list[dict[str, object]]) -> None:
    members: dict[int, list[int]] = defaultdict(list)
    for n, key in enumerate(nodes.keys):
        members[nodes.sets.find(n)].append(key)
    existing = set(nodes.network_of.values())
    new_rows = []
    for keys in members.values():
        target = min(keys)
        merged = [k for k in keys if k in existing and k != target]
        for chunk in _chunks(merged):
            connection.execute(
                update(LinkReport).where(LinkReport.network_id.in_(chunk)).values(network_id=target)
            )
        new_rows += [{"report_id": k, "network_id": target} for k in keys if k not in existing]
    if new_rows:
        connection.execute(insert(LinkReport), new_rows)
    ids = [int(str(v["identifier_id"])) for v in verdicts]
    for chunk in _chunks(ids):
        connection.execute(delete(LinkIdentifier).where(LinkIdentifier.identifier_id.in_(chunk)))
    if verdicts:
        connection.execute(insert(LinkIdentifier), verdicts)


def _counts(connection: Connection, new: int) -> Counts:
    reports = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
    sizes = select(LinkReport.network_id).group_by(LinkReport.network_id).having(func.count() > 1)
    networks = connection.execute(select(func.count()).select_from(sizes.subquery())).scalar_one()
    hubs = _status_count(connection, "hub")
    return reports, new, networks, hubs, _status_count(connection, "allowlisted")


def _status_count(connection: Connection, status: str) -> int:
    stmt = select(func.count()).select_from(LinkIdentifier).where(LinkIdentifier.status == status)
    return int(connection.execute(stmt).scalar_one())
