"""``fraudlink generate`` writes the reports and the truth it is asked for."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app


def test_cli_writes_reports_and_truth(tmp_path: Path) -> None:
    out, truth = tmp_path / "r.jsonl", tmp_path / "t.json"
    args = ["generate", "--reports", "120", "--seed", "9", str(out), "--truth", str(truth)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 120 and all(json.loads(line)["id"] for line in lines)
    data = json.loads(truth.read_text(encoding="utf-8"))
    assert data["seed"] == 9 and len(data["report_network"]) == 120


def test_cli_without_truth_and_negative_count(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    assert CliRunner().invoke(app, ["generate", "--reports", "5", str(out)]).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert CliRunner().invoke(app, ["generate", "--reports", "-1", str(out)]).exit_code != 0
