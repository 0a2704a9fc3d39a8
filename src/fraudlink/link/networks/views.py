"""Reading networks back: the list, one network in detail, and the largest ones for the demo."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, Connection, func, select

from fraudlink.errors import NotFound
from fraudlink.link.names import compare
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Entity, Identifier, MoneyRecord, Report, ReportIdentifier


@dataclass(frozen=True, slots=True)
class NetworkRow:
    id: int
    reports: list[str]
    identifiers: list[str]

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "reports": self.reports, "identifiers": self.identifiers,
                "size": len(self.reports)}  # fmt: skip


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
    """(network, kind, value, status) of valid identifiers named in networks, one row per report."""
    stmt = (
        select(LinkReport.network_id, Identifier.kind, Identifier.value,
               func.coalesce(LinkIdentifier.status, "linked"))
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
    database: Database, min_size: int = 2, scope: Scope = None
) -> Iterator[NetworkRow]:
    """Networks of at least ``min_size`` reports (in scope), largest first, with their links."""
    with database.engine.connect() as connection:
        members: dict[int, list[str]] = defaultdict(list)
        stmt = select(LinkReport.network_id, Report.external_id).join(
            Report, Report.id == LinkReport.report_id
        )
        if scope is not None:
            stmt = stmt.where(scope)
        for network, external in connection.execute(stmt):
            members[network].append(external)
        kept = {n: sorted(r) for n, r in members.items() if len(r) >= min_size}
        idents: dict[int, set[str]] = defaultdict(set)
        for network, kind, value, status in _linking_identifiers(connection, None, scope):
            if network in kept and status == "linked":
                idents[network].add(f"{kind}:{value}")
    for network in sorted(kept, key=lambda n: (-len(kept[n]), n)):
        yield NetworkRow(network, kept[network], sorted(idents[network]))


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
        detail.countries[country or "??"] += 1
        detail.languages[language or "und"] += 1
        detail.timeline.append((at, external, country))


def _fill_identifiers(connection: Connection, detail: NetworkDetail, scope: Scope) -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    for _, kind, value, status in _linking_identifiers(connection, detail.id, scope):
        counts[(kind, value, status)] += 1
    detail.identifiers = [(k, v, n, s) for (k, v, s), n in counts.most_common()]


def resolve_names(names: Iterable[str]) -> list[list[str]]:
    """Names grouped when ``compare`` says they are one person (陈志 = Chen Zhi = CHEN Zhi)."""
    groups: list[list[str]] = []
    for name in sorted(set(names)):
        group = next((g for g in groups if compare(g[0], name).match), None)
        if group is None:
            groups.append([name])
        else:
            group.append(name)
    return groups


def _fill_persons_and_losses(connection: Connection, detail: NetworkDetail, scope: Scope) -> None:
    reports = select(LinkReport.report_id).where(LinkReport.network_id == detail.id)
    if scope is not None:
        reports = reports.join(Report, Report.id == LinkReport.report_id).where(scope)
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
