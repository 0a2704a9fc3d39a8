"""Packages and cases over the API, between two servers (KH-NPA and CN-MPS) with their own
databases: a case built through the API, a package made by the liaison officer, read and
approved by a supervisor who did not make it, downloaded, opened at the partner, corrected
and retracted. Then screening: a watchlist uploaded, ``/match`` in yente's shape, and the
``screen --all`` and person-resolution jobs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fraudlink.access import add_user, create_token
from fraudlink.api import create_app
from fraudlink.jobs.worker import run_one
from fraudlink.settings import Settings
from fraudlink.share import add_card, export_card, init_agency
from fraudlink.store import Database, open_database

API = "/api/v1"
PASSPHRASE = "passphrase of the agency"
KEY = {"X-Agency-Passphrase": PASSPHRASE}
PURPOSE = {"X-Purpose": "case KH-2026-007"}
USERS = {"liaison": ["liaison"], "super": ["supervisor"], "analyst": ["analyst"]}


@dataclass
class Office:
    client: TestClient
    database: Database
    tokens: dict[str, str]

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"} | PURPOSE


def _office(root: Path, code: str, country: str) -> Office:
    root.mkdir()
    database = open_database(Settings(db=str(root / "db.sqlite")))
    with database.session() as session:
        init_agency(session, code, code, country, PASSPHRASE)
        tokens = {}
        for user, roles in USERS.items():
            add_user(session, f"{code}-{user}", code, roles, None)
            tokens[user] = create_token(session, f"{code}-{user}", 1).token
    settings = Settings(
        db=str(root / "db.sqlite"),
        serve_jobs=False,
        package_dir=root / "packages",
        evidence_dir=root / "evidence",
    )
    client = TestClient(create_app(settings, database))
    return Office(client.__enter__(), database, tokens)


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    kh, cn = _office(tmp_path / "kh", "KH-NPA", "KH"), _office(tmp_path / "cn", "CN-MPS", "CN")
    with kh.database.session() as a, cn.database.session() as b:
        add_card(b, export_card(a))
        add_card(a, export_card(b))
    yield kh, cn
    for office in (kh, cn):
        office.client.__exit__(None, None, None)
        office.database.dispose()


def _case(kh: Office) -> None:
    """A case with a report and a suspect, built through the cases API."""
    report = {
        "id": "R-1",
        "agency": "KH-NPA",
        "reported_at": "2026-03-01T09:30:00Z",
        "country": "KH",
        "narrative": "Paid 500 USD to +855 12 345 678",
        "persons": [{"name": "Chen Zhi", "role": "suspect", "nationality": "CN"}],
    }
    post, who = kh.client.post, kh.auth("analyst")
    assert post(API + "/reports", json=[report], headers=who).status_code == 200
    body = {"reference": "KH-2026-007", "title": "Compound", "partners": ["CN-MPS"]}
    assert post(API + "/cases", json=body, headers=who).status_code == 201
    attached = post(
        API + "/cases/KH-2026-007/reports", json={"agency": "KH-NPA", "id": "R-1"}, headers=who
    )
    assert attached.status_code == 201, attached.text
    person = kh.client.get(API + "/persons", headers=who).json()["items"][0]["id"]
    added = post(
        API + "/cases/KH-2026-007/subjects",
        json={"entity": person, "role": "suspect"},
        headers=who,
    )
    subject = added.json()["subjects"][0]
    assert subject["next"][:2] == ["wanted", "located"]
    stepped = post(
        API + f"/cases/KH-2026-007/subjects/{subject['id']}/status",
        json={"status": "arrested", "on": "2026-03-04"},
        headers=who,
    )
    [step] = stepped.json()["history"]
    assert (step["status"], step["on"], step["agency"]) == ("arrested", "2026-03-04", "KH-NPA")
    again = post(
        API + f"/cases/KH-2026-007/subjects/{subject['id']}/status",
        json={"status": "wanted", "on": "2026-03-05"},
        headers=who,
    )
    assert again.status_code == 400 and "cannot become 'wanted'" in again.json()["detail"]
    seen = kh.client.get(API + "/cases/KH-2026-007", headers=who).json()
    assert seen["reports"] == ["KH-NPA/R-1"] and seen["subjects"][0]["next"][0] == "detained"


def test_a_package_from_case_to_partner_over_the_api(offices: tuple[Office, Office]) -> None:
    kh, cn = offices
    _case(kh)
    request = {"kind": "case_notification", "case": "KH-2026-007", "to": "CN-MPS"}
    made = kh.client.post(API + "/packages", json=request, headers=kh.auth("liaison") | KEY)
    assert made.status_code == 201, made.text
    package = made.json()["package_id"]
    assert made.json()["status"] == "awaiting_approval" and made.json()["file"] is None

    # the supervisor reads what will leave, then approves; the maker may not
    shown = kh.client.get(API + f"/packages/{package}", headers=kh.auth("super")).json()
    assert shown["safeguards"]["passed"] and shown["created_by"] == "KH-NPA-liaison"
    approve = API + f"/packages/{package}/approve"
    assert kh.client.post(approve, headers=kh.auth("liaison") | KEY).status_code == 403
    assert kh.client.post(approve, headers=kh.auth("super")).status_code == 422  # no passphrase
    approved = kh.client.post(approve, headers=kh.auth("super") | KEY)
    assert approved.status_code == 200 and approved.json()["status"] == "written", approved.text
    data = kh.client.get(approved.json()["file"], headers=kh.auth("liaison")).content

    # the partner uploads it; its inbox lists it
    upload = cn.auth("liaison") | KEY | {"Content-Type": "application/octet-stream"}
    opened = cn.client.post(API + "/packages/open", content=data, headers=upload)
    assert opened.status_code == 200, opened.text
    assert opened.json()["sender"] == "KH-NPA" and opened.json()["imported"]["report"] == 1
    inbox = cn.client.get(API + "/packages/inbox", headers=cn.auth("liaison")).json()
    assert [p["package_id"] for p in inbox["items"]] == [package]
    assert cn.client.get(API + f"/packages/{package}", headers=cn.auth("super")).status_code == 200
    assert kh.client.get(API + "/packages/inbox", headers=kh.auth("liaison")).json()["items"] == []

    # a correction waits for approval again; a retraction of it is written at once
    reason = {"reason": "the suspect's name in Han script"}
    corrected = kh.client.post(
        API + f"/packages/{package}/correct", json=reason, headers=kh.auth("liaison") | KEY
    )
    assert corrected.status_code == 201 and corrected.json()["status"] == "awaiting_approval"
    fixed = corrected.json()["package_id"]
    assert kh.client.post(API + f"/packages/{fixed}/approve", headers=kh.auth("super") | KEY)
    retracted = kh.client.post(
        API + f"/packages/{fixed}/retract", json=reason, headers=kh.auth("liaison") | KEY
    )
    assert retracted.status_code == 201 and retracted.json()["status"] == "written"
    outbox = kh.client.get(API + "/packages/outbox", headers=kh.auth("liaison")).json()
    states = {p["package_id"]: p["status"] for p in outbox["items"]}
    assert states[package] == "corrected" and states[fixed] == "retracted"

    # the safeguards refuse one: 422, and the outbox keeps it, "blocked", with the reason
    lowered = request | {"tlp": "CLEAR"}
    refused = kh.client.post(API + "/packages", json=lowered, headers=kh.auth("liaison") | KEY)
    assert refused.status_code == 422, refused.text
    outbox = kh.client.get(API + "/packages/outbox", headers=kh.auth("liaison")).json()
    [blocked] = [p for p in outbox["items"] if p["status"] == "blocked"]
    assert blocked["problems"] and "would lower it" in blocked["problems"][0]


def test_screening_over_the_api(offices: tuple[Office, Office]) -> None:
    kh, _ = offices
    _case(kh)
    listed = "name,birth_date,nationality\nChen Zhi,1987-05-01,CN\n"
    upload = kh.auth("super") | {"Content-Type": "application/octet-stream"}
    made = kh.client.put(API + "/watchlists/kh-list", content=listed.encode(), headers=upload)
    assert made.status_code == 201, made.text
    assert (
        kh.client.get(API + "/watchlists", headers=kh.auth("analyst")).json()["items"][0]["entries"]
        == 1
    )
    query = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["陈志"]}}}}
    for dataset in ("default", "kh-list"):
        answer = kh.client.post(API + f"/match/{dataset}", json=query, headers=kh.auth("analyst"))
        assert answer.status_code == 200, answer.text
        [result] = answer.json()["responses"]["q1"]["results"]
        assert result["schema"] == "Person" and "kh-list" in result["datasets"]
        assert {"score", "match", "features", "explanation"} <= result.keys()
    missing = kh.client.post(API + "/match/other", json=query, headers=kh.auth("analyst"))
    assert missing.status_code == 404
    bare = {"Authorization": f"Bearer {kh.tokens['analyst']}"}
    refused = kh.client.post(API + "/match/default", json=query, headers=bare)
    assert refused.status_code == 428, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert "X-Purpose" in refused.json()["detail"]
    _screening_audited(kh, result["id"])
    for kind in ("screen", "resolve"):
        queued = kh.client.post(API + f"/jobs/{kind}", headers=kh.auth("analyst"))
        assert queued.status_code == 202 and queued.json()["state"] == "queued"
        assert run_one(kh.database, "test-host:1")
        job = kh.client.get(API + f"/jobs/{queued.json()['id']}", headers=kh.auth("analyst"))
        assert job.json()["state"] == "done", job.json()
    assert job.json()["result"]["records"] >= 1


def _screening_audited(kh: Office, entry: str) -> None:
    """Each match is logged with its justification, and each list entry it returned."""
    from sqlalchemy import select

    from fraudlink.audit.tables import AuditEntryRow as AuditLog

    with kh.database.session() as session:
        rows = session.execute(
            select(AuditLog.action, AuditLog.record_type, AuditLog.record_id, AuditLog.purpose)
            .where(AuditLog.action == "read")
            .where(AuditLog.record_type.in_(["watchlist", "list_entry"]))
            .order_by(AuditLog.seq)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("read", "watchlist", "default", PURPOSE["X-Purpose"]),
        ("read", "list_entry", entry, PURPOSE["X-Purpose"]),
        ("read", "watchlist", "kh-list", PURPOSE["X-Purpose"]),
        ("read", "list_entry", entry, PURPOSE["X-Purpose"]),
    ]
