"""The access matrix, generated from the app's route table.

Every route is called as every kind of caller: no token, an expired token, a
revoked token, a user of the owning agency without the route's role, a user of
another agency (a member of the joint case and not), and the owner. Each answer
must have the expected status, and no body may carry a record of another
agency that was not released to the caller. A route with no policy, or with no
call described here, fails the test: new endpoints must join the matrix.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import update

from fraudlink.access import create_token, revoke_token
from fraudlink.access.tables import ApiToken
from fraudlink.api.app import feed_route_table, route_table
from fraudlink.api.policy import POLICIES, Policy
from fraudlink.link import link_reports
from fraudlink.public.disputes import file_dispute
from fraudlink.settings import Settings
from fraudlink.share import add_card, export_card, init_agency
from fraudlink.store import open_database

Server = Any  # the conftest fixture's type; test modules cannot import conftest

#: Text only KH-NPA's unreleased records carry; no other agency's answer may hold it.
KH_ONLY = (
    "[KH-NPA only] Informant",
    "Victim of KH-2",
    "Suspect KH-2",
    "Suspect KH-3",
    '"KH-2"',
)


@dataclass(frozen=True)
class Call:
    """How to call a route; ``other`` is the status for another agency's user."""

    method: str
    path: str
    body: Callable[[str], Any] | None = None
    other: int = 200
    member: int | None = None  # for joint-case routes: a member agency's user
    owner: int = 200
    content: dict[str, str] = field(default_factory=dict)


def _joint(caller: str) -> dict[str, object]:
    return {"reference": f"JIT-{caller}", "title": "matrix", "members": []}


KEY = {"X-Agency-Passphrase": "passphrase for tests"}
LISTED = b"name,nationality\nChen Zhi,CN\n"


def _package(_: str) -> dict[str, object]:
    return {"kind": "case_notification", "case": "KH-M", "to": "CN-MPS", "tlp": "AMBER"}


def _report_lines(caller: str) -> list[dict[str, object]]:
    return [{"id": f"M-{caller}", "agency": "KH-NPA", "reported_at": "2026-03-01", "narrative": ""}]


