"""explain, players and the CLI contract of ``networks --json``."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.link import largest_networks, link_reports
from fraudlink.link.networks.explain import explain
from fraudlink.link.players import key_players
from fraudlink.store import Database

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]


def test_explain_returns_the_path_and_the_ignored_hub(
    database: Database, load: Load, hub_rows: list[Row]
) -> None:
    load(hub_rows, "hub.jsonl")
    link_reports(database)
    result = explain(database, "N0-1", "N0-3")
    assert result.linked
    assert [s.identifier for s in result.steps] == ["telegram:ring0_alpha", "telegram:ring0_beta"]
    assert [s.report for s in result.steps] == ["N0-1", "N0-2"]
    assert any(i.startswith("phone:") and r.startswith("hub:") for i, r in result.ignored)


def test_explain_says_not_linked_through_a_hub(
    database: Database, load: Load, hub_rows: list[Row]
) -> None:
    load(hub_rows, "hub.jsonl")
    link_reports(database)
    result = explain(database, "N0-1", "N3-1")
    assert not result.linked and not result.steps
    assert "not linked" in result.lines()[0]
    assert any("hub" in line for line in result.lines()[1:])


def test_players_rank_the_hinges_and_losses_sum_per_currency(
    database: Database, load: Load, hub_rows: list[Row]
) -> None:
    load(hub_rows, "hub.jsonl")
    link_reports(database)
    views = largest_networks(database, 2)
    assert len(views) == 2 and views[0].size == 3
    assert views[0].losses["USD"] == Decimal("201.00")
    ranked = key_players(database, views[0].id)
    assert {p.label for p in ranked[:2]} == {"telegram:ring0_alpha", "telegram:ring0_beta"}
    assert ranked[0].centrality == 1.0 and not ranked[0].received  # a handle receives no money


def test_cli_networks_json_contract(database: Database, load: Load, hub_rows: list[Row]) -> None:
    load(hub_rows, "hub.jsonl")
    db = database.settings.db
    runner = CliRunner()
    assert runner.invoke(app, ["link", "--db", db]).exit_code == 0
    result = runner.invoke(app, ["networks", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 5
    assert {"id", "size", "identifiers", "countries", "losses", "first", "last"} <= rows[0].keys()
    assert "reports" not in rows[0]  # compact: `network ID --json` lists them
    assert rows[0]["size"] == 3
    assert all(not i["identifier"].startswith("phone:") for row in rows for i in row["identifiers"])
    limited = runner.invoke(app, ["networks", "--json", "--limit", "2", "--db", db])
    assert [json.loads(line)["id"] for line in limited.output.splitlines()] == [
        row["id"] for row in rows[:2]
    ]
    explained = runner.invoke(app, ["explain", "N0-1", "N0-3", "--db", db, "--json"])
    assert json.loads(explained.output)["linked"] is True
