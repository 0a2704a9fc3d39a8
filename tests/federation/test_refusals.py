"""A real server refuses replayed, unsigned, unknown-key and wrong-digest requests, and logs each.

The requests are made by hand here, signed with the same function the
servers use, so each one differs from a good request in exactly one way.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fraudlink.audit import last_entries
from fraudlink.federation.partners import Identity, check_partner
from fraudlink.federation.signing import sign_request, verify_document

HELLO = "/api/v1/federation/hello?challenge=abc"
PACKAGE = "0b3c6a9e-4a2f-4a57-9c1e-3f8e2a1d5b60"


def signed(node: Any, path: str, keyid: str, key: Ed25519PrivateKey, body: bytes = b"",
           method: str = "GET", digest_of: bytes | None = None) -> httpx.Response:  # fmt: skip
    url = node.base + path
    sha = hashlib.sha256(body if digest_of is None else digest_of).digest()
    headers = sign_request(method, url, sha, keyid, key)
    return httpx.request(method, url, headers=headers, content=body, timeout=30)


@pytest.mark.slow
def test_refused_requests_are_logged(mesh: Any, kit: Any) -> None:
    kh, th = mesh(["KH-NPA", "TH-RTP"])
    th.start()
    key = Identity(kh.db, kit.passphrase).keys().signing
    # `partner test`: a signed request, a signed answer verified with the trusted card
    answer = check_partner(kh.db, "TH-RTP", kit.passphrase)
    assert answer["hello"] == "KH-NPA"

    good = sign_request("GET", th.base + HELLO, hashlib.sha256(b"").digest(), "KH-NPA", key)
    first = httpx.get(th.base + HELLO, headers=good, timeout=30)
    assert first.status_code == 200
    verify_document(first.json(), "TH-RTP", Identity(th.db, kit.passphrase).keys().signing
                    .public_key())  # fmt: skip
    replay = httpx.get(th.base + HELLO, headers=good, timeout=30)
    assert replay.status_code == 401 and replay.headers["content-type"] == "application/problem+json"

    assert httpx.get(th.base + HELLO, timeout=30).status_code == 401  # unsigned
    stranger = Ed25519PrivateKey.generate()
    assert signed(th, HELLO, "XX-NOBODY", stranger).status_code == 401  # unknown key
    assert signed(th, HELLO, "KH-NPA", stranger).status_code == 401  # KH's name, not its key
    chunk = f"/api/v1/federation/packages/{PACKAGE}?offset=0&total=5&sha256={'0' * 64}"
    wrong = signed(th, chunk, "KH-NPA", key, b"hello", "PUT", digest_of=b"HELLO")
    assert wrong.status_code == 401  # the body is not what the signed digest says
    assert not list((th.spool / "incoming").glob("*.part"))  # nothing of it was written
    bearer = httpx.get(th.base + HELLO, headers={"Authorization": "Bearer x"}, timeout=30)
    assert bearer.status_code == 401  # a user token is no way in

    with th.db.engine.connect() as conn:
        refused = [e for e in last_entries(conn, 50) if e.action == "refuse"]
    reasons = [str(json.loads(e.detail).get("reason")) for e in refused]
    assert reasons.count("replay") == 1 and reasons.count("wrong digest") == 1
    assert reasons.count("unknown key") == 1 and reasons.count("unsigned") == 2
    assert sum(r.startswith("bad signature") for r in reasons) == 1
    assert {e.agency for e in refused if "wrong digest" in e.detail} == {"KH-NPA"}
