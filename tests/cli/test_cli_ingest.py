"""The CLI is a thin layer: one summary line, one line per rejection, exit code 1 on rejects."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("init", "ingest"):
        assert command in result.output


def test_ingest_reports_rejects_and_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = {"id": "1", "agency": "VN-MPS", "reported_at": "2025-06-01", "narrative": ""}
    path.write_text(json.dumps(good) + "\n{oops\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--no-extract"])
    assert result.exit_code == 1
    assert "loaded 1, updated 0, unchanged duplicates 0, rejected 1" in result.stdout
    assert f"rejected {path}:2: bad JSON" in result.stderr
    again = runner.invoke(app, ["ingest", str(path), "--db", db, "--json"])
    assert json.loads(again.stdout.strip()) == {
        "loaded": 0,
        "updated": 0,
        "unchanged": 1,
        "rejected": 1,
    }


def test_a_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = {"id": "1", "agency": "VN-MPS", "reported_at": "2025-06-01", "narrative": ""}
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output


def test_init_says_created_then_up_to_date(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert "created" in runner.invoke(app, ["init", "--db", db]).stdout
    assert "up to date" in runner.invoke(app, ["init", "--db", db]).stdout
