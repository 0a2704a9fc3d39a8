"""An identifier on the command line: ``KIND VALUE`` or ``KIND:VALUE``, as the output prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fraudlink.cli.main import app

REPORTS = [
    {"id": f"a{n}", "agency": "KH-NPA", "reported_at": f"2025-02-0{n}T09:00:00Z",
     "narrative": "", "identifiers": [{"kind": "telegram", "value": "@bella_invest"}]}
    for n in (1, 2)
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("forms")
    path = folder / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    args = ["--db", str(folder / "f.db")]
    for step in (["ingest", str(path)], ["link"]):
        assert CliRunner().invoke(app, [*step, *args]).exit_code == 0
    return args


def _json(args: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize(
    "written",
    [["telegram:bella_invest"], ["telegram", "bella_invest"], ["Telegram:@bella_invest"]],
)
def test_lookup_takes_either_form(db: list[str], written: list[str]) -> None:
    view = _json(["lookup", *written, *db])
    assert (view["kind"], view["value"]) == ("telegram", "bella_invest")
    assert len(view["reports"]) == 2  # type: ignore[arg-type]


def test_network_and_players_take_either_form(db: list[str]) -> None:
    one = _json(["network", "telegram:bella_invest", *db])
    two = _json(["network", "telegram", "bella_invest", *db])
    shown = _json(["network", "show", "telegram", "bella_invest", *db])
    assert one["id"] == two["id"] == shown["id"]
    ranked = CliRunner().invoke(app, ["players", "telegram", "bella_invest", "--json", *db])
    assert ranked.exit_code == 0, ranked.output


def test_allowlist_takes_either_form(db: list[str]) -> None:
    added = _json(["allowlist", "add", "domain:Example.com", *db])
    assert (added["kind"], added["value"]) == ("domain", "example.com")
    removed = _json(["allowlist", "remove", "domain", "example.com", *db])
    assert removed["removed"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "telegarm:bella_invest"],
        ["lookup", "telegarm", "bella_invest"],
        ["network", "telegarm:bella_invest"],
        ["network", "telegarm", "bella_invest"],
        ["allowlist", "add", "telegarm:bella_invest"],
    ],
)
def test_an_unknown_kind_names_the_known_ones(db: list[str], args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, *db])
    assert result.exit_code == 1
    message = str(result.exception)
    assert "'telegarm' is not an identifier kind" in message
    assert "telegram" in message and "crypto_wallet" in message


def test_a_value_without_a_kind_says_how_to_write_it(db: list[str]) -> None:
    result = CliRunner().invoke(app, ["lookup", "bella_invest", *db])
    assert result.exit_code == 1 and "KIND:VALUE or KIND VALUE" in str(result.exception)


def test_trace_takes_an_account_kind_only(db: list[str], tmp_path: Path) -> None:
    ledger = tmp_path / "t.csv"
    ledger.write_text("from,to,amount,currency,time\nA:1,B:2,5,USD,2025-01-01T00:00:00Z\n")
    assert CliRunner().invoke(app, ["transactions", "import", str(ledger), *db]).exit_code == 0
    wrong = CliRunner().invoke(app, ["trace", "phone", "012345678", *db])
    assert wrong.exit_code == 1
    assert "use one of bank_account, crypto_wallet, iban" in str(wrong.exception)


@pytest.mark.parametrize("command", [["lookup"], ["allowlist", "add"], ["allowlist", "remove"]])
def test_help_names_every_kind(command: list[str]) -> None:
    from fraudlink.link.lookup import identifier_kinds

    shown = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "400"}).output
    assert "KIND[:VALUE]" in shown
    assert all(kind in shown for kind in identifier_kinds())
