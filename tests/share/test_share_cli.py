"""The CLI end to end: agency init, key cards, package create/open, a blocked package."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.settings import Settings
from fraudlink.store import open_database

PASS = "correct horse battery staple"
PASSWORD = "a password for every test user"
ENV = {"FRAUDLINK_PASSPHRASE": PASS, "FRAUDLINK_USER": "alice", "FRAUDLINK_PASSWORD": PASSWORD}


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env=ENV)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (result.output, result.exception)
    return str(result.output)


def test_two_agencies_on_the_command_line(tmp_path: Path, kit: Any) -> None:
    kh, cn = str(tmp_path / "kh.db"), str(tmp_path / "cn.db")
    assert "fingerprint" in ok(
        "agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", kh
    )
    ok("agency", "init", "CN-MPS", "--country", "CN", "--name", "CN", "--db", cn)
    ok("agency", "export-card", str(tmp_path / "kh.json"), "--db", kh)
    ok("agency", "export-card", str(tmp_path / "cn.json"), "--db", cn)
    added = json.loads(ok("agency", "add", str(tmp_path / "kh.json"), "--db", cn, "--json"))
    assert added["code"] == "KH-NPA" and len(added["fingerprint"]) == 64
    assert "compare this fingerprint" in ok("agency", "add", str(tmp_path / "cn.json"), "--db", kh)

    for name, agency, role, db in (
        ("alice", "KH-NPA", "liaison", kh),
        ("sam", "KH-NPA", "supervisor", kh),
        ("bo", "CN-MPS", "liaison", cn),
    ):
        ok("user", "add", name, "--agency", agency, "--role", role, "--db", db)
    side = SimpleNamespace(code="KH-NPA", db=open_database(Settings(db=kh)), out=tmp_path)
    kit.seed(side, tmp_path)  # the case itself is made through the cases API
    side.db.dispose()
    out = str(tmp_path / "n.flpkg")
    made = json.loads(
        ok(
            "package",
            "create",
            "case_notification",
            out,
            "--case",
            kit.case,
            "--to",
            "CN-MPS",
            "--user",
            "alice",
            "--db",
            kh,
            "--json",
        )
    )
    assert made["status"] == "awaiting_approval"  # it names people: a second person approves
    approve = ["package", "approve", made["package_id"], "--db", kh, "--json"]
    assert "needs the role supervisor" in str(run(*approve, "--user", "alice").exception)
    assert "Sign in" in str(run(*approve).exception)  # no typed name: a signed-in user
    assert json.loads(ok(*approve, "--user", "sam"))["status"] == "written"
    evidence = str(tmp_path / "ev")
    opened = json.loads(
        ok("package", "open", out, "--user", "bo", "--db", cn, "--json", "--evidence-dir", evidence)
    )
    assert opened["sender"] == "KH-NPA" and opened["imported"]["case_subject"] == 3
    listed = ok("package", "list", "--db", cn, "--json").splitlines()
    assert json.loads(listed[0])["direction"] == "inbound"

    blocked = run(
        "package",
        "create",
        "case_notification",
        out,
        "--case",
        kit.case,
        "--to",
        "CN-MPS",
        "--tlp",
        "CLEAR",
        "--user",
        "alice",
        "--db",
        kh,
    )
    assert blocked.exit_code == 1
    assert "would lower it" in blocked.output
    kept = [json.loads(line) for line in ok("package", "list", "--db", kh, "--json").splitlines()]
    assert [row["status"] for row in kept].count("blocked") == 1
    assert any("would lower it" in p for row in kept for p in row["problems"])
    assert "blocked: " in ok("package", "list", "--db", kh) and "would lower it" in ok(
        "package", "list", "--db", kh
    )


def test_bad_passphrase_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ok("agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", db)
    ok("user", "add", "bo", "--agency", "KH-NPA", "--role", "liaison", "--db", db)
    result = CliRunner().invoke(
        app,
        ["package", "open", db, "--user", "bo", "--db", db],
        env=ENV | {"FRAUDLINK_PASSPHRASE": "not the right one"},
    )
    assert result.exit_code != 0
    with pytest.raises(Exception, match="does not unlock"):
        raise result.exception  # type: ignore[misc]


def test_registering_an_officer_needs_the_passphrase_and_is_audited(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ok("agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", db)
    result = CliRunner().invoke(
        app,
        ["agency", "officer", "mallory", "--role", "supervisor", "--db", db],
        env={"FRAUDLINK_PASSPHRASE": "a guess at it", "FRAUDLINK_USER": "mallory"},
    )
    assert result.exit_code != 0 and "does not unlock" in str(result.exception)
    assert "sam is a supervisor" in ok(
        "agency", "officer", " Sam", "--role", "supervisor", "--db", db
    )
    [entry] = [json.loads(line) for line in ok("audit", "log", "--db", db, "--json").splitlines()]
    assert (entry["action"], entry["record_id"], entry["user"]) == ("create", "sam", "alice")
    assert entry["detail"] == {"role": "supervisor", "previous_role": None}
