"""The demo runs every stage on generated data and says what it found."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

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
