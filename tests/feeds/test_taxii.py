"""The TAXII 2.1 server as a partner's tool reads it: taxii2-client against a real server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
import requests
from stix2validator import ValidationOptions, validate_instance
from taxii2client.common import TokenAuth
from taxii2client.v21 import ApiRoot, Collection, Server, as_pages

from fraudlink.share.feeds.build import pattern_of

Feeds = Any  # the conftest fixture's type; test modules cannot import conftest
TAXII = "application/taxii+json;version=2.1"


def _server(served: Feeds, user: str = "th_feed") -> Server:
    return Server(f"{served.base}/taxii2/", user=user, password=served.tokens[user])


def _collection(served: Feeds, name: str, user: str = "th_feed") -> Collection:
    root = _server(served, user).api_roots[0]
    return next(c for c in root.collections if c.title == name)


def _all(collection: Collection, per_request: int, **filters: Any) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for page in as_pages(collection.get_objects, per_request=per_request, **filters):
        objects.extend(page.get("objects", []))
    return objects


def test_discovery_api_root_and_collections(served: Feeds) -> None:
    server = _server(served)
    assert server.title == "fraudlink TAXII 2.1"
    assert [root.url for root in server.api_roots] == [f"{served.base}/taxii2/TH-RTP/"]
    assert server.default.url == f"{served.base}/taxii2/TH-RTP/"
    root = server.api_roots[0]
    assert root.versions == [TAXII]
    assert {c.title for c in root.collections} == {"indicators", "networks"}
    assert all(c.can_read and not c.can_write for c in root.collections)


def test_objects_paginate_validate_and_stay_within_the_release(served: Feeds) -> None:
    collection = _collection(served, "indicators")
    objects = _all(collection, per_request=7)
    ids = [o["id"] for o in objects]
    assert len(ids) == len(set(ids)), "a page repeated an object"
    assert len(ids) > 7 * 3, "not enough objects to page through"
    for obj in objects:
        result = validate_instance(obj, ValidationOptions(version="2.1"))
        assert result.is_valid, (obj, [str(e) for e in result.errors])
    patterns = {o["pattern"] for o in objects if o["type"] == "indicator"}
    assert "[phone-number:value = '+85512345678']" in patterns
    assert "[bank-account:iban = 'GB82WEST12345698765432']" in patterns
    assert "[cryptocurrency-wallet:value = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT']" in patterns
    assert any(p.startswith("[url:value = ") for p in patterns)
    assert "[domain-name:value = 'invest-pro-kh.com']" in patterns
    text = str(objects)
    assert "+85599000001" not in text, "a TLP:RED identifier reached a feed"
    assert "+85599000002" not in text, "an AMBER+STRICT identifier passed an AMBER release"
    assert "Suspect" not in text and "Victim" not in text, "people reached a feed"
    markings = {ref for o in objects for ref in o.get("object_marking_refs", [])}
    assert "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1" not in markings


def test_networks_are_groupings_of_the_released_indicators(served: Feeds) -> None:
    indicators = {o["id"]: o for o in _all(_collection(served, "indicators"), 100)}
    groupings = [o for o in _all(_collection(served, "networks"), 100) if o["type"] == "grouping"]
    assert groupings
    for grouping in groupings:
        assert validate_instance(grouping, ValidationOptions(version="2.1")).is_valid
        assert set(grouping["object_refs"]) <= indicators.keys()
    shared = next(
        i
        for i in indicators.values()
        if i.get("pattern") == "[phone-number:value = '+85512345678']"
    )
    holding = [g for g in groupings if shared["id"] in g["object_refs"]]
    assert len(holding) == 1 and len(holding[0]["object_refs"]) >= 4


def test_added_after_returns_only_later_releases(served: Feeds) -> None:
    collection = _collection(served, "indicators")
    answer = httpx.get(collection.objects_url, headers=served.auth("th_feed"))
    earlier = {o["id"] for o in answer.json()["objects"] if o["type"] == "indicator"}
    last_seen = answer.headers["X-TAXII-Date-Added-Last"]
    second = served.publish("TH-RTP")
    later = _all(collection, per_request=10, added_after=last_seen)
    indicators = [o for o in later if o["type"] == "indicator"]
    assert len(indicators) == second.indicators > 0
    assert earlier.isdisjoint(o["id"] for o in indicators), "an old object came again"
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    assert collection.get_objects(added_after=future) == {"more": False}


def test_a_withdrawn_release_revokes_its_indicators(served: Feeds) -> None:
    collection = _collection(served, "indicators", user="la_feed")
    assert _all(collection, 100) == [], "nothing was released to LA-MPS yet"
    release = served.publish("LA-MPS")
    before = [o for o in _all(collection, 100) if o["type"] == "indicator"]
    assert before and not any(o.get("revoked") for o in before)
    served.withdraw(release.id)
    after = [o for o in _all(collection, 100) if o["type"] == "indicator"]
    assert {o["id"] for o in after} == {o["id"] for o in before}
    assert all(o["revoked"] is True and o["modified"] > o["created"] for o in after)
    versions = collection.get_object(before[0]["id"], version="all")["objects"]
    assert [v["revoked"] for v in versions] == [True]


def test_another_partners_root_is_not_found_and_no_token_is_refused(served: Feeds) -> None:
    root = ApiRoot(f"{served.base}/taxii2/TH-RTP/", user="vn", password=served.tokens["vn_feed"])
    with pytest.raises(requests.HTTPError) as refused:
        root.refresh()
    assert refused.value.response.status_code == 404
    assert refused.value.response.headers["content-type"] == TAXII
    error = refused.value.response.json()
    assert error["http_status"] == "404" and error["title"]
    kh = httpx.get(f"{served.base}/taxii2/TH-RTP/collections/", headers=served.auth("kh_liaison"))
    assert kh.status_code == 404
    for headers in ({}, {"Authorization": "Bearer flk_not_a_token"}, {"Authorization": "Basic !"}):
        answer = httpx.get(f"{served.base}/taxii2/", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["content-type"] == TAXII
        assert "Basic" in answer.headers["www-authenticate"]
    wrong_role = httpx.get(f"{served.base}/taxii2/", headers=served.auth("kh_super"))
    assert wrong_role.status_code == 403


def test_bearer_and_token_schemes_read_the_same_feed(served: Feeds) -> None:
    token = served.tokens["th_feed"]
    by_token = Server(f"{served.base}/taxii2/", auth=TokenAuth(token))
    assert by_token.api_roots[0].url.endswith("/taxii2/TH-RTP/")
    url = f"{served.base}/taxii2/TH-RTP/collections/indicators/objects/?limit=2"
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token}", "Accept": TAXII})
    assert answer.status_code == 200 and answer.headers["content-type"] == TAXII
    page = answer.json()
    assert page["more"] is True and len(page["objects"]) == 2
    again = httpx.get(url + f"&next={page['next']}", headers={"Authorization": f"Bearer {token}"})
    assert {o["id"] for o in again.json()["objects"]}.isdisjoint(o["id"] for o in page["objects"])


def test_a_pattern_escapes_quotes_and_backslashes() -> None:
    sco = {"type": "url", "value": "https://x.example/a'b\\c"}
    assert pattern_of(sco) == "[url:value = 'https://x.example/a\\'b\\\\c']"
    assert pattern_of({"type": "payment-card", "value": "411111******1111"}) is None


def test_manifest_and_versions_describe_the_objects(served: Feeds) -> None:
    collection = _collection(served, "indicators")
    page = collection.get_objects(limit=5)
    listed = collection.get_manifest(limit=5)
    assert [m["id"] for m in listed["objects"]] == [o["id"] for o in page["objects"]]
    assert all(m["media_type"] == "application/stix+json;version=2.1" for m in listed["objects"])
    indicator = next(o for o in _all(collection, 100) if o["type"] == "indicator")
    assert collection.object_versions(indicator["id"])["versions"] == [indicator["modified"]]
    assert collection.get_object(indicator["id"])["objects"] == [indicator]
