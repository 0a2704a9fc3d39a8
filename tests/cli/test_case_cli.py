"""Cases from the command line: open, attach, add subjects, record steps, show."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

runner = CliRunner()


def test_a_case_from_start_to_handover(tmp_path: Path, cli_user: Callable[..., str]) -> None:
    db = ["--db", str(tmp_path / "c.db")]
    me = ["--user", cli_user(db[1], "ana")]
    report = {"id": "r9", "agency": "KH-NPA", "reported_at": "2025-02-01", "narrative": "",
              "persons": [{"name": "Chen Zhi", "role": "suspect"}]}  # fmt: skip
    (tmp_path / "r.jsonl").write_text(json.dumps(report) + "\n")
    assert runner.invoke(app, ["ingest", str(tmp_path / "r.jsonl"), *db]).exit_code == 0
    steps = [
        ["case", "open", "KH-1", "--title", "Compound", "--lead", "KH-NPA", "--partner", "CN-MPS",
         *me],
        ["case", "add-report", "KH-1", "KH-NPA", "r9"],
        ["case", "add-subject", "KH-1", "1", "--role", "suspect"],
        ["case", "status", "KH-1", "1", "wanted", "--agency", "KH-NPA", "--on", "2025-02-02", *me],
        ["case", "status", "KH-1", "1", "arrested", "--agency", "KH-NPA", "--on", "2025-03-01",
         *me],
    ]  # fmt: skip
    for step in steps:
        result = runner.invoke(app, [*step, *db])
        assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["case", "show", "KH-1", "--json", *db]).stdout)
    assert shown["partners"] == ["CN-MPS"] and shown["reports"] == ["KH-NPA/r9"]
    assert [s["status"] for s in shown["subjects"][0]["history"]] == ["wanted", "arrested"]
    wrong = runner.invoke(app, ["case", "status", "KH-1", "1", "wanted", "--agency", "KH-NPA",
                                "--on", "2025-03-02", *me, *db])  # fmt: skip
    assert wrong.exit_code == 1
    listed = runner.invoke(app, ["case", "list", "--json", *db]).stdout
    assert json.loads(listed)["reference"] == "KH-1"


def test_case_steps_are_taken_signed_in_and_audited_so(
    tmp_path: Path, cli_user: Callable[..., str]
) -> None:
    """No typed name: a case is opened by an account that signs in, and the log names it."""
    db = str(tmp_path / "s.db")
    cli_user(db, "ana")
    opening = ["case", "open", "KH-2", "--title", "t", "--lead", "KH-NPA", "--db", db]
    anonymous = runner.invoke(app, opening, env={"FRAUDLINK_USER": "ana"})
    assert anonymous.exit_code == 1 and "give --user NAME" in str(anonymous.exception)
    typed = runner.invoke(app, [*opening, "--by", "ana"])
    assert typed.exit_code == 2 and "No such option: --by" in typed.output
    wrong = runner.invoke(app, [*opening, "--user", "ana"], env={"FRAUDLINK_PASSWORD": "guess"})
    assert wrong.exit_code == 1
    assert (
        runner.invoke(app, [*opening, "--user", "ana"], env={"FRAUDLINK_USER": "bo"}).exit_code == 0
    )
    log = runner.invoke(app, ["audit", "log", "--json", "--record", "case", "--db", db])
    assert [json.loads(line)["user"] for line in log.stdout.splitlines()] == ["ana"]
