"""A real uvicorn server on 127.0.0.1 serving KH-NPA's feeds to its partners.

KH-NPA leads a case of many reports (phones, an IBAN, wallets, a URL, a
domain; one TLP:RED report and one AMBER+STRICT report that an AMBER release
must not carry) and releases it to TH-RTP. Each partner reads with the token
of its own liaison user, as its TAXII client or MISP instance would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import create_engine, text

from fraudlink.access import add_user, create_token, principal_for_name
from fraudlink.api import create_app
from fraudlink.cases import attach_report, open_case
from fraudlink.ingest import ingest_files
from fraudlink.link import link_reports
from fraudlink.settings import Settings
from fraudlink.share import feeds
from fraudlink.share.keys import init_agency
from fraudlink.store import Database, open_database

CASE = "KH-2026-FEED"
PHONES = 30
SECRET_RED = "+85599000001"
SECRET_STRICT = "+85599000002"
USERS = {
    "kh_super": ("KH-NPA", ["supervisor"]),
    "kh_liaison": ("KH-NPA", ["liaison"]),
    "th_feed": ("TH-RTP", ["liaison"]),
    "vn_feed": ("VN-MPS", ["liaison"]),
    "la_feed": ("LA-MPS", ["liaison"]),
}


def _report(key: str, identifiers: list[tuple[str, str]], tlp: str = "AMBER") -> dict[str, object]:
    return {
        "id": key,
        "agency": "KH-NPA",
        "reported_at": "2026-03-01T09:30:00Z",
        "country": "KH",
        "scam_type": "investment",
        "narrative": "",
        "tlp": tlp,
        "identifiers": [{"kind": k, "value": v} for k, v in identifiers],
        "persons": [{"name": f"Suspect {key}", "role": "suspect"}],
        "victim": {"name": f"Victim {key}"},
    }


def reports() -> list[dict[str, object]]:
    """Two networks (reports sharing a phone) and many reports of their own."""
    shared = ("phone", "+85512345678")
    found = [
        _report("F-1", [shared, ("iban", "GB82 WEST 1234 5698 7654 32"), ("url", "https://invest-pro-kh.com/login")]),
        _report("F-2", [shared, ("crypto_wallet", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")]),
        _report("F-3", [("domain", "invest-pro-kh.com"), ("phone", "+85512000003")]),
        _report("F-4", [("domain", "invest-pro-kh.com"), ("bank_account", "ACLEDA 0001234567")]),
        _report("F-RED", [("phone", SECRET_RED)], tlp="RED"),
        _report("F-STRICT", [("phone", SECRET_STRICT)], tlp="AMBER+STRICT"),
    ]  # fmt: skip
    found += [_report(f"F-P{n}", [("phone", f"+8551300{n:04d}")]) for n in range(PHONES)]
    return found


@dataclass
class Feeds:
    base: str
    database: Database
    tokens: dict[str, str]
    first_release: feeds.ReleaseSummary

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def publish(self, partner: str, tlp: str = "AMBER") -> feeds.ReleaseSummary:
        with self.database.session() as session:
            return feeds.publish(
                session, principal_for_name(session, "kh_super"), partner, CASE, tlp
            )

    def withdraw(self, release: int) -> feeds.ReleaseSummary:
        with self.database.session() as session:
            return feeds.withdraw(session, principal_for_name(session, "kh_super"), release)


def _load(database: Database, tmp: Path) -> dict[str, str]:
    lines = tmp / "reports.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in reports()))
    assert ingest_files(database, [lines], extract=False).ok
    with database.session() as session:
        for code in ("KH-NPA", "TH-RTP", "VN-MPS", "LA-MPS", "MY-PDRM"):
            init_agency(session, code, f"{code} office", code[:2], "passphrase for tests")
        case = open_case(session, CASE, "Investment compound", "KH-NPA", user="kh_super")
        for report in reports():
            attach_report(session, case, "KH-NPA", str(report["id"]))
        tokens = {}
        for name, (agency, roles) in USERS.items():
            add_user(session, name, agency, roles, None)
            tokens[name] = create_token(session, name, 1).token
    link_reports(database)
    return tokens


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _url(request: pytest.FixtureRequest, tmp: Path) -> str:
    if request.param == "sqlite":
        return str(tmp / "fraudlink.db")
    url: str = request.getfixturevalue("postgres_server")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(
    scope="package", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Feeds]:
    """One server for the package: tests read different partners' feeds, so they do not meet."""
    tmp = tmp_path_factory.mktemp("feeds")
    settings = Settings(db=_url(request, tmp), serve_jobs=False)
    database = open_database(settings)
    tokens = _load(database, tmp)
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings, database), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/api/v1/health")
            break
        except httpx.TransportError:
            time.sleep(0.05)
    try:
        with database.session() as session:
            principal = principal_for_name(session, "kh_super")
            first = feeds.publish(session, principal, "TH-RTP", CASE, "AMBER")
        yield Feeds(base, database, tokens, first)
    finally:
        server.should_exit = True
        thread.join(10)
        database.dispose()
