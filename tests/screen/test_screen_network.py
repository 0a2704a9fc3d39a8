"""A network whose key player is listed says so: the boss by name, the wallet by address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fraudlink.link import link_reports
from fraudlink.link.networks.tables import LinkReport
from fraudlink.screen import import_list
from fraudlink.screen.network import listed_players
from fraudlink.store import Database

WALLET = "0x901bb9583b24d97e995513c6778dc6888ab6870e"


def _report(rid: str, person: str) -> dict[str, Any]:
    return {"id": rid, "agency": "KH-NP", "reported_at": "2025-01-01T00:00:00Z", "narrative": "",
            "persons": [{"name": person, "role": "boss"}],
            "identifiers": [{"kind": "crypto_wallet", "value": WALLET}]}  # fmt: skip


def test_listed_players(
    database: Database, data: Path, ingest: Callable[[list[dict[str, Any]]], None]
) -> None:
    ingest([_report("R1", "陈志"), _report("R2", "Chen Zhi"), _report("R3", "Somchai Jaidee")])
    link_reports(database)
    with database.engine.connect() as c:
        network = c.execute(select(LinkReport.network_id)).scalars().first()
    assert network is not None
    assert listed_players(database, network) == []
    import_list(database, data / "sdn.xml", "ofac")
    found = {(p.player.kind, p.hit.entry.id) for p in listed_players(database, network)}
    assert ("person", "ofac-90001") in found and ("account", "ofac-90001") in found
    assert all(p.hit.match for p in listed_players(database, network))
