"""The largest networks with their key players: what ``fraudlink demo`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from fraudlink.link.networks.tables import LinkReport
from fraudlink.link.networks.views import network_detail
from fraudlink.link.players import Player, key_players
from fraudlink.store import Database


@dataclass(frozen=True, slots=True)
class NetworkView:
    id: int
    size: int
    countries: dict[str, int]
    losses: dict[str, Decimal]
    players: list[Player]

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "size": self.size, "countries": self.countries,
                "losses": {c: str(a) for c, a in self.losses.items()},
                "players": [p.as_json() for p in self.players]}  # fmt: skip


def largest_networks(database: Database, limit: int, players: int = 5) -> list[NetworkView]:
    """The ``limit`` largest networks (two reports or more), each with its top ``players``."""
    stmt = (
        select(LinkReport.network_id, func.count().label("size"))
        .group_by(LinkReport.network_id)
        .having(func.count() > 1)
        .order_by(func.count().desc(), LinkReport.network_id)
        .limit(limit)
    )
    with database.engine.connect() as connection:
        ids = [row.network_id for row in connection.execute(stmt)]
    views = []
    for network in ids:
        detail = network_detail(database, network)
        ranked = key_players(database, network, players)
        countries = dict(detail.countries.most_common())
        views.append(NetworkView(network, detail.size, countries, detail.losses, ranked))
    return views
