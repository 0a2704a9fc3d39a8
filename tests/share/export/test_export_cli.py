"""``fraudlink export`` writes each format and leaves an ``export`` entry in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fraudlink.access import add_user
from fraudlink.audit import last_entries, verify
from fraudlink.cli.commands.export import register
from fraudlink.errors import Forbidden, InputError, Unauthenticated
from fraudlink.share import init_agency
from fraudlink.share.errors import ApprovalRequired, KeyProblem
from fraudlink.store import Database

runner = CliRunner()
app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """A root so that ``export`` stays a sub-command, as in the real app."""


PASSPHRASE = "correct horse battery staple"
PASSWORD = "a password of the tests"
KIM = ("--user", "analyst.kim")


@pytest.fixture
def officers(export_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    with export_db.session() as session:
        init_agency(session, "KH-NPA", "KH police", "KH", PASSPHRASE)
        for name, role in (("analyst.kim", "liaison"), ("sam", "supervisor")):
            add_user(session, name, "KH-NPA", [role], PASSWORD)
    monkeypatch.setenv("FRAUDLINK_PASSWORD", PASSWORD)
    monkeypatch.setenv("FRAUDLINK_USER", "sam")  # a typed name no longer says who acts
    monkeypatch.setenv("FRAUDLINK_PASSPHRASE", PASSPHRASE)
    return export_db


def _invoke(*args: str) -> dict[str, object]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.output)
    return found


@pytest.mark.parametrize("fmt", ["stix", "misp", "ftm"])
def test_export_waits_for_a_supervisor_then_writes_and_audits(
    officers: Database, tmp_path: Path, fmt: str
) -> None:
    """Issue 13: an export holding AMBER records waits, like a package, for a second person
    who first sees what it holds."""
    out, db = tmp_path / f"out.{fmt}", officers.settings.db
    kept = _invoke("export", str(out), "--format", fmt, "--case", "KH-2026-001", *KIM, "--db", db)
    assert kept["status"] == "awaiting_approval" and kept["tlp"] == "AMBER" and not out.exists()
    shown = _invoke("export", "show", str(kept["id"]), "--db", db)
    assert shown["reports"] == 2 and shown["created_by"] == "analyst.kim"
    summary = _invoke("export", "approve", str(kept["id"]), "--user", "sam", "--db", db)
    assert summary["reports"] == 2 and summary["approved_by"] == "sam"
    text = out.read_text(encoding="utf-8")
    assert "+85512345678" in text and "Sok Dara" not in text
    with officers.engine.connect() as connection:
        approval, entry = last_entries(connection, 2)
    assert (entry.action, entry.record_id, entry.user) == ("export", "KH-2026-001", "analyst.kim")
    assert (approval.action, approval.user) == ("approve", "sam")
    assert json.loads(entry.detail)["format"] == fmt
    assert verify(officers).ok
    again = runner.invoke(app, ["export", "approve", str(kept["id"]), "--user", "sam", "--db", db])
    assert isinstance(again.exception, InputError) and "not waiting" in str(again.exception)


@pytest.mark.parametrize("fmt", ["stix", "misp", "ftm"])
def test_red_leaves_only_with_approval_passphrase_and_named_people(
    officers: Database, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10, item 2: `export --tlp RED` wrote RED names and phones with nothing asked."""
    out, db = tmp_path / f"red.{fmt}", officers.settings.db
    base = ["export", str(out), "--format", fmt, "--tlp", "RED", *KIM, "--db", db]
    unnamed = runner.invoke(app, base)
    assert isinstance(unnamed.exception, ApprovalRequired)
    assert "goes only to named people" in str(unnamed.exception)
    kept = _invoke(*base, "--recipient", "insp. Chan")
    approve = ["export", "approve", str(kept["id"]), "--db", db, "--user"]
    refusals = {"needs the role supervisor": (Forbidden, "analyst.kim"),
                "username or password is wrong": (Unauthenticated, "nobody")}  # fmt: skip
    for message, (error, who) in refusals.items():
        result = runner.invoke(app, [*approve, who])
        assert isinstance(result.exception, error), result.output
        assert message in str(result.exception)
        assert not out.exists()
    monkeypatch.setenv("FRAUDLINK_PASSPHRASE", "not the passphrase")
    result = runner.invoke(app, [*approve, "sam"])
    assert isinstance(result.exception, KeyProblem) and not out.exists()
    monkeypatch.setenv("FRAUDLINK_PASSPHRASE", PASSPHRASE)
    result = runner.invoke(app, [*approve, "sam"])
    assert result.exit_code == 0, result.output
    assert "+85511111111" in out.read_text(encoding="utf-8")  # the RED report's phone left
    with officers.engine.connect() as connection:
        approval, _ = last_entries(connection, 2)
    assert json.loads(approval.detail) == {
        "exporter": "analyst.kim",
        "recipients": ["insp. Chan"],
        "tlp": "RED",
    }


def test_a_supervisor_does_not_approve_an_export_they_made(
    officers: Database, tmp_path: Path
) -> None:
    """The two-person rule compares signed-in accounts: the exporter cannot approve."""
    out, db = tmp_path / "own.stix", officers.settings.db
    kept = _invoke("export", str(out), "--case", "KH-2026-001", "--user", "sam", "--db", db)
    result = runner.invoke(app, ["export", "approve", str(kept["id"]), "--user", "sam", "--db", db])
    assert isinstance(result.exception, InputError) and not out.exists()
    assert "another person than its creator" in str(result.exception)


def test_unknown_format_is_refused(export_db: Database, tmp_path: Path) -> None:
    args = ["export", str(tmp_path / "x"), "--format", "csv", "--db", export_db.settings.db]
    result = runner.invoke(app, args)
    # --format is a choice: the CLI names the ones it knows and writes nothing
    assert result.exit_code == 2 and "stix" in result.output and "misp" in result.output
    assert not (tmp_path / "x").exists()
