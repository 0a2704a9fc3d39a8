"""Amounts on a terminal are grouped by thousands through one helper; --json keeps them plain."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fraudlink.cli.amounts import format_money, format_totals
from fraudlink.cli.main import app


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("177391304348.00"), "177,391,304,348.00 LAK"),
        (Decimal("1E+3"), "1,000.00 LAK"),
        ("0.00012", "0.00012 LAK"),
        (5, "5.00 LAK"),
        (Decimal("-1234.5"), "-1,234.50 LAK"),
        (Decimal("1.123456789"), "1.12345679 LAK"),
    ],
)
def test_format_money(amount: Decimal | int | str, shown: str) -> None:
    assert format_money(amount, "LAK") == shown


def test_format_totals() -> None:
    assert format_totals({"USD": "1200.5", "THB": Decimal(38000)}) == "1,200.50 USD, 38,000.00 THB"
    assert format_totals({"USD": 1, "THB": 2, "LAK": 3}, limit=2, sep="; ") == "1.00 USD; 2.00 THB"
    assert format_totals({}) == ""


def test_commands_group_amounts_and_json_keeps_them_plain(tmp_path: Path) -> None:
    report = {"id": "a1", "agency": "KH-NPA", "reported_at": "2025-02-01T09:00:00Z",
              "narrative": "", "identifiers": [{"kind": "telegram", "value": "@ring_a"}],
              "loss": {"amount": "1234567.5", "currency": "USD"}}  # fmt: skip
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(report) + "\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "m.db")]
    assert CliRunner().invoke(app, ["ingest", str(path), *db]).exit_code == 0
    shown = CliRunner().invoke(app, ["report", "show", "KH-NPA/a1", *db]).stdout
    assert "1,234,567.50 USD" in shown
    summary = CliRunner().invoke(app, ["summary", *db]).stdout
    assert "1,234,567.50" in summary
    plain = json.loads(
        CliRunner().invoke(app, ["report", "show", "KH-NPA/a1", "--json", *db]).stdout
    )
    assert "1,234,567" not in json.dumps(plain) and "1234567.5" in json.dumps(plain)


def test_no_command_formats_an_amount_by_itself() -> None:
    """Every amount a command prints goes through ``format_money``: no ad-hoc grouping."""
    commands = Path(__file__).parents[2] / "src" / "fraudlink" / "cli"
    for source in commands.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        for needle in ("currency}", '{c}"', '{cur}"', ",.2f}", ",.0f}"):
            assert needle not in text or source.name == "amounts.py", (source.name, needle)