EVIDENCE_QUERY = "name=chat.png&method=seized%20phone&authorisation=warrant%2017"
INDICATOR = "/taxii2/TH-RTP/collections/indicators/objects/indicator--0"
PACKAGE = "0b3c6a9e-4a2f-4a57-9c1e-3f8e2a1d5b60"
CALLS: dict[str, Call] = {
    "health": Call("GET", "/api/v1/health"),
    "whoami": Call("GET", "/api/v1/me"),
    "submit_reports": Call("POST", "/api/v1/reports", _report_lines),
    "search_reports": Call("GET", "/api/v1/reports"),
    "get_report": Call("GET", "/api/v1/reports/KH-NPA/KH-2", other=404),
    "get_identifier": Call("GET", "/api/v1/identifiers/phone/012345678?country=KH"),
    "list_networks": Call("GET", "/api/v1/networks"),
    "get_network": Call("GET", "/api/v1/networks/{kh_network}"),
    "get_network_graph": Call("GET", "/api/v1/networks/{kh_network}/graph"),
    "list_network_players": Call("GET", "/api/v1/networks/{kh_network}/players"),
    "explain_link": Call("GET", "/api/v1/networks/explain?a=KH-NPA/KH-1&b=KH-NPA/KH-2", other=404),
    "trace_money": Call("GET", "/api/v1/trace?account=KH-ABA:000123", other=404, owner=404),
    "list_persons": Call("GET", "/api/v1/persons"),
    "get_person": Call("GET", "/api/v1/persons/{kh_person}", other=404),
    "list_joint_cases": Call("GET", "/api/v1/joint-cases"),
    "create_joint_case": Call("POST", "/api/v1/joint-cases", _joint, other=201, owner=201),
    "get_joint_case": Call("GET", "/api/v1/joint-cases/JIT-1", other=404, member=200),
    "add_joint_case_member": Call(
        "POST", "/api/v1/joint-cases/JIT-1/members", lambda _: {"agency": "KH-PP"}, other=404
    ),
    "release_to_joint_case": Call(
        "POST",
        "/api/v1/joint-cases/JIT-1/releases",
        lambda _: {"record_type": "report", "agency": "KH-NPA", "id": "KH-2", "tlp": "AMBER"},
        other=404,
        member=404,
        owner=201,
    ),
    "withdraw_from_joint_case": Call(
        "DELETE", "/api/v1/joint-cases/JIT-1/releases/{release}", other=404, member=404
    ),
    "list_audit": Call("GET", "/api/v1/audit"),
    "submit_ingest_job": Call("POST", "/api/v1/jobs/ingest", _report_lines, other=202, owner=202),
    "submit_link_job": Call("POST", "/api/v1/jobs/link", other=202, owner=202),
    "list_jobs": Call("GET", "/api/v1/jobs"),
    "get_job": Call("GET", "/api/v1/jobs/{kh_job}", other=404),
    "list_disputes": Call("GET", "/api/v1/disputes"),
    "get_dispute": Call("GET", "/api/v1/disputes/{dispute}"),
    "decide_dispute": Call(
        "POST", "/api/v1/disputes/{dispute}/decision", lambda _: {"decision": "withdraw"}
    ),
    "submit_screen_job": Call("POST", "/api/v1/jobs/screen", other=202, owner=202),
    "submit_resolve_job": Call("POST", "/api/v1/jobs/resolve", other=202, owner=202),
    # packages: another agency's are not found; KH-M is a case only KH-NPA may send
    "create_package": Call("POST", "/api/v1/packages", _package, other=404, owner=201, content=KEY),
    "list_inbox": Call("GET", "/api/v1/packages/inbox"),
    "list_outbox": Call("GET", "/api/v1/packages/outbox"),
    "open_package": Call(
        "POST",
        "/api/v1/packages/open",
        lambda _: b"not a package",
        other=422,
        owner=422,
        content=KEY,
    ),
    "get_package": Call("GET", "/api/v1/packages/{waiting}", other=404),
    "approve_package": Call("POST", "/api/v1/packages/{waiting}/approve", other=404, content=KEY),
    "retract_package": Call(
        "POST",
        "/api/v1/packages/{sent}/retract",
        lambda _: {"reason": "wrong desk"},
        other=404,
        owner=201,
        content=KEY,
    ),
    "correct_package": Call(
        "POST",
        "/api/v1/packages/{sent}/correct",
        lambda _: {"reason": "a typo"},
        other=404,
        owner=201,
        content=KEY,
    ),
    "download_package": Call("GET", "/api/v1/packages/{sent}/file", other=404),
    # cases are their lead agency's
    "list_cases": Call("GET", "/api/v1/cases"),
    "open_case": Call(
        "POST",
        "/api/v1/cases",
        lambda who: {"reference": f"C-{who}", "title": "t"},
        other=201,
        owner=201,
    ),
    "get_case": Call("GET", "/api/v1/cases/KH-M", other=404),
    "attach_case_report": Call(
        "POST",
        "/api/v1/cases/KH-M/reports",
        lambda _: {"agency": "KH-NPA", "id": "KH-2"},
        other=404,
        owner=201,
    ),
    "add_case_subject": Call(
        "POST",
        "/api/v1/cases/KH-M/subjects",
        lambda _: {"entity": int(str(_VALUES["kh_person"])), "role": "witness"},
        other=404,
        owner=201,
    ),
    "record_subject_status": Call(
        "POST",
        "/api/v1/cases/KH-M/subjects/{subject}/status",
        lambda _: {"status": "wanted", "on": "2026-03-01"},
        other=404,
        owner=201,
    ),
    # evidence of KH-M: KH-NPA uploads and reads it; another agency finds no such case
    "attach_case_evidence": Call(
        "POST",
        "/api/v1/cases/KH-M/evidence?" + EVIDENCE_QUERY,
        lambda who: f"screenshot taken by {who}".encode(),
        other=404,
        owner=201,
    ),
    "list_case_evidence": Call("GET", "/api/v1/cases/KH-M/evidence", other=404),
    "download_case_evidence": Call("GET", "/api/v1/cases/KH-M/evidence/{evidence}", other=404),
    # lists are shared by the agencies of the server; the member removes "m1" before the owner
    "list_watchlists": Call("GET", "/api/v1/watchlists"),
    "import_watchlist": Call(
        "PUT", "/api/v1/watchlists/m2?force=true", lambda _: LISTED, other=201, owner=201
    ),
    "remove_watchlist": Call("DELETE", "/api/v1/watchlists/m1", other=200, owner=404),
    "match": Call(
        "POST",
        "/api/v1/match/default",
        lambda _: {"queries": {"q": {"schema": "Person", "properties": {"name": ["Chen Zhi"]}}}},
    ),
    # feeds: TH-RTP's liaison reads TH-RTP's feeds; KH-NPA's own liaison finds no such feed
    "taxii_discovery": Call("GET", "/taxii2/"),
    **{
        name: Call("GET", path, owner=404)
        for name, path in {
            "taxii_api_root": "/taxii2/TH-RTP/",
            "taxii_collections": "/taxii2/TH-RTP/collections/",
            "taxii_collection": "/taxii2/TH-RTP/collections/indicators/",
            "taxii_objects": "/taxii2/TH-RTP/collections/indicators/objects/",
            "taxii_manifest": "/taxii2/TH-RTP/collections/networks/manifest/",
            "misp_feed_manifest": "/misp-feed/TH-RTP/manifest.json",
            "misp_feed_hashes": "/misp-feed/TH-RTP/hashes.csv",
        }.items()
    },
    **{
        name: Call("GET", path, other=404, owner=404)
        for name, path in {
            "taxii_object": f"{INDICATOR}/",
            "taxii_versions": f"{INDICATOR}/versions/",
            "misp_feed_event": "/misp-feed/TH-RTP/00000000-0000-0000-0000-000000000000.json",
        }.items()
    },
    # federation: server-to-server routes are signed, not token-authenticated (tests/federation)
    "federation_hello": Call("GET", "/api/v1/federation/hello"),
    "federation_package_state": Call("GET", f"/api/v1/federation/packages/{PACKAGE}"),
    "federation_upload": Call(
        "PUT", f"/api/v1/federation/packages/{PACKAGE}?offset=0&total=1&sha256={'0' * 64}"
    ),
    "federation_receipt": Call("POST", "/api/v1/federation/receipts", lambda _: {}),
    "list_federation_inbox": Call("GET", "/api/v1/federation/inbox"),
    "open_inbox_package": Call(
        "POST", f"/api/v1/federation/inbox/{PACKAGE}/open", other=404, owner=404
    ),
    "list_federation_outbox": Call("GET", "/api/v1/federation/outbox"),
    "list_operations": Call("GET", "/api/v1/operations"),
    "get_operation": Call("GET", "/api/v1/operations/OP-KH", other=404, member=200),
    "list_operation_assets": Call("GET", "/api/v1/operations/OP-KH/assets", other=404, member=200),
    "get_statistics": Call("GET", "/api/v1/statistics?by=unit"),
    "get_rescued": Call("GET", "/api/v1/rescued/{kh_rescued}", other=404),
}
#: TAXII answers its errors as TAXII error objects, as its clients expect
ERROR_TYPES = {"/taxii2/": "application/taxii+json;version=2.1"}
#: ids made by ``_setup``, for bodies that name one
_VALUES: dict[str, object] = {}


