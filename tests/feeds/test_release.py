"""Who may release what to a feed: a supervisor, the agency's own case, never RED."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from fraudlink.access import principal_for_name
from fraudlink.audit import last_entries
from fraudlink.cli.main import app
from fraudlink.errors import Forbidden, InputError, NotFound
from fraudlink.share import feeds

Feeds = Any  # the conftest fixture's type; test modules cannot import conftest
CASE = "KH-2026-FEED"


def _publish(served: Feeds, user: str, partner: str, case: str = CASE, tlp: str = "AMBER") -> Any:
    with served.database.session() as session:
        return feeds.publish(session, principal_for_name(session, user), partner, case, tlp)


def test_only_what_may_leave_is_released(served: Feeds) -> None:
    with pytest.raises(InputError, match="RED never enters a feed"):
        _publish(served, "kh_super", "TH-RTP", tlp="RED")
    with pytest.raises(Forbidden):
        _publish(served, "kh_liaison", "TH-RTP")
    with pytest.raises(InputError, match="your own agency"):
        _publish(served, "kh_super", "KH-NPA")
    with pytest.raises(NotFound):
        _publish(served, "kh_super", "TH-RTP", case="NO-SUCH-CASE")
    with pytest.raises(Forbidden):
        _publish(served, "th_feed", "VN-MPS")
    with pytest.raises(InputError, match="above --tlp GREEN"):
        _publish(served, "kh_super", "TH-RTP", tlp="GREEN")  # the case itself is AMBER


def test_a_release_counts_its_objects_and_is_listed(served: Feeds) -> None:
    first = served.first_release
    assert first.partner == "TH-RTP" and first.case == CASE and first.tlp == "AMBER"
    assert first.indicators >= 34 and first.networks >= 1
    with served.database.session() as session:
        listed = feeds.list_releases(session, principal_for_name(session, "kh_super"))
        assert first.id in {r.id for r in listed}
        with pytest.raises(NotFound):
            feeds.withdraw(session, principal_for_name(session, "kh_super"), 10**9)


def test_the_cli_releases_lists_and_withdraws_signed_in(served: Feeds) -> None:
    """The supervisor signs in (a token here); the audit log names that account."""
    db = ["--db", served.database.settings.db, "--json"]
    env = {"FRAUDLINK_TOKEN": served.tokens["kh_super"], "FRAUDLINK_USER": "someone_else"}

    def feed(*args: str, token: str = "kh_super") -> Any:
        return CliRunner().invoke(
            app, ["feed", *args, *db], env=env | {"FRAUDLINK_TOKEN": served.tokens[token]}
        )

    released = feed("release", CASE, "--to", "MY-PDRM")
    assert released.exit_code == 0, released.output
    row = json.loads(released.output)
    assert row["partner"] == "MY-PDRM" and row["indicators"] > 0 and row["withdrawn_at"] is None
    assert row["approved_by"] == "kh_super"
    with served.database.engine.connect() as connection:
        [entry] = last_entries(connection, 1)
    assert entry.user == "kh_super"
    listed = feed("list")
    assert row["id"] in [json.loads(line)["id"] for line in listed.output.splitlines()]
    withdrawn = feed("withdraw", str(row["id"]))
    assert json.loads(withdrawn.output)["withdrawn_at"] is not None
    red = feed("release", CASE, "--to", "MY-PDRM", "--tlp", "RED")
    assert red.exit_code != 0 and "RED never enters a feed" in str(red.exception)
    assert isinstance(feed("release", CASE, "--to", "MY-PDRM", token="kh_liaison").exception,
                      Forbidden)  # fmt: skip
    typed = feed("release", CASE, "--to", "MY-PDRM", "--by", "kh_super")
    assert typed.exit_code == 2 and "No such option: --by" in typed.output


def test_the_cli_asks_who_signs_in(served: Feeds) -> None:
    released = CliRunner().invoke(
        app, ["feed", "release", CASE, "--to", "MY-PDRM", "--db", served.database.settings.db],
        env={"FRAUDLINK_USER": "kh_super", "FRAUDLINK_TOKEN": ""},
    )  # fmt: skip
    assert released.exit_code == 1 and "give --user NAME" in str(released.exception)
