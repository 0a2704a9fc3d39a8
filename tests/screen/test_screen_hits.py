"""Stored hits read back: our record, its report and network; --new and --list narrow them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

LIST = """id,name,aliases,birth_date,nationality,identifiers,schema
w-1,Chen Zhi,,,CN,,Person
"""
REPORT = {"id": "r1", "agency": "KH-NPA", "reported_at": "2025-01-05T00:00:00Z",
          "narrative": "", "identifiers": [{"kind": "telegram", "value": "@boss_chen"}],
          "persons": [{"name": "陈志", "role": "suspect"}]}  # fmt: skip


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return str(result.output)


def test_hits_are_listed_with_their_record_report_and_network(tmp_path: Path) -> None:
    db = str(tmp_path / "h.db")
    (tmp_path / "r.jsonl").write_text(json.dumps(REPORT, ensure_ascii=False) + "\n", "utf-8")
    (tmp_path / "w.csv").write_text(LIST, "utf-8")
    run("ingest", str(tmp_path / "r.jsonl"), "--db", db)
    run("link", "--db", db)
    run("watchlist", "import", str(tmp_path / "w.csv"), "--name", "wanted", "--db", db)
    assert "1 new or changed" in run("screen", "--all", "--db", db)
    assert run("screen", "--all", "--db", db, "--json") == ""  # nothing changed
    [hit] = [json.loads(line) for line in run("screen", "hits", "--db", db, "--json").splitlines()]
    assert hit["record"].startswith("person ") and hit["label"] == "陈志"
    assert hit["caption"] == "Chen Zhi" and hit["reports"] == ["KH-NPA/r1"]
    assert len(hit["networks"]) == 1 and hit["list"] == "wanted"
    assert hit["new"] is False  # the second run saw it again
    assert run("screen", "hits", "--new", "--db", db, "--json") == ""
    assert run("screen", "hits", "--list", "other", "--db", db, "--json") == ""
    shown = run("screen", "hits", "--db", db)
    assert "Chen Zhi" in shown and "KH-NPA/r1" in shown