def _pick(server: Server, policy: Policy, agency: str, fits: bool) -> str | None:
    for name, (home, roles) in server.users.items():
        if home == agency and bool(policy.roles and set(roles) & set(policy.roles)) == fits:
            return name
    return None


@dataclass
class Matrix:
    server: Server
    values: dict[str, object]
    failures: list[str] = field(default_factory=list)

    def call(self, name: str, who: str, headers: dict[str, str], expected: int) -> None:
        spec = CALLS[name]
        path = spec.path.format(**self.values)
        body = spec.body(who) if spec.body else None
        headers = headers | spec.content
        if isinstance(body, bytes):
            headers |= {"Content-Type": "application/octet-stream"}
            answer = self.server.client.request(spec.method, path, content=body, headers=headers)
        else:
            answer = self.server.client.request(spec.method, path, json=body, headers=headers)
        if answer.status_code != expected:
            self.failures.append(f"{name} as {who}: {answer.status_code} != {expected}")
        if who not in ("kh_owner",) and any(text in answer.text for text in KH_ONLY):
            self.failures.append(f"{name} as {who}: a KH-NPA record leaked: {answer.text[:200]}")
        if answer.status_code >= 400:
            kind = answer.headers.get("content-type", "")
            wanted = [t for prefix, t in ERROR_TYPES.items() if path.startswith(prefix)]
            if kind != (wanted or ["application/problem+json"])[0]:
                self.failures.append(f"{name} as {who}: error without problem+json ({kind})")


