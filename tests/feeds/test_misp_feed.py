"""The MISP feed as a MISP instance pulls it: manifest, event files, hashes.csv, read by PyMISP."""

from __future__ import annotations

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
        expected = event.manifest[uuid]
        assert entry.keys() == expected.keys()
        tags = [{"name": tag["name"]} for tag in expected.pop("Tag")]  # PyMISP adds defaults
        assert entry == expected | {"Tag": tags}, "the manifest is not PyMISP's for the event"
        values = {a.value for a in event.attributes}
        assert "+85512345678" in values and "invest-pro-kh.com" in values
        assert not values & {"+85599000001", "+85599000002"}, "RED or STRICT in an AMBER feed"
        assert not [o for o in event.objects if o.name in ("person", "organization")]
        assert {t.name for t in event.tags} <= {"tlp:clear", "tlp:green", "tlp:amber"}


def test_hashes_list_every_attribute_value(served: Feeds) -> None:
    uuid = served.first_release.event_uuid
    event = MISPEvent()
    event.load(_get(served, f"TH-RTP/{uuid}.json").json())
    lines = _get(served, "TH-RTP/hashes.csv").text.splitlines()
    listed = {tuple(line.split(",")) for line in lines}
    assert {(digest, uuid) for digest in event.attributes_hashes("md5")} <= listed
    assert len(lines) == len(listed), "a line is listed twice"
