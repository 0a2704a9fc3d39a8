"""Key players read twice rank once: betweenness is stored per network graph and scope.

Counts betweenness computations, not time: the second read of a network computes
nothing, a link run that rewrites the network or a change of what a reader sees
computes again, and every reader gets exactly what the uncached ranking gives.
"""

from __future__ import annotations

from typing import Any

import networkx as nx  # type: ignore[import-untyped]
import pytest
from sqlalchemy import func, select

from fraudlink.access import networks as access
from fraudlink.access.principal import acting_as
from fraudlink.access.scope import visible
from fraudlink.link import link_reports
from fraudlink.link.networks.ranks import PlayerRank
from fraudlink.link.players import key_players

Server = Any
READERS = ("kh_analyst", "kh_liaison", "th_analyst")  # own + RED-named, own, joint-case member


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times betweenness ran: the real function, counted."""
    runs: list[int] = []
    real = nx.betweenness_centrality

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(nx, "betweenness_centrality", counted)
    return runs


def _network(server: Server) -> int:
    link_reports(server.database)
    listed = server.client.get("/api/v1/networks", headers=server.auth("kh_analyst")).json()
    return int(listed["items"][0]["id"])


def _detail(server: Server, network: int, user: str) -> list[dict[str, Any]]:
    answer = server.client.get(f"/api/v1/networks/{network}", headers=server.auth(user))
    assert answer.status_code == 200, answer.text
    players: list[dict[str, Any]] = answer.json()["players"]
    return players


def _rows(server: Server, network: int) -> int:
    with server.database.engine.connect() as connection:
        stmt = select(func.count()).where(PlayerRank.network_id == network)
        return int(connection.scalar(stmt) or 0)


def _same_as_uncached(server: Server, network: int, user: str) -> list[dict[str, object]]:
    """The access layer's (cached) players equal a ranking that stores and reads nothing."""
    principal = acting_as(server.database, user)
    with server.database.session() as session:
        read = access.network_players(server.database, session, principal, network, "test")
    report, person = visible(principal, "report"), visible(principal, "entity")
    fresh = key_players(server.database, network, None, report, person, cached=False)
    assert [p.as_json() for p in read] == [p.as_json() for p in fresh]
    return [p.as_json() for p in read]


def test_second_read_of_a_network_computes_nothing(loaded: Server, computed: list[int]) -> None:
    network = _network(loaded)
    first = _detail(loaded, network, "kh_analyst")
    assert len(computed) == 1
    assert _detail(loaded, network, "kh_analyst") == first
    page = loaded.client.get(
        f"/api/v1/networks/{network}/players", headers=loaded.auth("kh_analyst")
    )
    assert page.status_code == 200, page.text
    assert len(computed) == 1  # the detail, the players list: one ranking
    assert _rows(loaded, network) == 1


def test_a_link_run_that_rewrites_the_network_ranks_it_again(
    loaded: Server, computed: list[int]
) -> None:
    network = _network(loaded)
    before = _detail(loaded, network, "kh_analyst")
    assert len(computed) == 1
    lines = [loaded.report("KH-NPA", "KH-2", "Also paid +855 12 345 678")]
    answer = loaded.client.post("/api/v1/reports", json=lines, headers=loaded.auth("kh_analyst"))
    assert answer.status_code == 200, answer.text
    summary = link_reports(loaded.database)  # incremental: the network gains KH-2
    assert summary.mode == "incremental" and not summary.fallback
    assert _rows(loaded, network) == 0  # the link stage dropped the network's ranking
    after = _detail(loaded, network, "kh_analyst")
    assert len(computed) == 2
    assert after != before and "Suspect KH-2" in {p["label"] for p in after}
    _detail(loaded, network, "kh_analyst")
    assert len(computed) == 2


def test_every_reader_gets_the_uncached_ranking_of_what_they_see(
    loaded: Server, computed: list[int]
) -> None:
    network = _network(loaded)
    phone = "phone:+85512345678"
    kh = {p["label"]: p for p in _same_as_uncached(loaded, network, "kh_analyst")}
    liaison = {p["label"]: p for p in _same_as_uncached(loaded, network, "kh_liaison")}
    assert kh[phone]["victims"] == 3  # KH-1, the unit's PP-1 and KH-RED, which names kh_analyst
    assert liaison[phone]["victims"] == 2  # not named on KH-RED
    assert "Suspect KH-RED" not in kh | liaison  # a RED report's persons stay hidden, as before
    alone = {p["label"] for p in _same_as_uncached(loaded, network, "th_analyst")}
    assert alone == {phone, "Suspect TH-1"}
    release = loaded.release_kh1()
    thai = {p["label"]: p for p in _same_as_uncached(loaded, network, "th_analyst")}
    assert thai[phone]["victims"] == 2  # TH-1 and the released KH-1
    assert set(thai) == {phone, "Suspect TH-1"}  # KH-1's person was not released
    cached = len(computed)
    for user in READERS:  # each reader's graph is stored now: reading again computes nothing
        _detail(loaded, network, user)
    assert len(computed) == cached
    withdrawn = loaded.client.delete(
        f"/api/v1/joint-cases/JIT-1/releases/{release}", headers=loaded.auth("kh_liaison")
    )
    assert withdrawn.status_code == 200, withdrawn.text
    answer = loaded.client.get(f"/api/v1/networks/{network}", headers=loaded.auth("th_analyst"))
    assert answer.status_code == 200, answer.text  # Thailand's own report, not the withdrawn one
    thai = {p["label"]: p for p in _same_as_uncached(loaded, network, "th_analyst")}
    assert thai[phone]["victims"] == 1
    for user in READERS[:2]:
        _same_as_uncached(loaded, network, user)
