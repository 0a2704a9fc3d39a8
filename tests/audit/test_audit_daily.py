"""Daily actions leave audit entries under the person who acted, and the log can be searched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app


def run(db: str, user: str, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--db", db], env={"FRAUDLINK_USER": user})
    assert result.exit_code == 0, (args, result.output, result.exception)
    return str(result.output)


def test_case_steps_are_audited_and_the_log_filters_and_pages(
    tmp_path: Path, cli_user: Callable[..., str]
) -> None:
    db = str(tmp_path / "a.db")
    for name in ("ana", "bo"):
        cli_user(db, name)
    run(db, "x", "case", "open", "KH-1", "--title", "Compound", "--lead", "KH-NPA", "--user", "ana")
    run(db, "x", "case", "open", "KH-2", "--title", "Other", "--lead", "KH-NPA", "--tlp", "RED",
        "--user", "bo")  # fmt: skip
    lines = run(db, "x", "audit", "log", "--json", "--user", "ana").splitlines()
    [entry] = [json.loads(line) for line in lines]
    assert (entry["action"], entry["record_type"], entry["record_id"]) == ("create", "case", "KH-1")
    assert entry["user"] == "ana"
    both = run(db, "x", "audit", "log", "--json", "--record", "case", "--action", "create")
    assert [json.loads(line)["record_id"] for line in both.splitlines()] == ["KH-1", "KH-2"]
    newest = run(db, "x", "audit", "log", "--limit", "1")
    assert "KH-2" in newest and "--before 2" in newest
    older = json.loads(run(db, "x", "audit", "log", "--json", "--limit", "1", "--before", "2"))
    assert older["record_id"] == "KH-1"
    assert run(db, "x", "audit", "log", "--json", "--since", "2999-01-01") == ""
    assert "intact: 2 entries" in run(db, "x", "audit", "verify")
