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


def _statuses(database: Database) -> dict[str, str]:
    with database.session() as session:
        stmt = select(Identifier.kind + ":" + Identifier.value, LinkIdentifier.status).join(
            LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id
        )
        return {label: status for label, status in session.execute(stmt)}


def test_incremental_splits_a_network_when_its_link_becomes_a_hub(
    database: Database, load: Load, make_report: Callable[..., Row], networks_of: Networks
) -> None:
    landline = ("phone", "+6627123456")  # looks public: three groups make it a hub
    rings = [[make_report(f"R{n}-{k}", [("telegram", f"@ring{n}_own")]) for k in (1, 2)]
             for n in range(4)]  # fmt: skip
    rings[0][0]["identifiers"].append({"kind": landline[0], "value": landline[1]})
    rings[1][0]["identifiers"].append({"kind": landline[0], "value": landline[1]})
    load([*rings[0], *rings[1], *rings[2], *rings[3]], "rings.jsonl")
    link_reports(database)
    assert networks_of()["R0-1"] == networks_of()["R1-1"]  # two mentions: not a hub yet
    late = [make_report(f"R{n}-3", [("telegram", f"@ring{n}_own"), landline]) for n in (2, 3)]
    load(late, "late.jsonl")
    summary = link_reports(database)
    assert summary.mode == "incremental" and summary.hubs == 1, summary
    incremental, verdicts = networks_of(), _statuses(database)
    assert incremental["R0-1"] != incremental["R1-1"] and incremental["R2-3"] == incremental["R2-1"]
    assert verdicts["phone:+6627123456"] == "hub"
    link_reports(database, full=True)
    assert networks_of() == incremental and _statuses(database) == verdicts


def test_incremental_keeps_a_hub_a_hub_and_joins_its_new_reports_by_their_own_handles(
    database: Database, load: Load, make_hub_rows: Callable[[int], list[Row]],
    networks_of: Networks,
) -> None:  # fmt: skip
    load(make_hub_rows(5), "hub.jsonl")
    link_reports(database)
    load(make_hub_rows(7)[15:], "more.jsonl")
    summary = link_reports(database)
    assert summary.mode == "incremental" and summary.networks == 7, summary
    incremental, verdicts = networks_of(), _statuses(database)
    assert incremental["N5-1"] == incremental["N5-3"] != incremental["N6-1"]
    link_reports(database, full=True)
    assert networks_of() == incremental and _statuses(database) == verdicts


def test_an_identifier_a_report_names_twice_counts_once_in_every_listing(
    database: Database, load: Callable[[list[dict[str, Any]], str], None]
) -> None:
    """A wallet in a report's field and again in its narrative is one report, live (single
    reports listed) as in the figures the link stage stores."""
    from fraudlink.link.networks.listing import Reader, listed_networks
    from fraudlink.link.networks.views import list_networks, network_detail

    wallet = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"
    rows = [
        {"id": f"W{n}", "agency": "PH-PNP", "reported_at": "2024-05-01T10:00:00+08:00",
         "country": "PH", "narrative": f"I sent USDT to {wallet} as told.",
         "identifiers": [{"kind": "crypto_wallet", "value": wallet}]}
        for n in range(3)
    ]  # fmt: skip
    load(rows, "twice.jsonl")
    link_reports(database)
    [live] = list_networks(database, min_size=1)
    [stored], _ = listed_networks(database, Reader(), 2)
    assert live.central == stored.central
    assert [n for _, n in live.central] == [3]
    detail = network_detail(database, live.id)
    assert [n for _, _, n, _ in detail.identifiers] == [3]
