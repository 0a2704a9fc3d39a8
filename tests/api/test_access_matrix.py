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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update

from fraudlink.access import create_token, revoke_token
from fraudlink.access.tables import ApiToken
from fraudlink.api.app import route_table
from fraudlink.api.policy import POLICIES, Policy
from fraudlink.link import link_reports

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


def _report_lines(caller: str) -> list[dict[str, object]]:
    return [{"id": f"M-{caller}", "agency": "KH-NPA", "reported_at": "2026-03-01", "narrative": ""}]


CALLS: dict[str, Call] = {
    "health": Call("GET", "/api/v1/health"),
    "whoami": Call("GET", "/api/v1/me"),
    "submit_reports": Call("POST", "/api/v1/reports", _report_lines),
    "search_reports": Call("GET", "/api/v1/reports"),
    "get_report": Call("GET", "/api/v1/reports/KH-NPA/KH-2", other=404),
    "get_identifier": Call("GET", "/api/v1/identifiers/phone/012345678?country=KH"),
    "list_networks": Call("GET", "/api/v1/networks"),
    "get_network": Call("GET", "/api/v1/networks/{kh_network}"),
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
    "list_operations": Call("GET", "/api/v1/operations"),
    "get_operation": Call("GET", "/api/v1/operations/OP-KH", other=404, member=200),
    "list_operation_assets": Call("GET", "/api/v1/operations/OP-KH/assets", other=404, member=200),
    "get_statistics": Call("GET", "/api/v1/statistics?by=unit"),
    "get_rescued": Call("GET", "/api/v1/rescued/{kh_rescued}", other=404),
}


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
        answer = self.server.client.request(spec.method, path, json=body, headers=headers)
        if answer.status_code != expected:
            self.failures.append(f"{name} as {who}: {answer.status_code} != {expected}")
        if who not in ("kh_owner",) and any(text in answer.text for text in KH_ONLY):
            self.failures.append(f"{name} as {who}: a KH-NPA record leaked: {answer.text[:200]}")
        if answer.status_code >= 400:
            kind = answer.headers.get("content-type", "")
            if kind != "application/problem+json":
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
    return {
        "kh_rescued": _operation(server),
        "kh_person": kh_person,
        "release": extra.json()["releases"][-1]["id"],
        "kh_job": job,
        "kh_network": linked,
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
    names = {name for _, _, name in route_table()}
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
    for _, _, name in route_table():
        _walk(matrix, name, bad)
    assert not matrix.failures, "\n".join(matrix.failures)
