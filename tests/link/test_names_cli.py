"""``fraudlink match``: JSON contract and the readable table."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from fraudlink.cli.commands import match


def _app() -> typer.Typer:
    app = typer.Typer()
    match.register(app)

    @app.callback()
    def _root() -> None:
        """Test root so that ``match`` stays a sub-command."""

    return app


def test_match_json_contract() -> None:
    result = CliRunner().invoke(_app(), ["match", "陈志", "Chen Zhi", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output.strip())
    assert body["match"] is True
    assert body["score"] == 1.0
    assert body["explanation"][0]["a"].startswith(("陈", "志"))


def test_match_readable_says_no_match() -> None:
    result = CliRunner().invoke(_app(), ["match", "Hun Manet", "Hun Many"])
    assert result.exit_code == 0, result.output
    assert "no match" in result.output


def test_match_company_schema() -> None:
    args = ["match", "Huione Pay PLC", "HUIONE PAY", "--schema", "Company", "--json"]
    result = CliRunner().invoke(_app(), args)
    assert json.loads(result.output)["match"] is True
