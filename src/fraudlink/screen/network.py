"""Which key players of a network are on a watchlist: what the network view shows beside them."""

from __future__ import annotations

from dataclasses import dataclass

from fraudlink.link.players import Player, key_players
from fraudlink.screen.scoring import Hit, Query
from fraudlink.screen.searching import screener
from fraudlink.store import Database

ACCOUNT_KINDS = frozenset({"crypto_wallet", "iban", "bank_account", "phone", "email"})


@dataclass(frozen=True, slots=True)
class ListedPlayer:
    player: Player
    hit: Hit

    def as_json(self) -> dict[str, object]:
        return {"player": self.player.label, "kind": self.player.kind, **self.hit.as_json()}


def _query(player: Player) -> Query | None:
    if player.kind == "person":
        return Query((player.label,))
    kind, _, value = player.label.partition(":")
    return Query((), identifiers=((kind, value),)) if kind in ACCOUNT_KINDS else None


def listed_players(database: Database, network_id: int, players: int = 10) -> list[ListedPlayer]:
    """The network's top ``players`` that match a listed entry, each with its best hit."""
    engine = screener(database)
    found = []
    for player in key_players(database, network_id, players):
        query = _query(player)
        if query is None:
            continue
        hits = [h for h in engine.search(query, limit=1) if h.match]
        if not hits and player.kind == "person":
            hits = [h for h in engine.search(Query((player.label,), "Organization"), 1) if h.match]
        if hits:
            found.append(ListedPlayer(player, hits[0]))
    return found
