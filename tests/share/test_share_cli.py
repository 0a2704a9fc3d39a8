"""The CLI end to end: agency init, key cards, package create/open, a blocked package."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import text
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
    # the beginning of the id is enough, as for `package show`
    approve = ["package", "approve", made["package_id"][:8], "--db", kh, "--json"]
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
    _prefixes_name_one_package(kit.case, kh, made["package_id"], tmp_path)


def _prefixes_name_one_package(case: str, db: str, sent: str, tmp_path: Path) -> None:
    """Every command taking a package id takes an unambiguous beginning of it; an ambiguous
    one lists the candidates, a short one (under 6 characters) is not guessed at."""
    retracted = ok("package", "retract", sent[:6], str(tmp_path / "r.flpkg"), "--reason", "x",
                   "--user", "alice", "--db", db, "--json")  # fmt: skip
    assert json.loads(retracted)["status"] == "written"
    made = [
        json.loads(ok("package", "create", "case_notification", str(tmp_path / f"{n}.flpkg"),
                      "--case", case, "--to", "CN-MPS", "--user", "alice", "--db", db, "--json"))
        for n in (1, 2)
    ]  # fmt: skip
    twins = ["abcdef01-0000-4000-8000-000000000001", "abcdef02-0000-4000-8000-000000000002"]
    store = open_database(Settings(db=db))
    with store.session() as session:
        for row, twin in zip(made, twins, strict=True):
            session.execute(
                text("UPDATE share_package SET package_id = :new WHERE package_id = :old"),
                {"new": twin, "old": row["package_id"]},
            )
    store.dispose()
    for command in (["approve", "abcdef", "--user", "sam"], ["show", "abcdef"]):
        ambiguous = run("package", *command, "--db", db)
        assert ambiguous.exit_code == 1, ambiguous.output
        assert all(twin in str(ambiguous.exception) for twin in twins)
    short = run("package", "approve", "abcde", "--user", "sam", "--db", db)
    assert short.exit_code == 1 and "No outbound package 'abcde'" in str(short.exception)
    approved = ok("package", "approve", "abcdef02", "--user", "sam", "--db", db, "--json")
    assert json.loads(approved)["package_id"] == twins[1]


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
    """Signed in, not a typed name: the audit log names the account that registered."""
    db = str(tmp_path / "a.db")
    ok("agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", db)
    ok("user", "add", "root_admin", "--agency", "KH-NPA", "--role", "admin", "--db", db)
    registering = ["agency", "officer", " Sam", "--role", "supervisor", "--db", db]
    anonymous = CliRunner().invoke(app, registering, env={"FRAUDLINK_PASSPHRASE": PASS})
    assert anonymous.exit_code == 1 and "give --user NAME" in str(anonymous.exception)
    typed = run(*registering, "--by", "root_admin")
    assert typed.exit_code == 2 and "No such option: --by" in typed.output
    guessed = CliRunner().invoke(
        app,
        [*registering, "--user", "root_admin"],
        env=ENV | {"FRAUDLINK_PASSPHRASE": "a guess at it"},
    )
    assert guessed.exit_code != 0 and "does not unlock" in str(guessed.exception)
    assert "sam is a supervisor" in ok(*registering, "--user", "root_admin")
    entries = [json.loads(line) for line in ok("audit", "log", "--db", db, "--json").splitlines()]
    [entry] = [e for e in entries if e["record_type"] == "share_officer"]
    assert (entry["action"], entry["record_id"], entry["user"]) == ("create", "sam", "root_admin")
    assert entry["detail"] == {"role": "supervisor", "previous_role": None}


def test_rotating_and_revoking_keys_are_signed_in(tmp_path: Path) -> None:
    """``agency rotate`` and ``agency revoke`` act as the signed-in account, which the log names."""
    kh, cn = str(tmp_path / "kh.db"), str(tmp_path / "cn.db")
    ok("agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", kh)
    ok("agency", "init", "CN-MPS", "--country", "CN", "--name", "CN", "--db", cn)
    ok("agency", "export-card", str(tmp_path / "cn.json"), "--db", cn)
    ok("agency", "add", str(tmp_path / "cn.json"), "--db", kh)
    ok("user", "add", "keeper", "--agency", "KH-NPA", "--role", "admin", "--db", kh)
    for typed in (("rotate",), ("revoke", "CN-MPS", "--reason", "stolen")):
        refused = run("agency", *typed, "--by", "keeper", "--db", kh)
        assert refused.exit_code == 2 and "No such option: --by" in refused.output
    ok("agency", "rotate", "--user", "keeper", "--db", kh)
    ok("agency", "revoke", "CN-MPS", "--reason", "stolen", "--user", "keeper", "--db", kh)
    entries = [json.loads(line) for line in ok("audit", "log", "--db", kh, "--json").splitlines()]
    done = {e["detail"]["event"]: e["user"] for e in entries if e["record_type"] == "agency_key"}
    assert (done["rotate"], done["revoke"]) == ("keeper", "keeper")


def test_only_an_admin_manages_the_agencys_keys_and_officers(tmp_path: Path) -> None:
    """The passphrase unlocks the keys; the role says who may use it for that."""
    db = str(tmp_path / "a.db")
    ok("agency", "init", "KH-NPA", "--country", "KH", "--name", "KH", "--db", db)
    ok("user", "add", "vanna", "--agency", "KH-NPA", "--role", "supervisor", "--db", db)
    for typed in (("officer", "sam", "--role", "liaison"), ("rotate",)):
        refused = run("agency", *typed, "--user", "vanna", "--db", db)
        assert refused.exit_code == 1, refused.output
        assert "needs the role admin" in str(refused.exception)
    entries = [json.loads(line) for line in ok("audit", "log", "--db", db, "--json").splitlines()]
    assert not [e for e in entries if e["record_type"] in ("share_officer", "agency_key")]
