"""Key players: who and what a network turns around (the "masterminds" view).

Persons, accounts and other identifiers are ranked on the network's
report–identifier–person graph by betweenness centrality (what holds the
network together), the share of its victims they reach, the countries they
reach and the money paid to them. Person names written in different scripts
are merged with ``compare`` first, so ``陈志`` and ``Chen Zhi`` count once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import networkx as nx  # type: ignore[import-untyped]
from sqlalchemy import Connection, select

from fraudlink.link.names import compare
from fraudlink.link.networks.explain import network_mentions
from fraudlink.link.networks.ranks import graph_digest, store_centrality, stored_centrality
from fraudlink.link.networks.views import Scope, scoped_reports
from fraudlink.store import Database
from fraudlink.store.schema import Entity, MoneyRecord, Report, ReportRole

ACCOUNT_KINDS = frozenset({"bank_account", "iban", "crypto_wallet", "payment_card"})
SAMPLE = 300  #: betweenness is estimated from this many sources on larger networks
#: at most this many sources × edges: a 2,000-node network is ranked in seconds, not a minute
BUDGET = 50_000


@dataclass(slots=True)
class Player:
    kind: str  # person, account or identifier
    label: str
    score: float = 0.0
    centrality: float = 0.0
    reports: set[int] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    received: dict[str, Decimal] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "label": self.label, "score": round(self.score, 4),
                "centrality": round(self.centrality, 4), "victims": len(self.reports),
                "countries": sorted(self.countries), "roles": sorted(self.roles),
                "received": {c: str(a) for c, a in sorted(self.received.items())}}  # fmt: skip


def _persons(
    connection: Connection, network: int, scope: Scope = None, persons: Scope = None
) -> dict[str, Player]:
    """Persons and organisations of the network, names across scripts merged."""
    reports = scoped_reports(network, scope)
    stmt = (
        select(Entity.name, Entity.schema, Entity.source_report_id, ReportRole.role)
        .outerjoin(ReportRole, ReportRole.entity_id == Entity.id)
        .where(Entity.source_report_id.in_(reports))
    )
    if persons is not None:
        stmt = stmt.where(persons)
    players: dict[str, Player] = {}
    for name, schema, report, role in connection.execute(stmt):
        key = next((k for k in players if compare(k, name, schema).match), name)
        player = players.setdefault(key, Player("person", key))
        if report is not None:
            player.reports.add(report)
        if role:
            player.roles.add(role)
    return {f"person:{k}": p for k, p in players.items()}


def _report_facts(
    connection: Connection, network: int, scope: Scope = None
) -> tuple[dict[int, str], dict[int, list[tuple[str, Decimal]]]]:
    reports = scoped_reports(network, scope)
    countries = {
        r: c or "??"
        for r, c in connection.execute(
            select(Report.id, Report.country).where(Report.id.in_(reports))
        )
    }
    losses: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    money = select(MoneyRecord.report_id, MoneyRecord.currency, MoneyRecord.amount).where(
        MoneyRecord.report_id.in_(reports), MoneyRecord.kind == "loss"
    )
    for report, currency, amount in connection.execute(money):
        if report is not None:
            losses[report].append((currency, Decimal(amount)))
    return countries, losses


def key_players(
    database: Database,
    network: int,
    limit: int | None = 10,
    scope: Scope = None,
    persons: Scope = None,
    cached: bool = True,
    ranks: Connection | None = None,
) -> list[Player]:
    """The network's persons, accounts and identifiers, most central first.

    With a reader's ``scope`` only the reports in it (and what they name) count, and
    with ``persons`` (a condition on ``Entity``) only the persons it shows. The
    betweenness of the graph so built is read from ``link_player_rank`` when a
    read before built the same graph (``ranks``); ``cached=False`` always computes it.
    A reader already writing (the audit log) passes its connection as ``ranks``: on
    SQLite a second writer would wait for it.
    """
    with database.engine.connect() as connection:
        players = _persons(connection, network, scope, persons)
        for report, _, _, label, _, status in network_mentions(connection, network, scope):
            if status == "linked":
                kind = "account" if label.split(":", 1)[0] in ACCOUNT_KINDS else "identifier"
                players.setdefault(label, Player(kind, label)).reports.add(report)
        countries, losses = _report_facts(connection, network, scope)
    graph = _graph(players)
    if not cached:
        between = _between(graph)
    elif ranks is not None:
        between = _centrality(ranks, network, graph, list(players))
    else:
        with database.engine.begin() as connection:
            between = _centrality(connection, network, graph, list(players))
    _score(players, between, countries, losses)
    return sorted(players.values(), key=lambda p: (-p.score, p.label))[:limit]


def _graph(players: dict[str, Player]) -> nx.Graph[object]:
    """Players joined to the reports that name them."""
    graph: nx.Graph[object] = nx.Graph()
    for key, player in players.items():
        graph.add_edges_from((key, ("report", r)) for r in player.reports)
    return graph


def _between(graph: nx.Graph[object]) -> dict[object, float]:
    """Betweenness, estimated from a sample of sources on larger graphs (the dear part)."""
    if graph.number_of_nodes() <= 2:
        return {}
    sources = min(SAMPLE, max(32, BUDGET // max(graph.number_of_edges(), 1)))
    k = sources if graph.number_of_nodes() > sources else None
    between: dict[object, float] = nx.betweenness_centrality(graph, k=k, seed=7)
    return between


def _centrality(
    connection: Connection, network: int, graph: nx.Graph[object], keys: list[str]
) -> dict[object, float]:
    """The players' betweenness as stored for this very graph, else computed and stored."""
    if graph.number_of_nodes() <= 2:
        return {}
    digest = graph_digest(keys, list(graph.nodes), list(graph.edges))
    stored = stored_centrality(connection, network, digest)
    if stored is not None and len(stored) == len(keys):
        return dict(zip(keys, stored, strict=True))
    between = _between(graph)
    store_centrality(connection, network, digest, [between.get(key, 0.0) for key in keys])
    return between


def _score(
    players: dict[str, Player],
    between: dict[object, float],
    countries: dict[int, str],
    losses: dict[int, list[tuple[str, Decimal]]],
) -> None:
    top = max((between.get(key, 0.0) for key in players), default=0.0) or 1.0
    size, reach = max(len(countries), 1), max(len(set(countries.values())), 1)
    for key, player in players.items():
        player.countries = {countries[r] for r in player.reports if r in countries}
        received: dict[str, Decimal] = defaultdict(Decimal)
        for report in player.reports if player.kind == "account" else ():
            for currency, amount in losses.get(report, ()):
                received[currency] += amount
        player.received = dict(received)
        player.centrality = between.get(key, 0.0) / top
        paid = 1.0 if player.received else 0.0
        player.score = (0.45 * player.centrality + 0.3 * len(player.reports) / size
                        + 0.15 * len(player.countries) / reach + 0.1 * paid)  # fmt: skip
