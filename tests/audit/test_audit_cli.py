"""``fraudlink audit verify`` and ``fraudlink audit log`` from the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import typer
from typer.testing import CliRunner

from fraudlink.audit import AuditChainBroken, record_event
from fraudlink.cli.commands.audit import register
from fraudlink.settings import Settings
from fraudlink.store import open_database

runner = CliRunner()
# Only this command group: the test must not depend on other commands importing cleanly.
app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """A root so that ``audit`` stays a sub-command, as in the real app."""


def _database(tmp_path: Path) -> str:
    path = str(tmp_path / "audit.db")
    store = open_database(Settings(db=path))
    with store.session() as session:
        for n in range(3):
            record_event(session, action="read", record_type="report", record_id=str(n), user="lee")
    store.dispose()
    return path


def test_verify_and_log(tmp_path: Path) -> None:
    path = _database(tmp_path)
    result = runner.invoke(app, ["audit", "verify", "--db", path])
    assert result.exit_code == 0, result.output
    assert "intact: 3 entries" in result.output
    result = runner.invoke(app, ["audit", "log", "--db", path, "--json", "--limit", "2"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["seq"] for row in rows] == [2, 3]
    assert rows[0]["user"] == "lee" and rows[0]["detail"] == {}


def test_verify_fails_on_tampering(tmp_path: Path) -> None:
    path = _database(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE audit_entry SET user_name = 'x' WHERE seq = 2")
    result = runner.invoke(app, ["audit", "verify", "--db", path])
    assert result.exit_code != 0
    assert isinstance(result.exception, AuditChainBroken)
    assert "entry 2" in str(result.exception)


def test_anchor_then_verify_against_it(tmp_path: Path) -> None:
    from fraudlink.share import init_agency

    path = _database(tmp_path)
    store = open_database(Settings(db=path))
    with store.session() as session:
        init_agency(session, "KH-NPA", "KH police", "KH", "correct horse battery staple")
    store.dispose()
    env = {"FRAUDLINK_PASSPHRASE": "correct horse battery staple"}
    anchor = str(tmp_path / "anchor.json")
    result = runner.invoke(app, ["audit", "anchor", anchor, "--db", path], env=env)
    assert result.exit_code == 0, result.output
    assert "anchor of 3 entries" in result.output
    result = runner.invoke(app, ["audit", "verify", "--db", path, "--anchor", anchor])
    assert result.exit_code == 0 and "extends its anchor of 3 entries" in result.output
    with sqlite3.connect(path) as connection:  # wipe the log and reset its head
        connection.execute("DELETE FROM audit_entry")
        connection.execute(f"UPDATE audit_head SET seq = 0, hash = '{'0' * 64}'")
    assert runner.invoke(app, ["audit", "verify", "--db", path]).exit_code == 0
    result = runner.invoke(app, ["audit", "verify", "--db", path, "--anchor", anchor, "--json"])
    assert result.exit_code != 0
    assert isinstance(result.exception, AuditChainBroken)
    assert json.loads(result.output)["problem"].endswith("entries were removed")