def _setup(server: Server) -> dict[str, object]:
    """KH-NPA owns a joint case with TH-RTP as member; KH-1 is released, KH-2 is not."""
    lines = [
        server.report("KH-NPA", "KH-1", "Released: +855 12 345 678"),
        server.report("KH-NPA", "KH-2", "Informant +855 12 345 678"),
        server.report("KH-NPA", "KH-3", "Second informant"),
    ]
    lines[1]["narrative"] = "[KH-NPA only] Informant +855 12 345 678"
    lines[2]["narrative"] = "[KH-NPA only] Second informant"
    lines[0]["persons"] = []
    post = server.client.post
    assert post("/api/v1/reports", json=lines, headers=server.auth("kh_analyst")).is_success
    th = [server.report("TH-RTP", "TH-1", "Thai victim paid +855 12 345 678")]
    assert post("/api/v1/reports", json=th, headers=server.auth("th_analyst")).is_success
    joint = {"reference": "JIT-1", "title": "Compound", "members": ["TH-RTP"]}
    assert post("/api/v1/joint-cases", json=joint, headers=server.auth("kh_liaison")).is_success
    released = post(
        "/api/v1/joint-cases/JIT-1/releases",
        json={"agency": "KH-NPA", "id": "KH-1", "tlp": "AMBER"},
        headers=server.auth("kh_liaison"),
    )
    assert released.status_code == 201, released.text
    extra = post(
        "/api/v1/joint-cases/JIT-1/releases",
        json={"agency": "KH-NPA", "id": "KH-3", "tlp": "AMBER"},
        headers=server.auth("kh_liaison"),
    )
    persons = server.client.get("/api/v1/persons?limit=200", headers=server.auth("kh_analyst"))
    kh_person = next(p["id"] for p in persons.json()["items"] if p["name"] == "Suspect KH-2")
    job = post("/api/v1/jobs/link", headers=server.auth("kh_analyst")).json()["id"]
    link_reports(server.database)
    networks = server.client.get("/api/v1/networks", headers=server.auth("kh_analyst")).json()
    linked = networks["items"][0]["id"]  # KH-1 and KH-2 share a phone with TH-1
    spool = server.client.app.state.settings.public_disputes
    dispute = file_dispute(spool, "phone", "+85512345678", "mine since 2019")  # TH-1 names it too
    values = {
        "dispute": dispute,
        "kh_rescued": _operation(server),
        "kh_person": kh_person,
        "release": extra.json()["releases"][-1]["id"],
        "kh_job": job,
        "kh_network": linked,
    }
    values |= _packages_and_cases(server, kh_person)
    _VALUES.clear()
    _VALUES.update(values)
    return values


def _partner(server: Server) -> None:
    """CN-MPS, a partner on another server: its key card is what packages are sealed to."""
    with tempfile.TemporaryDirectory() as folder:
        other = open_database(Settings(db=str(Path(folder) / "cn.db")))
        with other.session() as session:
            init_agency(session, "CN-MPS", "CN-MPS", "CN", "passphrase for tests")
            card = export_card(session)
        other.dispose()
    with server.database.session() as session:
        add_card(session, card)


def _packages_and_cases(server: Server, kh_person: int) -> dict[str, object]:
    """Cases KH-M and KH-S and a package of each to partner CN-MPS: KH-M's waits for approval,
    KH-S's (GREEN, naming nobody) is sent; then a suspect in KH-M, and list m1 for the
    member to remove."""
    _partner(server)
    post, kh = server.client.post, server.auth("kh_analyst")
    for reference in ("KH-M", "KH-S"):
        case = {"reference": reference, "title": "matrix", "tlp": "GREEN"}
        assert post("/api/v1/cases", json=case, headers=kh).status_code == 201
    liaison = server.auth("kh_liaison") | KEY
    made = {
        tlp: post(
            "/api/v1/packages", json=_package("") | {"tlp": tlp, "case": case}, headers=liaison
        )
        for tlp, case in (("AMBER", "KH-M"), ("GREEN", "KH-S"))
    }
    assert [m.status_code for m in made.values()] == [201, 201], made["AMBER"].text
    waiting, sent = (made[tlp].json() for tlp in ("AMBER", "GREEN"))
    assert waiting["status"] == "awaiting_approval" and sent["status"] == "written", sent
    added = post(
        "/api/v1/cases/KH-M/subjects", json={"entity": kh_person, "role": "suspect"}, headers=kh
    )
    assert added.status_code == 201, added.text
    subject = added.json()["subjects"][0]["id"]
    upload = server.auth("kh_super") | {"Content-Type": "application/octet-stream"}
    listed = server.client.put("/api/v1/watchlists/m1", content=LISTED, headers=upload)
    assert listed.status_code == 201, listed.text
    file = {"Content-Type": "application/octet-stream"}
    evidence = post(
        "/api/v1/cases/KH-M/evidence?" + EVIDENCE_QUERY, content=b"KH chat log", headers=kh | file
    )
    assert evidence.status_code == 201, evidence.text
    return {
        "subject": subject,
        "waiting": waiting["package_id"],
        "sent": sent["package_id"],
        "evidence": evidence.json()["sha256"],
    }


