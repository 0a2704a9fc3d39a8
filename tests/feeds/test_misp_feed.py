"""The MISP feed as a MISP instance pulls it: manifest, event files, hashes.csv, read by PyMISP."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from pymisp import MISPEvent

Feeds = Any  # the conftest fixture's type; test modules cannot import conftest


def _get(served: Feeds, path: str, user: str = "th_feed") -> httpx.Response:
    return httpx.get(f"{served.base}/misp-feed/{path}", headers=served.auth(user))


def test_every_event_of_the_manifest_loads_in_pymisp(served: Feeds) -> None:
    manifest = _get(served, "TH-RTP/manifest.json")
    assert manifest.status_code == 200, manifest.text
    entries = manifest.json()
    assert served.first_release.event_uuid in entries
    for uuid, entry in entries.items():
        answer = _get(served, f"TH-RTP/{uuid}.json")
        assert answer.status_code == 200
        event = MISPEvent()
        event.load(answer.json())
        assert event.uuid == uuid and event.published
        assert set(entry) == set(event.manifest[uuid]), "manifest keys differ from PyMISP's"
        assert entry["info"] == event.info and entry["timestamp"] == int(
            event.timestamp.timestamp()
        )
        values = {a.value for a in event.attributes}
        assert "+85512345678" in values and "invest-pro.example" in values
        assert not values & {"+85599000001", "+85599000002"}, "RED or STRICT in an AMBER feed"
        assert not [o for o in event.objects if o.name in ("person", "organization")]
        assert {t.name for t in event.tags} <= {"tlp:clear", "tlp:green", "tlp:amber"}


def test_hashes_list_every_attribute_value(served: Feeds) -> None:
    uuid = served.first_release.event_uuid
    event = MISPEvent()
    event.load(_get(served, f"TH-RTP/{uuid}.json").json())
    lines = _get(served, "TH-RTP/hashes.csv").text.splitlines()
    listed = {tuple(line.split(",")) for line in lines}
    values = [a.value for a in event.attributes]
    values += [a.value for o in event.objects for a in o.attributes]
    for value in values:
        digest = hashlib.md5(str(value).encode(), usedforsecurity=False).hexdigest()
        assert (digest, uuid) in listed


def test_other_partners_and_strangers_find_nothing(served: Feeds) -> None:
    uuid = served.first_release.event_uuid
    assert _get(served, "TH-RTP/manifest.json", user="vn_feed").status_code == 404
    assert _get(served, f"TH-RTP/{uuid}.json", user="vn_feed").status_code == 404
    assert _get(served, "VN-MPS/manifest.json", user="vn_feed").json() == {}
    assert _get(served, f"VN-MPS/{uuid}.json", user="vn_feed").status_code == 404
    anonymous = httpx.get(f"{served.base}/misp-feed/TH-RTP/manifest.json")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"


def test_a_withdrawn_release_leaves_the_manifest(served: Feeds) -> None:
    release = served.publish("VN-MPS", "GREEN")
    assert release.event_uuid in _get(served, "VN-MPS/manifest.json", user="vn_feed").json()
    served.withdraw(release.id)
    assert _get(served, "VN-MPS/manifest.json", user="vn_feed").json() == {}
    assert _get(served, f"VN-MPS/{release.event_uuid}.json", user="vn_feed").status_code == 404
