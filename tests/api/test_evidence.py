"""Evidence over the API: a file streamed to a case, hashed, its chain of custody started and
continued by each download; other agencies find nothing; reads need a purpose and are audited."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from fraudlink.share.custody import check_chain

Server = Any  # the conftest fixture's type; test modules cannot import conftest
API = "/api/v1"
QUERY = "name=chat%20log.txt&method=seized%20phone&authorisation=warrant%202026%2F17"
FILE = {"Content-Type": "application/octet-stream"}


def _case(server: Server) -> None:
    case = {"reference": "KH-E", "title": "evidence", "tlp": "AMBER"}
    made = server.client.post(API + "/cases", json=case, headers=server.auth("kh_analyst"))
    assert made.status_code == 201, made.text


def _chunks(data: bytes) -> Iterator[bytes]:
    for start in range(0, len(data), 7000):
        yield data[start : start + 7000]


def test_evidence_upload_download_and_custody(server: Server) -> None:
    _case(server)
    data = bytes(range(256)) * 200  # 51 200 bytes, sent in chunks
    kh = server.auth("kh_analyst") | FILE
    url = f"{API}/cases/KH-E/evidence?{QUERY}&acquired_by=Sgt%20Dara"
    made = server.client.post(url, content=_chunks(data), headers=kh)
    assert made.status_code == 201, made.text
    item = made.json()
    assert item["sha256"] == hashlib.sha256(data).hexdigest() and item["size"] == len(data)
    assert item["acquisition"]["by"] == "Sgt Dara" and item["held"]
    assert [e["action"] for e in item["custody"]] == ["acquired", "uploaded"]

    again = server.client.post(url, content=data, headers=kh)  # the same file: one item
    assert again.status_code == 201 and again.json()["sha256"] == item["sha256"]

    download = server.client.get(
        f"{API}/cases/KH-E/evidence/{item['sha256']}", headers=server.auth("kh_analyst")
    )
    assert download.status_code == 200 and download.content == data
    assert download.headers["x-evidence-sha256"] == item["sha256"]
    assert "chat%20log.txt" in download.headers["content-disposition"]

    listed = server.client.get(API + "/cases/KH-E/evidence", headers=server.auth("kh_analyst"))
    [logged] = listed.json()["items"]
    actions = [e["action"] for e in logged["custody"]]
    assert actions == ["acquired", "uploaded", "uploaded", "downloaded"]
    check_chain(item["sha256"], logged["custody"])  # every link follows the previous one

    audit = server.client.get(API + "/audit?limit=200", headers=server.auth("kh_auditor")).json()
    reads = [e for e in audit["items"] if e["record_type"] == "evidence_item"]
    assert len(reads) == 2 and {e["purpose"] for e in reads} == {"case TEST-1"}


def test_evidence_is_scoped_and_needs_its_record(server: Server) -> None:
    _case(server)
    kh = server.auth("kh_analyst") | FILE
    made = server.client.post(f"{API}/cases/KH-E/evidence?{QUERY}", content=b"x", headers=kh)
    sha = made.json()["sha256"]
    for user in ("th_analyst", "pp_analyst"):  # another agency, and a unit of KH-NPA
        listed = server.client.get(API + "/cases/KH-E/evidence", headers=server.auth(user))
        got = server.client.get(f"{API}/cases/KH-E/evidence/{sha}", headers=server.auth(user))
        assert (listed.status_code, got.status_code) == (404, 404), user
        assert got.headers["content-type"] == "application/problem+json"
    th = server.auth("th_analyst") | FILE
    theirs = server.client.post(f"{API}/cases/KH-E/evidence?{QUERY}", content=b"y", headers=th)
    assert theirs.status_code == 404

    bare = server.auth("kh_analyst", purpose=False)
    refused = server.client.get(f"{API}/cases/KH-E/evidence/{sha}", headers=bare)
    assert refused.status_code == 428 and "X-Purpose" in refused.json()["detail"]

    no_warrant = f"{API}/cases/KH-E/evidence?name=a.txt&method=seized"
    assert server.client.post(no_warrant, content=b"z", headers=kh).status_code == 422
    blank = f"{API}/cases/KH-E/evidence?name=a.txt&method=%20&authorisation=w"
    answer = server.client.post(blank, content=b"z", headers=kh)
    assert answer.status_code == 400 and "authorisation" in answer.json()["detail"]
    empty = server.client.post(f"{API}/cases/KH-E/evidence?{QUERY}", content=b"", headers=kh)
    assert empty.status_code == 400 and "empty" in empty.json()["detail"]
    leftovers = list(server.client.app.state.settings.evidence_dir.glob(".upload-*"))
    assert leftovers == []  # refused uploads leave no spool file behind


def test_evidence_released_into_a_joint_case_and_withdrawn(server: Server) -> None:
    """The lead agency releases one item: members see and download exactly it, until the
    release is withdrawn; nobody else can release the lead's item."""
    _case(server)
    kh = server.auth("kh_analyst") | FILE
    url = f"{API}/cases/KH-E/evidence?{QUERY}"
    shared = server.client.post(url, content=b"shared file", headers=kh).json()["sha256"]
    server.client.post(url, content=b"kept file", headers=kh)
    joint = {"reference": "JIT-E", "title": "Compound", "members": ["TH-RTP"]}
    made = server.client.post(API + "/joint-cases", json=joint, headers=server.auth("kh_liaison"))
    assert made.status_code == 201, made.text
    body = {"record_type": "evidence_item", "case": "KH-E", "id": shared, "tlp": "AMBER"}
    releases = f"{API}/joint-cases/JIT-E/releases"
    taken = server.client.post(releases, json=body, headers=server.auth("th_liaison"))
    assert taken.status_code == 404  # a member cannot release the lead agency's item
    weaker = server.client.post(releases, json=body | {"tlp": "CLEAR"},
                                headers=server.auth("kh_liaison"))  # fmt: skip
    assert weaker.status_code == 400
    released = server.client.post(releases, json=body, headers=server.auth("kh_liaison"))
    assert released.status_code == 201, released.text

    th = server.auth("th_analyst")
    listed = server.client.get(f"{API}/cases/KH-E/evidence", headers=th)
    assert [item["sha256"] for item in listed.json()["items"]] == [shared]
    got = server.client.get(f"{API}/cases/KH-E/evidence/{shared}", headers=th)
    assert got.status_code == 200 and got.content == b"shared file"
    custody = server.client.get(f"{API}/cases/KH-E/evidence", headers=server.auth("kh_analyst"))
    [item] = [i for i in custody.json()["items"] if i["sha256"] == shared]
    assert item["custody"][-1]["action"] == "downloaded"

    [release] = server.client.get(f"{API}/joint-cases/JIT-E", headers=th).json()["releases"]
    gone = server.client.delete(f"{releases}/{release['id']}", headers=server.auth("kh_liaison"))
    assert gone.status_code == 200, gone.text
    after = server.client.get(f"{API}/cases/KH-E/evidence/{shared}", headers=th)
    assert after.status_code == 404
