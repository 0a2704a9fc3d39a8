"""Reading back: one report, one identifier, persons by name, networks by any of their names."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.errors import InputError, NotFound
from fraudlink.link import link_reports
from fraudlink.link.lookup import lookup, network_for
from fraudlink.link.persons.find import find_persons
from fraudlink.link.reports import report_detail
from fraudlink.store import Database

Row = dict[str, Any]
Load = Callable[[list[Row], str], None]
HUB_PHONE = "+63278996030"


@pytest.fixture
def linked(database: Database, load: Load, make_report: Callable[..., Row]) -> Database:
    rows = [
        make_report("A1", [("telegram", "@ring_a"), ("phone", "+855 12 345 678")],
                    persons=[{"name": "陈志", "role": "suspect"}], country="KH"),
        make_report("A2", [("telegram", "@ring_a")], persons=[{"name": "Chen Zhi"}],
                    reported_at="2024-06-02T10:00:00+08:00"),
        make_report("B1", [("telegram", "@other")], persons=[{"name": "Chen Zhiwei"}]),
    ]  # fmt: skip
    load(rows, "rows.jsonl")
    link_reports(database)
    return database


def test_identifier_is_normalised_then_found_with_reports_networks_and_dates(
    linked: Database,
) -> None:
    view = lookup(linked, "phone", "012 345 678", country="KH")
    assert view.value == "+85512345678"
    assert [r for r, _, _ in view.reports] == ["PH-PNP/A1"]
    handle = lookup(linked, "telegram", "https://t.me/Ring_A")
    assert [r for r, _, _ in handle.reports] == ["PH-PNP/A1", "PH-PNP/A2"]
    assert len(handle.networks) == 1 and handle.status == "linked"
    assert handle.first_seen is not None and handle.last_seen is not None
    assert handle.first_seen < handle.last_seen
    with pytest.raises(NotFound):
        lookup(linked, "telegram", "@nobody_here")
    with pytest.raises(InputError, match="--country"):
        lookup(linked, "phone", "not a number")


def test_network_named_by_id_report_or_identifier(linked: Database) -> None:
    network = lookup(linked, "telegram", "@ring_a").networks[0]
    assert network_for(linked, str(network)) == network
    assert network_for(linked, "PH-PNP/A2") == network
    assert network_for(linked, "A2") == network
    assert network_for(linked, "telegram:ring_a") == network
    with pytest.raises(NotFound, match="no network 999"):
        network_for(linked, "999")


def test_report_show_and_person_find_across_scripts(linked: Database) -> None:
    view = report_detail(linked, "PH-PNP:A1")
    assert view.reference == "PH-PNP/A1" and view.network is not None
    assert {(m.kind, m.value) for m in view.identifiers} >= {("phone", "+85512345678")}
    [person] = view.persons
    found = find_persons(linked, "Chen Zhi")
    ids = {p.id for p in found}
    assert person["entity"] in ids  # 陈志 found by its Latin spelling
    names = {n for p in found for n in p.names}
    assert {"陈志", "Chen Zhi"} <= names and "Chen Zhiwei" not in names


def test_cli_reads_back_with_json_and_people_text(linked: Database) -> None:
    db = linked.settings.db
    runner = CliRunner()
    shown = runner.invoke(app, ["lookup", "telegram", "@ring_a", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "2 reports" in shown.output and "PH-PNP/A2" in shown.output
    as_json = runner.invoke(app, ["lookup", "phone", HUB_PHONE, "--db", db, "--json"])
    assert as_json.exit_code == 1  # the hub phone is in no report of this set
    report = runner.invoke(app, ["report", "show", "PH-PNP/A1", "--db", db, "--json"])
    assert json.loads(report.output)["persons"][0]["name"] == "陈志"
    network = runner.invoke(app, ["network", "PH-PNP/A1", "--db", db])
    assert network.exit_code == 0 and "{" not in network.output
    assert "reports per month" in network.output
    summary = runner.invoke(app, ["summary", "--db", db, "--json"])
    assert json.loads(summary.output)["reports"] == 3
