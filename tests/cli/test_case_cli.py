"""Cases from the command line: open, attach, add subjects, record steps, show."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

runner = CliRunner()


def test_a_case_from_start_to_handover(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "c.db")]
    report = {"id": "r9", "agency": "KH-NPA", "reported_at": "2025-02-01", "narrative": "",
              "persons": [{"name": "Chen Zhi", "role": "suspect"}]}  # fmt: skip
    (tmp_path / "r.jsonl").write_text(json.dumps(report) + "\n")
    assert runner.invoke(app, ["ingest", str(tmp_path / "r.jsonl"), *db]).exit_code == 0
    steps = [
        ["case", "open", "KH-1", "--title", "Compound", "--lead", "KH-NPA", "--partner", "CN-MPS"],
        ["case", "add-report", "KH-1", "KH-NPA", "r9"],
        ["case", "add-subject", "KH-1", "1", "--role", "suspect"],
        ["case", "status", "KH-1", "1", "wanted", "--agency", "KH-NPA", "--on", "2025-02-02"],
        ["case", "status", "KH-1", "1", "arrested", "--agency", "KH-NPA", "--on", "2025-03-01"],
    ]
    for step in steps:
        result = runner.invoke(app, [*step, *db])
        assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["case", "show", "KH-1", "--json", *db]).stdout)
    assert shown["partners"] == ["CN-MPS"] and shown["reports"] == ["KH-NPA/r9"]
    assert [s["status"] for s in shown["subjects"][0]["history"]] == ["wanted", "arrested"]
    wrong = runner.invoke(app, ["case", "status", "KH-1", "1", "wanted", "--agency", "KH-NPA",
                                "--on", "2025-03-02", *db])  # fmt: skip
    assert wrong.exit_code == 1
    listed = runner.invoke(app, ["case", "list", "--json", *db]).stdout
    assert json.loads(listed)["reference"] == "KH-1"
