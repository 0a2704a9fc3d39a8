"""A partner disabled on this server reads no feed: TAXII and MISP answer as for a feed that
does not exist (404), never confirming it, and open again when it is enabled.

The partner here is a real network partner: an agency whose key card was made in its own
database and imported, with a liaison user on this server to read its feeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from taxii2client.v21 import Server

from fraudlink.access import add_user, create_token
from fraudlink.federation.partners import add_partner, set_enabled
from fraudlink.settings import Settings
from fraudlink.share.keys import export_card, init_agency
from fraudlink.store import open_database

Feeds = Any  # the conftest fixture's type; test modules cannot import conftest
CODE = "ID-POLRI"


@dataclass
class Partner:
    token: str
    event: str

    def paths(self) -> list[str]:
        return [
            f"taxii2/{CODE}/",
            f"taxii2/{CODE}/collections/",
            f"taxii2/{CODE}/collections/indicators/objects/",
            f"misp-feed/{CODE}/manifest.json",
            f"misp-feed/{CODE}/hashes.csv",
            f"misp-feed/{CODE}/{self.event}.json",
        ]


@pytest.fixture(scope="module")
def partner(served: Feeds, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Partner]:
    own = open_database(Settings(db=str(tmp_path_factory.mktemp("id") / "id.db")))
    try:
        with own.session() as session:
            init_agency(session, CODE, "Indonesian National Police", "ID", "x" * 16)
            card = export_card(session, CODE)
    finally:
        own.dispose()
    with served.database.session() as session:
        add_partner(session, CODE, "https://polri.example:8443", card, "kh_super")
        add_user(session, "id_feed", CODE, ["liaison"], None)
        token = create_token(session, "id_feed", 1).token
    release = served.publish(CODE)
    yield Partner(token, release.event_uuid)
    with served.database.session() as session:
        set_enabled(session, CODE, True, "kh_super")


def _statuses(served: Feeds, partner: Partner) -> list[int]:
    headers = {"Authorization": f"Bearer {partner.token}"}
    return [
        httpx.get(f"{served.base}/{p}", headers=headers, timeout=120).status_code
        for p in partner.paths()
    ]


def _enable(served: Feeds, enabled: bool) -> None:
    with served.database.session() as session:
        set_enabled(session, CODE, enabled, "kh_super")


def test_a_disabled_partner_reads_nothing_and_learns_nothing(
    served: Feeds, partner: Partner
) -> None:
    assert _statuses(served, partner) == [200] * len(partner.paths())
    _enable(served, False)
    try:
        assert _statuses(served, partner) == [404] * len(partner.paths())
        headers = {"Authorization": f"Bearer {partner.token}"}
        mine = httpx.get(f"{served.base}/misp-feed/{CODE}/manifest.json", headers=headers)
        other = httpx.get(f"{served.base}/misp-feed/TH-RTP/manifest.json", headers=headers)
        same = ("type", "title", "status")  # the same answer as for someone else's feed
        assert [mine.json()[k] for k in same] == [other.json()[k] for k in same]
        assert mine.json()["detail"].replace(CODE, "TH-RTP") == other.json()["detail"]
        assert partner.event not in mine.text
        server = Server(f"{served.base}/taxii2/", user="id", password=partner.token)
        assert server.api_roots == []
        th = httpx.get(f"{served.base}/taxii2/TH-RTP/collections/", headers=served.auth("th_feed"))
        assert th.status_code == 200  # other partners are unaffected
    finally:
        _enable(served, True)
    assert _statuses(served, partner) == [200] * len(partner.paths())
