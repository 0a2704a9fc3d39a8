"""The demo runs every stage on generated data and says what it found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.errors import InputError

runner = CliRunner()


def test_demo_prints_the_summary_and_networks(tmp_path: Path) -> None:
    args = ["demo", "--db", str(tmp_path / "d.db"), "--reports", "400", "--data-dir",
            str(tmp_path / "data")]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    for expected in ("reports by country", "reports by language", "losses by currency",
                     "networks", "B-cubed"):  # fmt: skip
        assert expected in result.stdout
    again = runner.invoke(app, [*args, "--json"])
    data = json.loads(again.stdout)
    assert data["ingest"] == {"loaded": 0, "updated": 0, "unchanged": 400, "rejected": 0}
    assert data["summary"]["reports"] == 400
    assert data["bcubed"]["f1"] > 0.9
    assert data["summary"]["networks"], "the largest networks are listed"
    listed = [found for players in data["listed"].values() for found in players]
    assert listed, "some key players are on the demo watchlist"
    assert all(found["score"] >= 0.8 for found in listed)
    operations = data["operations"]
    assert operations and all(op["arrested"] > 0 and op["reports"] > 0 for op in operations)
    assert "confiscated" in operations[0]["assets"] and " arrested, " in result.stdout


def test_demo_keeps_out_of_a_database_holding_real_reports(tmp_path: Path) -> None:
    real = tmp_path / "agency.db"
    line = {"id": "R1", "agency": "KH-NPA", "reported_at": "2025-03-01", "narrative": "x"}
    reports = tmp_path / "intake.jsonl"
    reports.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(reports), "--db", str(real)]).exit_code == 0
    result = runner.invoke(app, ["demo", "--db", str(real), "--reports", "50",
                                 "--data-dir", str(tmp_path / "data")])  # fmt: skip
    assert isinstance(result.exception, InputError)
    assert "holds reports the demo did not write" in result.exception.message
    counted = runner.invoke(app, ["networks", "--db", str(real), "--json"])
    assert counted.exit_code == 0 and not (tmp_path / "data").exists()


def test_demo_uses_its_own_database_not_the_configured_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FRAUDLINK_DB", str(tmp_path / "agency.db"))
    result = runner.invoke(app, ["demo", "--reports", "60", "--data-dir", "data", "--json"])
    assert result.exit_code == 0, result.output
    assert "demo database: fraudlink-demo.db" in result.output
    assert (tmp_path / "fraudlink-demo.db").exists()
    assert not (tmp_path / "agency.db").exists()
