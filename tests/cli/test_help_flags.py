"""Flags show no type in --help: `--help <bool>` read as if the flag took a value."""

from __future__ import annotations

from typer.testing import CliRunner

from fraudlink.cli.main import app


def test_flags_have_no_type_but_options_keep_theirs() -> None:
    result = CliRunner().invoke(app, ["agency", "list", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    assert "--history" in result.output and "PATH_OR_URL" in result.output