def _operation(server: Server) -> int:
    """KH-NPA leads OP-KH with TH-RTP taking part, seizes cash, rescues one person."""
    from decimal import Decimal

    from fraudlink.cases.operations import add_asset, log_action, open_operation
    from fraudlink.cases.rescued import record_rescue

    day = dt.date(2026, 3, 2)
    with server.database.session() as session:
        op = open_operation(session, "OP-KH", "Sky Net", "KH-NPA", day, ["TH-RTP"])
        at = dt.datetime(2026, 3, 2, 5, tzinfo=dt.UTC)
        log_action(session, op, "arrest", at, "KH-NPA", "Preah Sihanouk", persons=12)
        add_asset(session, "cash", "safe", Decimal("1000.50"), "USD", "KH-NPA", day, operation=op)
        return record_rescue(session, "KH-NPA", "Victim of KH-2", day, "Bavet", "VN").id


def _bad_tokens(server: Server) -> dict[str, str]:
    with server.database.session() as session:
        expired = create_token(session, "kh_super", 1).token
        revoked = create_token(session, "kh_super", 1).token
        revoke_token(session, revoked)
        session.execute(
            update(ApiToken)
            .where(ApiToken.prefix == expired[:10])
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
        )
    return {"expired": expired, "revoked": revoked}


def _walk(matrix: Matrix, name: str, bad: dict[str, str]) -> None:
    policy, spec, server = POLICIES[name], CALLS[name], matrix.server
    unauthenticated = 200 if policy.public else 401
    matrix.call(name, "none", server.purpose, unauthenticated)
    for kind, token in bad.items():
        headers = {"Authorization": f"Bearer {token}"} | server.purpose
        matrix.call(name, kind, headers, unauthenticated)
    if policy.signed:  # a partner server's signature, never a user's token, opens these
        for user in ("kh_admin", "kh_liaison", "th_liaison"):
            matrix.call(name, user, server.auth(user), 401)
        return
    if policy.public:
        return
    wrong_role = _pick(server, policy, "KH-NPA", fits=False)
    if wrong_role is not None:
        matrix.call(name, wrong_role, server.auth(wrong_role), 403)
    member, stranger = _pick(server, policy, "TH-RTP", True), _pick(server, policy, "VN-MPS", True)
    assert member and stranger, f"no TH/VN user holds a role for {name}"
    if spec.member is not None:
        matrix.call(name, stranger, server.auth(stranger), spec.other)
        matrix.call(name, member, server.auth(member), spec.member)
    else:
        matrix.call(name, member, server.auth(member), spec.other)
    owner = _pick(server, policy, "KH-NPA", True)
    assert owner, f"no KH-NPA user holds a role for {name}"
    matrix.call(name, "kh_owner", server.auth(owner), spec.owner)


def test_every_route_has_a_policy_and_a_call(server: Server) -> None:
    names = {name for _, _, name in route_table() + feed_route_table()}
    assert names - POLICIES.keys() == set(), "routes without an access policy"
    assert names - CALLS.keys() == set(), "routes missing from the access matrix"
    documented = {
        (method.upper(), path)
        for path, operations in server.client.get("/api/v1/openapi.json").json()["paths"].items()
        for method in operations
    }
    assert documented == {(method, path) for method, path, _ in route_table()}


def test_access_matrix(server: Server) -> None:
    matrix = Matrix(server, _setup(server))
    bad = _bad_tokens(server)
    for _, _, name in route_table() + feed_route_table():
        _walk(matrix, name, bad)
    assert not matrix.failures, "\n".join(matrix.failures)
