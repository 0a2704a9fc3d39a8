"""The scoping rules, one by one: units, TLP:RED, joint cases, opened packages, audit."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select, update

from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store.schema import Agency, Report

API = "/api/v1"


def status(server: Any, user: str, path: str) -> int:
    return int(server.client.get(API + path, headers=server.auth(user)).status_code)


def test_an_agency_sees_its_units_but_a_unit_not_its_parent(loaded: Any) -> None:
    assert status(loaded, "kh_analyst", "/reports/KH-PP/PP-1") == 200
    assert status(loaded, "pp_analyst", "/reports/KH-NPA/KH-1") == 404
    assert status(loaded, "th_analyst", "/reports/KH-PP/PP-1") == 404


def test_red_is_seen_only_by_named_people(loaded: Any) -> None:
    assert status(loaded, "kh_analyst", "/reports/KH-NPA/KH-RED") == 200  # submitted it
    assert status(loaded, "kh_liaison", "/reports/KH-NPA/KH-RED") == 404
    found = loaded.client.get(API + "/reports?limit=200", headers=loaded.auth("kh_liaison"))
    assert "KH-RED" not in found.text and "KH-1" in found.text


def test_a_missing_record_and_a_hidden_one_answer_alike(loaded: Any) -> None:
    hidden = loaded.client.get(API + "/reports/KH-NPA/KH-1", headers=loaded.auth("th_analyst"))
    missing = loaded.client.get(API + "/reports/KH-NPA/NOPE", headers=loaded.auth("th_analyst"))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["title"] == missing.json()["title"]


def test_identifiers_are_normalised_and_scoped(loaded: Any) -> None:
    kh = loaded.auth("kh_analyst")
    written = loaded.client.get(API + "/identifiers/phone/+855 12 345 678", headers=kh).json()
    local = loaded.client.get(API + "/identifiers/phone/012345678?country=KH", headers=kh).json()
    assert written == local
    assert {r["agency"] for r in written["reports"]} == {"KH-NPA", "KH-PP"}
    th = loaded.client.get(
        API + "/identifiers/phone/012345678?country=KH", headers=loaded.auth("th_analyst")
    ).json()
    assert [(r["agency"], r["id"]) for r in th["reports"]] == [("TH-RTP", "TH-1")]
    vn = loaded.client.get(
        API + "/identifiers/phone/012345678?country=KH", headers=loaded.auth("vn_liaison")
    )
    assert vn.status_code == 404


def _joint(server: Any) -> None:
    body = {"reference": "JIT-1", "title": "Compound", "members": ["TH-RTP"], "tlp": "AMBER"}
    made = server.client.post(API + "/joint-cases", json=body, headers=server.auth("kh_liaison"))
    assert made.status_code == 201, made.text
    assert made.json()["members"] == ["KH-NPA", "TH-RTP"]


def test_joint_case_release_and_withdrawal(loaded: Any) -> None:
    _joint(loaded)
    kh, post = loaded.auth("kh_liaison"), loaded.client.post
    assert status(loaded, "th_analyst", "/reports/KH-NPA/KH-1") == 404
    weaker = {"agency": "KH-NPA", "id": "KH-1", "tlp": "GREEN"}
    assert post(API + "/joint-cases/JIT-1/releases", json=weaker, headers=kh).status_code == 400
    release = {"agency": "KH-NPA", "id": "KH-1", "tlp": "AMBER"}
    made = post(API + "/joint-cases/JIT-1/releases", json=release, headers=kh)
    assert made.status_code == 201, made.text
    assert status(loaded, "th_analyst", "/reports/KH-NPA/KH-1") == 200
    assert status(loaded, "th_analyst", "/reports/KH-PP/PP-1") == 404  # not released
    assert status(loaded, "vn_liaison", "/reports/KH-NPA/KH-1") == 404  # not a member
    assert status(loaded, "vn_liaison", "/joint-cases/JIT-1") == 404
    theirs = {"agency": "KH-NPA", "id": "KH-1", "tlp": "RED"}
    th = loaded.auth("th_liaison")
    assert post(API + "/joint-cases/JIT-1/releases", json=theirs, headers=th).status_code == 404
    release_id = made.json()["releases"][0]["id"]
    gone = loaded.client.delete(API + f"/joint-cases/JIT-1/releases/{release_id}", headers=kh)
    assert gone.status_code == 200 and gone.json()["releases"] == []
    assert status(loaded, "th_analyst", "/reports/KH-NPA/KH-1") == 404


def test_what_an_opened_package_brought_is_seen_until_retracted(loaded: Any) -> None:
    with loaded.database.session() as session:
        ids = dict(session.execute(select(Agency.code, Agency.id)).all())
        report_id = session.scalar(select(Report.id).where(Report.external_id == "KH-1"))
        package = SharePackage(
            package_id="00000000-0000-0000-0000-000000000001",
            direction="inbound",
            kind="case",
            status="received",
            sender_id=ids["KH-NPA"],
            recipient_id=ids["TH-RTP"],
            tlp="AMBER",
            reliability="B",
            accuracy=2,
            purpose="investigation",
            created_by="someone",
            created_at=dt.datetime.now(dt.UTC),
            opened_at=dt.datetime.now(dt.UTC),
        )
        session.add(package)
        session.flush()
        session.add(ShareRecord(package_id=package.id, table_name="report", record_id=report_id))
    assert status(loaded, "th_analyst", "/reports/KH-NPA/KH-1") == 200
    assert status(loaded, "vn_liaison", "/reports/KH-NPA/KH-1") == 404
    with loaded.database.session() as session:
        session.execute(update(ShareRecord).values(state="retracted"))
    assert status(loaded, "th_analyst", "/reports/KH-NPA/KH-1") == 404


def test_personal_reads_need_a_purpose_and_are_audited(loaded: Any) -> None:
    bare = loaded.auth("kh_analyst", purpose=False)
    refused = loaded.client.get(API + "/reports/KH-NPA/KH-1", headers=bare)
    assert refused.status_code == 428
    assert "X-Purpose" in refused.json()["detail"]
    assert status(loaded, "kh_analyst", "/reports/KH-NPA/KH-1") == 200
    page = loaded.client.get(API + "/audit?limit=200", headers=loaded.auth("kh_auditor")).json()
    reads = [e for e in page["items"] if e["action"] == "read" and e["user"] == "kh_analyst"]
    assert reads and reads[-1]["purpose"] == "case TEST-1"
    theirs = loaded.client.get(API + "/audit?limit=200", headers=loaded.auth("th_auditor"))
    assert all(e["agency"] == "TH-RTP" for e in theirs.json()["items"])
    assert status(loaded, "kh_analyst", "/audit") == 403


def test_submission_answers_per_line_and_keeps_to_own_agencies(loaded: Any) -> None:
    lines = [
        loaded.report("TH-RTP", "TH-1", "Thai victim paid +855 12 345 678"),
        loaded.report("TH-RTP", "TH-3", "new"),
        loaded.report("KH-NPA", "KH-X", "pretending to be KH"),
        {"id": "TH-4", "agency": "TH-RTP"},
    ]
    body = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n"
    headers = loaded.auth("th_analyst") | {"Content-Type": "application/x-ndjson"}
    answer = loaded.client.post(API + "/reports", content=body, headers=headers).json()
    assert [(r["line"], r["status"]) for r in answer["lines"]] == [
        (1, "unchanged"),
        (2, "loaded"),
        (3, "rejected"),
        (4, "rejected"),
        (5, "rejected"),
    ]
    assert "not one you act for" in answer["lines"][2]["reason"]
    assert answer["lines"][3]["reason"] == "missing required field 'reported_at'"
    assert status(loaded, "kh_analyst", "/reports/KH-NPA/KH-X") == 404
