"""Who may release what to a feed: a supervisor, the agency's own case, never RED."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from fraudlink.access import principal_for_name
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


def test_the_cli_releases_lists_and_withdraws(served: Feeds) -> None:
    db = ["--db", served.database.settings.db, "--by", "kh_super", "--json"]
    released = CliRunner().invoke(app, ["feed", "release", CASE, "--to", "MY-PDRM", *db])
    assert released.exit_code == 0, released.output
    row = json.loads(released.output)
    assert row["partner"] == "MY-PDRM" and row["indicators"] > 0 and row["withdrawn_at"] is None
    listed = CliRunner().invoke(app, ["feed", "list", *db])
    assert row["id"] in [json.loads(line)["id"] for line in listed.output.splitlines()]
    withdrawn = CliRunner().invoke(app, ["feed", "withdraw", str(row["id"]), *db])
    assert json.loads(withdrawn.output)["withdrawn_at"] is not None
    red = CliRunner().invoke(app, ["feed", "release", CASE, "--to", "MY-PDRM", "--tlp", "RED", *db])
    assert red.exit_code != 0 and "RED never enters a feed" in str(red.exception)
