"""Networks from shared identifiers: hubs, allow-list, invalid identifiers, incremental runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from fraudlink.link.networks import link_reports
from fraudlink.link.networks.tables import LinkIdentifier
from fraudlink.store import Database
from fraudlink.store.schema import Identifier

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]
Networks = Callable[[], dict[str, int]]


def test_hub_does_not_merge_networks(
    database: Database, load: Load, hub_rows: list[Row], networks_of: Networks
) -> None:
    load(hub_rows, "hub.jsonl")
    summary = link_reports(database)
    networks = networks_of()
    assert summary.networks == 5
    assert networks["N0-1"] == networks["N0-3"] != networks["N1-1"]
    with database.session() as session:
        verdict = session.execute(
            select(LinkIdentifier.status, LinkIdentifier.reason)
            .join(Identifier, Identifier.id == LinkIdentifier.identifier_id)
            .where(Identifier.kind == "phone")
        ).one()
    assert verdict.status == "hub"
    assert "5 otherwise-linked groups" in verdict.reason


def test_shared_identifier_links_two_reports(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    rows = [make_report(r, [("telegram", "@shared_boss")]) for r in ("A", "B")]
    rows.append(make_report("C", [("telegram", "@someone_else")]))
    load(rows, "pair.jsonl")
    link_reports(database)
    networks = networks_of()
    assert networks["A"] == networks["B"] != networks["C"]


def test_allowlisted_and_invalid_identifiers_never_link(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    shared = [("domain", "facebook.com"), ("iban", "GB00WEST12345698765432")]
    load([make_report("A", shared), make_report("B", shared)], "benign.jsonl")
    link_reports(database)
    networks = networks_of()
    assert networks["A"] != networks["B"]


def test_incremental_joins_and_merges_like_full(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    load(
        [make_report("A", [("telegram", "@x_one")]), make_report("B", [("telegram", "@y_two")])],
        "a.jsonl",
    )
    link_reports(database)
    load([make_report("C", [("telegram", "@x_one"), ("telegram", "@y_two")])], "b.jsonl")
    summary = link_reports(database)
    assert summary.mode == "incremental" and summary.new_reports == 1
    incremental = networks_of()
    assert incremental["A"] == incremental["B"] == incremental["C"]
    link_reports(database, full=True)
    assert networks_of() == incremental
