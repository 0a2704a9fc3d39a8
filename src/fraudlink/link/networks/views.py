"""Reading networks back: the list, one network in detail, and the largest ones for the demo."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select

from fraudlink.errors import NotFound
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Entity, Identifier, MoneyRecord, Report, ReportIdentifier

UNKNOWN_COUNTRY = "unknown"


@dataclass(slots=True)
class NetworkRow:
    """A network in the list: its size, most central identifiers, countries and losses."""

    id: int
    size: int = 0
    central: list[tuple[str, int]] = field(default_factory=list)  # (kind:value, reports)
    countries: Counter[str] = field(default_factory=Counter)
    losses: dict[str, Decimal] = field(default_factory=dict)
    first: dt.datetime | None = None
    last: dt.datetime | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "size": self.size,
            "identifiers": [{"identifier": i, "reports": n} for i, n in self.central],
            "countries": dict(self.countries.most_common()),
            "losses": {c: str(a) for c, a in self.losses.items()},
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
        }  # fmt: skip


@dataclass(slots=True)
class NetworkDetail:
    """One network: what links it, who appears in it, where, in which languages, how much lost."""

    id: int
    reports: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str, int, str]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    losses: dict[str, Decimal] = field(default_factory=dict)
    timeline: list[tuple[dt.datetime, str, str | None]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.reports)

    def histogram(self) -> list[tuple[str, int]]:
        """Reports per month, every month from the first to the last (empty months too)."""
        months = Counter(f"{at:%Y-%m}" for at, _, _ in self.timeline)
        if not months:
            return []
        first, last = min(months), max(months)
        year, month = int(first[:4]), int(first[5:])
        shown: list[tuple[str, int]] = []
        while f"{year:04d}-{month:02d}" <= last:
            key = f"{year:04d}-{month:02d}"
            shown.append((key, months.get(key, 0)))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return shown

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "size": self.size, "reports": self.reports,
            "identifiers": [{"kind": k, "value": v, "reports": n, "status": s}
                            for k, v, n, s in self.identifiers],
            "persons": self.persons, "countries": dict(self.countries),
            "languages": dict(self.languages),
            "losses": {c: str(a) for c, a in self.losses.items()},
            "timeline": [{"at": at.isoformat(), "report": r, "country": c}
                         for at, r, c in self.timeline],
        }  # fmt: skip


#: A condition on ``Report`` that a reader's scope imposes (``fraudlink.access.scope.visible``);
#: None reads everything, as the single-analyst CLI does.
Scope = ColumnElement[bool] | None


def _label(report: Report) -> str:
    return report.external_id


def _linking_identifiers(
    connection: Connection, network: int | None, scope: Scope = None
) -> Iterator[tuple[int, str, str, str]]:
    """(network, kind, value, status) of valid identifiers named in networks, one row per report.

    A report may name an identifier more than once (a field and its narrative, or two
    spellings); it counts once, as in the figures the link stage stores.
    """
    stmt = (
        select(LinkReport.network_id, Identifier.kind, Identifier.value,
               func.coalesce(LinkIdentifier.status, "linked"), LinkReport.report_id)
        .distinct()
        .join(ReportIdentifier, ReportIdentifier.report_id == LinkReport.report_id)
        .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
        .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
        .where(Identifier.valid.is_(True))
    )  # fmt: skip
    if scope is not None:
        stmt = stmt.join(Report, Report.id == LinkReport.report_id).where(scope)
    if network is not None:
        stmt = stmt.where(LinkReport.network_id == network)
    for row in connection.execute(stmt):
        yield row[0], row[1], row[2], row[3]


def list_networks(
    database: Database,
    min_size: int = 2,
    limit: int | None = None,
    central: int = 4,
    scope: Scope = None,
) -> list[NetworkRow]:
    """Networks of at least ``min_size`` reports (in ``scope``), largest first, up to ``limit``.

    Each names its ``central`` identifiers: those that link the most of its reports.
    """
    with database.engine.connect() as connection:
        sizes = (
            select(LinkReport.network_id, func.count().label("size"))
            .group_by(LinkReport.network_id)
            .having(func.count() >= min_size)
            .order_by(func.count().desc(), LinkReport.network_id)
        )
        if scope is not None:
            sizes = sizes.join(Report, Report.id == LinkReport.report_id).where(scope)
        if limit is not None:
            sizes = sizes.limit(limit)
        rows = {n: NetworkRow(n, size) for n, size in connection.execute(sizes)}
        _fill_rows(connection, rows, central, scope)
    return list(rows.values())


def _fill_rows(
    connection: Connection, rows: dict[int, NetworkRow], central: int, scope: Scope = None
) -> None:
    stmt = select(LinkReport.network_id, Report.id, Report.country, Report.reported_at).join(
        Report, Report.id == LinkReport.report_id
    )
    if scope is not None:
        stmt = stmt.where(scope)
    if len(rows) <= 500:
        stmt = stmt.where(LinkReport.network_id.in_(list(rows)))
    report_network: dict[int, int] = {}
    for network, report_id, country, at in connection.execute(stmt):
        row = rows.get(network)
        if row is None:
            continue
        report_network[report_id] = network
        row.countries[country or UNKNOWN_COUNTRY] += 1
        row.first = at if row.first is None or at < row.first else row.first
        row.last = at if row.last is None or at > row.last else row.last
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for network, kind, value, status in _linking_identifiers(connection, None, scope):
        if network in rows and status == "linked":
            counts[network][f"{kind}:{value}"] += 1
    for network, counter in counts.items():
        rows[network].central = counter.most_common(central)
    money = select(MoneyRecord.report_id, MoneyRecord.currency, MoneyRecord.amount).where(
        MoneyRecord.kind == "loss"
    )
    losses: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for loss_report, currency, amount in connection.execute(money):
        if loss_report in report_network:
            losses[report_network[loss_report]][currency] += Decimal(amount)
    for network, totals in losses.items():
        rows[network].losses = dict(sorted(totals.items()))


def network_of(connection: Connection, report_id: int) -> int | None:
    stmt = select(LinkReport.network_id).where(LinkReport.report_id == report_id)
    return connection.execute(stmt).scalar_one_or_none()


def network_detail(database: Database, network: int, scope: Scope = None) -> NetworkDetail:
    """One network, as much of it as ``scope`` shows; a network with nothing in scope is absent."""
    with database.engine.connect() as connection:
        detail = NetworkDetail(network)
        _fill_reports(connection, detail, scope)
        if not detail.reports:
            raise NotFound(f"There is no network {network}; run `fraudlink networks` to list them.")
        _fill_identifiers(connection, detail, scope)
        _fill_persons_and_losses(connection, detail, scope)
    return detail


def _fill_reports(connection: Connection, detail: NetworkDetail, scope: Scope) -> None:
    stmt = (
        select(Report.external_id, Report.country, Report.language, Report.reported_at)
        .join(LinkReport, LinkReport.report_id == Report.id)
        .where(LinkReport.network_id == detail.id)
        .order_by(Report.reported_at)
    )
    if scope is not None:
        stmt = stmt.where(scope)
    for external, country, language, at in connection.execute(stmt):
        detail.reports.append(external)
        detail.countries[country or UNKNOWN_COUNTRY] += 1
        detail.languages[language or "und"] += 1
        detail.timeline.append((at, external, country))


def _fill_identifiers(connection: Connection, detail: NetworkDetail, scope: Scope) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    for _, kind, value, status in _linking_identifiers(connection, detail.id, scope):
        counts[(kind, value, status)] += 1
    detail.identifiers = [(k, v, n, s) for (k, v, s), n in counts.most_common()]


def resolve_names(names: Iterable[str]) -> list[list[str]]:
    """Names grouped when ``compare`` says they are one person (陈志 = Chen Zhi = CHEN Zhi)."""
    from fraudlink.link.names import compare  # pinyin tables: loaded on the first names read

    groups: list[list[str]] = []
    for name in sorted(set(names)):
        group = next((g for g in groups if compare(g[0], name).match), None)
        if group is None:
            groups.append([name])
        else:
            group.append(name)
    return groups


def scoped_reports(network: int, scope: Scope = None) -> Select[Any]:
    """The ids of ``network``'s reports that ``scope`` shows, as a subquery to filter by."""
    reports = select(LinkReport.report_id).where(LinkReport.network_id == network)
    if scope is not None:
        reports = reports.join(Report, Report.id == LinkReport.report_id).where(scope)
    return reports


def _fill_persons_and_losses(connection: Connection, detail: NetworkDetail, scope: Scope) -> None:
    reports = scoped_reports(detail.id, scope)
    names = select(Entity.name).where(Entity.source_report_id.in_(reports)).distinct()
    detail.persons = [
        " = ".join(group) for group in resolve_names(connection.execute(names).scalars())
    ]
    money = select(MoneyRecord.currency, MoneyRecord.amount).where(
        MoneyRecord.report_id.in_(reports), MoneyRecord.kind == "loss"
    )
    losses: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in connection.execute(money):
        losses[currency] += Decimal(amount)
    detail.losses = dict(sorted(losses.items()))
