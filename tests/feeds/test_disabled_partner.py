"""A partner disabled on this server reads no feed: TAXII and MISP answer as for a feed that
does not exist (404), never confirming it, and open again when it is enabled."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from taxii2client.v21 import Server

from fraudlink.federation.partners import add_partner, set_enabled
from fraudlink.share.keys import export_card

Feeds = Any  # the conftest fixture's type; test modules cannot import conftest
PATHS = (
    "taxii2/TH-RTP/",
    "taxii2/TH-RTP/collections/",
    "taxii2/TH-RTP/collections/indicators/objects/",
    "misp-feed/TH-RTP/manifest.json",
    "misp-feed/TH-RTP/hashes.csv",
)


@pytest.fixture
def disabled(served: Feeds) -> Iterator[None]:
    with served.database.session() as session:
        card = export_card(session, "TH-RTP")
        add_partner(session, "TH-RTP", "https://th.example:8443", card, "kh_super")
        set_enabled(session, "TH-RTP", False, "kh_super")
    try:
        yield
    finally:
        with served.database.session() as session:
            set_enabled(session, "TH-RTP", True, "kh_super")


def _statuses(served: Feeds, user: str = "th_feed") -> list[int]:
    return [httpx.get(f"{served.base}/{p}", headers=served.auth(user)).status_code for p in PATHS]


def test_a_disabled_partner_reads_nothing_and_learns_nothing(served: Feeds, disabled: None) -> None:
    assert _statuses(served) == [404] * len(PATHS)
    event = httpx.get(
        f"{served.base}/misp-feed/TH-RTP/{served.first_release.event_uuid}.json",
        headers=served.auth("th_feed"),
    )
    assert event.status_code == 404
    assert served.first_release.event_uuid not in event.text
    unknown = httpx.get(
        f"{served.base}/misp-feed/ZZ-NONE/manifest.json", headers=served.auth("th_feed")
    )
    assert event.json()["title"] == unknown.json()["title"]  # the same answer as for nothing
    server = Server(f"{served.base}/taxii2/", user="th", password=served.tokens["th_feed"])
    assert server.api_roots == []
    assert _statuses(served, "vn_feed")[0] == 404  # others are unaffected: still only their own


def test_enabled_again_the_feeds_answer(served: Feeds, disabled: None) -> None:
    with served.database.session() as session:
        set_enabled(session, "TH-RTP", True, "kh_super")
    assert _statuses(served) == [200] * len(PATHS)
