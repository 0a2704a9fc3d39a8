"""A server hosting three agencies (KH-NPA with its unit KH-PP, and TH-RTP), users and tokens.

Reports of each agency are loaded through the API itself, so the fixtures
exercise the same path as clients.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fraudlink.access import add_user, create_token, set_parent
from fraudlink.api import create_app
from fraudlink.settings import Settings
from fraudlink.share.keys import init_agency
from fraudlink.store import Database

PASSWORD = "correct horse battery"
USERS = {
    "kh_analyst": ("KH-NPA", ["analyst"]),
    "kh_liaison": ("KH-NPA", ["liaison"]),
    "kh_super": ("KH-NPA", ["supervisor"]),
    "kh_auditor": ("KH-NPA", ["auditor"]),
    "kh_admin": ("KH-NPA", ["admin"]),
    "pp_analyst": ("KH-PP", ["analyst"]),
    "th_analyst": ("TH-RTP", ["analyst"]),
    "th_liaison": ("TH-RTP", ["liaison", "analyst"]),
    "th_auditor": ("TH-RTP", ["auditor"]),
    "th_super": ("TH-RTP", ["supervisor"]),
    "vn_liaison": ("VN-MPS", ["liaison", "analyst"]),
    "vn_auditor": ("VN-MPS", ["auditor"]),
    "vn_super": ("VN-MPS", ["supervisor"]),
}
PURPOSE = {"X-Purpose": "case TEST-1"}
#: What every hosted agency's keys are locked with here (X-Agency-Passphrase).
PASSPHRASE = "passphrase for tests"


def report(agency: str, key: str, narrative: str, tlp: str = "AMBER") -> dict[str, object]:
    return {
        "id": key,
        "agency": agency,
        "reported_at": "2026-03-01T09:30:00Z",
        "country": agency[:2],
        "scam_type": "investment",
        "narrative": f"[{agency} only] {narrative}",
        "tlp": tlp,
        "victim": {"name": f"Victim of {key}"},
        "persons": [{"name": f"Suspect {key}", "role": "suspect"}],
    }


@dataclass
class Server:
    """The running app and its helpers, handed to tests as a fixture (they cannot import us)."""

    client: TestClient
    tokens: dict[str, str]
    database: Database
    users: dict[str, tuple[str, list[str]]] = field(default_factory=lambda: dict(USERS))
    purpose: dict[str, str] = field(default_factory=lambda: dict(PURPOSE))

    @staticmethod
    def report(agency: str, key: str, narrative: str, tlp: str = "AMBER") -> dict[str, object]:
        return report(agency, key, narrative, tlp)

    def auth(self, user: str, purpose: bool = True) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        return headers | PURPOSE if purpose else headers

    def release_kh1(self) -> int:
        """KH-NPA opens joint case JIT-1 with TH-RTP and releases KH-1 into it; the release id."""
        joint = {"reference": "JIT-1", "title": "Compound", "members": ["TH-RTP"], "tlp": "AMBER"}
        post, liaison = self.client.post, self.auth("kh_liaison")
        assert post("/api/v1/joint-cases", json=joint, headers=liaison).status_code == 201
        release = {"agency": "KH-NPA", "id": "KH-1", "tlp": "AMBER"}
        made = post("/api/v1/joint-cases/JIT-1/releases", json=release, headers=liaison)
        assert made.status_code == 201, made.text
        return int(made.json()["releases"][0]["id"])


def _hosted(store: Database) -> dict[str, str]:
    with store.session() as session:
        for code, country in (
            ("KH-NPA", "KH"),
            ("KH-PP", "KH"),
            ("TH-RTP", "TH"),
            ("VN-MPS", "VN"),
        ):
            init_agency(session, code, f"{code} office", country, PASSPHRASE)
        set_parent(session, "KH-PP", "KH-NPA")
        tokens = {}
        for name, (agency, roles) in USERS.items():
            # Argon2id takes a second per hash here: only one user gets a password
            add_user(session, name, agency, roles, PASSWORD if name == "kh_admin" else None)
            tokens[name] = create_token(session, name, 30).token
        return tokens


@pytest.fixture
def server(tmp_path: Path, database: Database) -> Iterator[Server]:
    tokens = _hosted(database)
    settings = Settings(
        db=database.settings.db,
        serve_jobs=False,
        public_disputes=tmp_path / "disputes.sqlite",
        package_dir=tmp_path / "packages",
        evidence_dir=tmp_path / "evidence",
    )
    app = create_app(settings, database)
    with TestClient(app) as client:
        yield Server(client, tokens, database)


@pytest.fixture
def loaded(server: Server) -> Server:
    """Each agency's reports, all naming the same phone, one RED report per agency."""
    batches = {
        "kh_analyst": [
            report("KH-NPA", "KH-1", "Paid to +855 12 345 678 via Telegram"),
            report("KH-NPA", "KH-RED", "Informant says +855 12 345 678", tlp="RED"),
        ],
        "pp_analyst": [report("KH-PP", "PP-1", "Province: +855 12 345 678")],
        "th_analyst": [
            report("TH-RTP", "TH-1", "Thai victim paid +855 12 345 678"),
            report("TH-RTP", "TH-2", "Another Thai case, nothing shared"),
        ],
    }
    for user, lines in batches.items():
        answer = server.client.post("/api/v1/reports", json=lines, headers=server.auth(user))
        assert answer.status_code == 200, answer.text
        assert {line["status"] for line in answer.json()["lines"]} == {"loaded"}
    return server
