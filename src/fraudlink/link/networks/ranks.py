"""The key-player ranking's betweenness, stored per network graph so a second read costs nothing.

Betweenness is the dear part of ranking a network's players (~0.3 CPU-s for a
100-report network) and the API and the pages ask for it on every read. A row
holds the centralities computed for one graph of one network; its ``digest``
is a hash of that graph (nodes and edges in the order the ranking built them),
so a row answers only a read that would have built the very same graph: the
same reports and persons visible, the same links. That makes the row the
graph's version: a reader who sees another part of the network (another
agency, a joint-case member, a person named on a RED report) gets its own row,
and anything that changes what a read sees (a link run, a release or its
withdrawal, a retraction) changes the digest. The link stage drops a
network's rows whenever it rewrites that network, so rows of graphs that can
no longer be read do not pile up.

The row keeps the centralities only, in the order of the graph's players, not
their names: the cache holds no personal data the reports do not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import Connection, String, Text, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.link.networks.tables import Id
from fraudlink.store.locks import insert_missing
from fraudlink.store.schema import Base


class PlayerRank(Base):
    """The betweenness of a network graph's players, in the order the graph lists them."""

    __tablename__ = "link_player_rank"

    network_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    centrality: Mapped[str] = mapped_column(Text)


def graph_digest(players: Sequence[str], nodes: Sequence[object], edges: Sequence[object]) -> str:
    """A hash of the players and their graph exactly as built: sampling follows node order."""
    text = json.dumps(
        [list(players), list(nodes), list(edges)], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode()).hexdigest()


def stored_centrality(connection: Connection, network: int, digest: str) -> list[float] | None:
    found = connection.scalar(
        select(PlayerRank.centrality).where(
            PlayerRank.network_id == network, PlayerRank.digest == digest
        )
    )
    return None if found is None else [float(value) for value in json.loads(found)]


def store_centrality(
    connection: Connection, network: int, digest: str, values: list[float]
) -> None:
    """Keep the values; a reader who computed the same graph meanwhile wrote the same ones."""
    row = {"network_id": network, "digest": digest, "centrality": json.dumps(values)}
    insert_missing(connection, PlayerRank, [row], ["network_id", "digest"])


def drop_ranks(connection: Connection, networks: Sequence[int] | None) -> None:
    """Forget the rankings of networks the link stage rewrites (every network when None)."""
    stmt = delete(PlayerRank)
    if networks is not None:
        stmt = stmt.where(PlayerRank.network_id.in_(networks))
    connection.execute(stmt)
