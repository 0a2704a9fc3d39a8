"""Agencies, users and tokens from the command line; the CLI stays light without the server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from fraudlink.access import authenticate
from fraudlink.cli.main import app
from fraudlink.errors import Unauthenticated
from fraudlink.settings import Settings
from fraudlink.store import open_database
from fraudlink.store.schema import Agency

runner = CliRunner()
ENV = {"FRAUDLINK_PASSPHRASE": "passphrase for tests", "FRAUDLINK_PASSWORD": "a long password 1"}


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), env=ENV)
    assert result.exit_code == 0, result.output
    return result.stdout


def signs_in(db: str, token: str) -> bool:
    store = open_database(Settings(db=db))
    try:
        with store.session() as session:
            authenticate(session, token)
        return True
    except Unauthenticated:
        return False
    finally:
        store.dispose()


def test_two_agencies_a_unit_users_and_tokens(tmp_path: Path) -> None:
    db = str(tmp_path / "office.db")
    cli("agency", "init", "KH-NPA", "--country", "KH", "--name", "National Police", "--db", db)
    cli("agency", "init", "TH-RTP", "--country", "TH", "--name", "Royal Thai Police", "--db", db)
    cli(
        "agency",
        "init",
        "KH-PP",
        "--country",
        "KH",
        "--name",
        "Phnom Penh",
        "--parent",
        "KH-NPA",
        "--db",
        db,
    )
    cli(
        "user",
        "add",
        "sokha",
        "--agency",
        "KH-NPA",
        "--role",
        "analyst",
        "--role",
        "liaison",
        "--db",
        db,
    )
    token = cli("token", "create", "sokha", "--expires", "7", "--db", db).strip().splitlines()[-1]
    assert token.startswith("flk_") and signs_in(db, token)
    cli("token", "revoke", token, "--db", db)
    assert not signs_in(db, token)
    second = cli("token", "create", "sokha", "--db", db).strip().splitlines()[-1]
    cli("user", "disable", "sokha", "--db", db)
    assert not signs_in(db, second)
    store = open_database(Settings(db=db))
    with store.session() as session:
        parents = dict(session.execute(select(Agency.code, Agency.parent_id)).all())
        ids = dict(session.execute(select(Agency.code, Agency.id)).all())
    store.dispose()
    assert parents["KH-PP"] == ids["KH-NPA"] and parents["TH-RTP"] is None


def test_a_bad_role_is_one_line_error(tmp_path: Path) -> None:
    db = str(tmp_path / "office.db")
    cli("agency", "init", "KH-NPA", "--country", "KH", "--name", "National Police", "--db", db)
    result = runner.invoke(
        app, ["user", "add", "x", "--agency", "KH-NPA", "--role", "boss", "--db", db], env=ENV
    )
    assert result.exit_code == 1
    assert "'boss' is not a role" in str(result.exception)
