"""``fraudlink export`` writes each format and leaves an ``export`` entry in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fraudlink.audit import last_entries, verify
from fraudlink.cli.commands.export import register
from fraudlink.errors import InputError
from fraudlink.store import Database

runner = CliRunner()
app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """A root so that ``export`` stays a sub-command, as in the real app."""


@pytest.mark.parametrize("fmt", ["stix", "misp", "ftm"])
def test_export_writes_and_audits(
    export_db: Database, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRAUDLINK_USER", "analyst.kim")
    out = tmp_path / f"out.{fmt}"
    args = ["export", str(out), "--format", fmt, "--case", "KH-2026-001"]
    result = runner.invoke(app, [*args, "--db", export_db.settings.db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["reports"] == 2 and summary["tlp"] == "AMBER"
    text = out.read_text(encoding="utf-8")
    assert "+85512345678" in text and "Sok Dara" not in text
    with export_db.engine.connect() as connection:
        [entry] = last_entries(connection, 1)
    assert (entry.action, entry.record_id, entry.user) == ("export", "KH-2026-001", "analyst.kim")
    assert json.loads(entry.detail)["format"] == fmt
    assert verify(export_db).ok


def test_unknown_format_is_refused(export_db: Database, tmp_path: Path) -> None:
    args = ["export", str(tmp_path / "x"), "--format", "csv", "--db", export_db.settings.db]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, InputError)
