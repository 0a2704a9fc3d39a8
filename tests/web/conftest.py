"""A real server for the browser tests: uvicorn on 127.0.0.1 over a demo database, and Chromium.

The database is the demo's (generated reports, linked networks) with two hosted
agencies, CN-MPS and KR-KNPA, and their officers. One browser serves the whole
session; each test takes a fresh page signed in as the user it needs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct horse battery staple"
PASSPHRASE = "passphrase for the web tests"
USERS = {
    "cn_analyst": ("CN-MPS", ["analyst", "liaison"]),
    "cn_super": ("CN-MPS", ["supervisor"]),
    "kr_liaison": ("KR-KNPA", ["liaison", "analyst"]),
    "cn_reader": ("CN-MPS", ["analyst"]),
    "kh_chief": ("KH-NPA", ["analyst"]),  # the demo's national agency with 25 provinces
}
LANGUAGES = ("en", "zh", "km", "ko", "vi")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BUILD = Path(__file__).resolve().parents[2] / "build"
SCREENSHOTS = BUILD / "screenshots"
LOG = BUILD / "web-server.log"


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Site:
    url: str
    db: str
    data: Path
    extra: dict[str, Any]


def _seed(db: str, data: Path) -> dict[str, Any]:
    """The demo's reports and networks, two agencies with keys, users with passwords, a case
    with a suspect, a joint case with a released report, and a package awaiting approval."""
    from fraudlink.access import add_user
    from fraudlink.demo import run_demo
    from fraudlink.settings import Settings
    from fraudlink.share.keys import add_card, init_agency
    from fraudlink.store import open_database

    database = open_database(Settings(db=db, agency="CN-MPS"))
    try:
        run_demo(database, 400, 7, data)
        with database.session() as session:
            init_agency(session, "CN-MPS", "Ministry of Public Security", "CN", PASSPHRASE)
            for name, (agency, roles) in USERS.items():
                add_user(session, name, agency, roles, PASSWORD)
            add_card(session, _partner_card(data / "partner.db"))
        extra = _casework(database, data)
        extra["arrived"] = _delivered(database, data)
        extra["disputes"] = _disputes(database, data)
        return extra
    finally:
        database.dispose()


def _disputes(database: Any, data: Path) -> list[dict[str, str]]:
    """Three disputes from the public check: two of phones CN-MPS reports name, one of a
    number nobody reported (no agency sees that one)."""
    from sqlalchemy import select

    from fraudlink.public.disputes import file_dispute
    from fraudlink.store.schema import Agency, Identifier, Report, ReportIdentifier

    with database.session() as session:
        phones = session.scalars(
            select(Identifier.value)
            .join(ReportIdentifier, ReportIdentifier.identifier_id == Identifier.id)
            .join(Report, Report.id == ReportIdentifier.report_id)
            .join(Agency, Agency.id == Report.agency_id)
            .where(Agency.code == "CN-MPS", Identifier.kind == "phone")
            .distinct()
            .order_by(Identifier.value)
            .limit(2)
        ).all()
    filed = []
    statements = ("这是我店铺的电话号码。", "This is my late father's number, now mine.")
    for value, statement in zip([*phones, "+85560999111"], [*statements, "nobody's"], strict=True):
        reference = file_dispute(
            data / "disputes.sqlite", "phone", value, statement, "me@example.org"
        )
        filed.append({"reference": reference, "value": value, "statement": statement})
    return filed


def _delivered(database: Any, data: Path) -> str:
    """TH-CCIB's server delivered a statistics package that waits in CN-MPS's inbox (the
    receiving side's own function, as the signed upload route calls it); and a package the
    safeguards blocked sits in CN-MPS's outbox."""
    import hashlib

    from fraudlink.access import add_user
    from fraudlink.access.principal import principal_for_name
    from fraudlink.federation.config import FederationSettings
    from fraudlink.federation.inbox import Chunk, receive_chunk
    from fraudlink.federation.partners import Identity
    from fraudlink.settings import Settings
    from fraudlink.share import PackageBlocked, Request, create
    from fraudlink.share.keys import add_card, export_card
    from fraudlink.store import open_database

    partner = open_database(Settings(db=str(data / "partner.db"), agency="TH-CCIB"))
    try:
        with database.session() as session:
            card = export_card(session, "CN-MPS")
        with partner.session() as session:
            add_card(session, card)
            add_user(session, "th_liaison", "TH-CCIB", ["liaison"], None)
            sender = principal_for_name(session, "th_liaison")
        request = Request(kind="statistics", case="", to="CN-MPS", tlp="GREEN",
                          out=str(data / "figures.flpkg"), created_by="th_liaison")  # fmt: skip
        outcome = create(partner, request, "x" * 16, sender)
    finally:
        partner.dispose()
    body = Path(str(outcome.path)).read_bytes()
    config = FederationSettings(passphrase=PASSPHRASE, spool=data / "spool")  # type: ignore[arg-type]
    digest = hashlib.sha256(body).hexdigest()
    chunk = Chunk("TH-CCIB", outcome.package_id, 0, len(body), digest, body)
    keys = Identity(database, PASSPHRASE).keys()
    assert receive_chunk(database, config, keys, chunk)["state"] == "received"
    with database.session() as session:
        creator = principal_for_name(session, "cn_analyst")
    lowered = Request(kind="case_notification", case="CN-2026-0001", to="TH-CCIB", tlp="CLEAR",
                      out=str(data / "lowered.flpkg"), created_by="cn_analyst")  # fmt: skip
    try:
        create(database, lowered, PASSPHRASE, creator)
    except PackageBlocked:
        pass
    else:
        raise AssertionError("a TLP:CLEAR package of an AMBER case left")
    return outcome.package_id


def _partner_card(db: Path) -> dict[str, Any]:
    """TH-CCIB's key card, made in its own database: packages go to a partner, not to a
    second agency hosted here."""
    from fraudlink.settings import Settings
    from fraudlink.share.keys import export_card, init_agency
    from fraudlink.store import open_database

    partner = open_database(Settings(db=str(db)))
    try:
        with partner.session() as session:
            init_agency(session, "TH-CCIB", "Thai Cyber Crime Investigation Bureau", "TH", "x" * 16)
            return export_card(session, "TH-CCIB")
    finally:
        partner.dispose()


def _casework(database: Any, data: Path) -> dict[str, Any]:
    import datetime as dt

    from sqlalchemy import select

    from fraudlink.access.joint import create_joint_case, release
    from fraudlink.access.principal import principal_for_name
    from fraudlink.cases import add_subject, attach_report, open_case, record_status
    from fraudlink.share import Request, create
    from fraudlink.share.officers import add_officer
    from fraudlink.store.schema import Agency, Entity, Report, ReportRole

    with database.session() as session:
        rows = session.execute(
            select(Report.id, Report.external_id, Entity.id)
            .join(Agency, Agency.id == Report.agency_id)
            .join(ReportRole, ReportRole.report_id == Report.id)
            .join(Entity, Entity.id == ReportRole.entity_id)
            .where(Agency.code == "CN-MPS", ReportRole.role == "suspect")
            .order_by(Report.id)
            .limit(2)
        ).all()
        case = open_case(
            session, "CN-2026-0001", "Investment app ring", "CN-MPS", ["KR-KNPA", "TH-CCIB"]
        )
        for _, external, _ in rows:
            attach_report(session, case, "CN-MPS", external)
        suspect = add_subject(session, case, rows[0][2], "suspect")
        record_status(session, suspect, "wanted", dt.date(2026, 3, 1), "CN-MPS")
        owner = principal_for_name(session, "cn_analyst")
        create_joint_case(session, owner, "JC-CN-KR-1", "Joint task force", "AMBER", ["KR-KNPA"])
        release(session, owner, "JC-CN-KR-1", "report", rows[0][0], "AMBER")
    add_officer(database, "cn_analyst", "liaison", PASSPHRASE, "admin")
    add_officer(database, "cn_super", "supervisor", PASSPHRASE, "admin")
    request = Request(
        kind="case_notification",
        case="CN-2026-0001",
        to="TH-CCIB",
        out=str(data / "notification.flpkg"),
        created_by="cn_analyst",
        action="locate the recruiter",
    )
    with database.session() as session:
        creator = principal_for_name(session, "cn_analyst")
    outcome = create(database, request, PASSPHRASE, creator)
    assert outcome.status == "awaiting_approval", outcome
    return {"package": outcome.package_id, "report": rows[0][1], "entity": rows[0][2]}


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not answer within 60 s")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    _need_chromium()
    where = tmp_path_factory.mktemp("web")
    db = str(where / "web.db")
    extra = _seed(db, where / "data")
    port = _free_port()
    BUILD.mkdir(exist_ok=True)
    spool = str(where / "data" / "disputes.sqlite")
    env = os.environ | {
        "FRAUDLINK_DB": db,
        "FRAUDLINK_AGENCY": "CN-MPS",
        "FRAUDLINK_PUBLIC_DISPUTES": spool,
        "FRAUDLINK_PASSPHRASE": PASSPHRASE,  # the server opens what partners' servers deliver
        "FRAUDLINK_SPOOL": str(where / "data" / "spool"),
        "FRAUDLINK_EVIDENCE_DIR": str(where / "data" / "evidence"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "fraudlink", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(LOG, "wb"),  # noqa: SIM115 - closed with the process
    )
    url = f"http://127.0.0.1:{port}"
    SERVERS.append(process)
    try:
        _wait(url, process)
        yield Site(url, db, where / "data", extra)
    finally:
        SERVERS.remove(process)
        process.terminate()
        process.wait(10)


#: the running test server, so that a failed test can ask it where its threads are
SERVERS: list[subprocess.Popen[bytes]] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    """A failed browser test carries the server's last log lines and its threads' stacks
    (``fraudlink serve`` dumps them on SIGUSR1), so a stall seen once in CI can be read."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed or not SERVERS or not LOG.exists():
        return
    SERVERS[0].send_signal(signal.SIGUSR1)
    time.sleep(1)
    lines = LOG.read_text(encoding="utf-8", errors="replace").splitlines()
    report.sections.append(("server log (last 150 lines)", "\n".join(lines[-150:])))


@pytest.fixture(scope="session")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def sign_in(page: Any, site: Site, user: str, purpose: str | None = "case WEB-TEST") -> None:
    page.goto(f"{site.url}/sign-in?lang=en")
    page.fill("#username", user)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site.url}/")
    if purpose:
        page.goto(f"{site.url}/purpose")
        page.fill("#purpose", purpose)
        page.click("main button[type=submit]")


@pytest.fixture(scope="session")
def analyst(browser: Any, site: Site) -> Iterator[Any]:
    """A page signed in as a CN-MPS analyst (and liaison), reused by the tests."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    sign_in(page, site, "cn_analyst")
    yield page
    context.close()


def check_page(page: Any, name: str, axe: bool = True) -> list[dict[str, Any]]:
    """Screenshot into build/screenshots and axe-core's serious or critical violations."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_load_state("load")
    page.evaluate("async () => { await document.fonts.ready; }")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    if not axe:
        return []
    # evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def checked() -> Any:
    return check_page


@pytest.fixture
def signed_in(browser: Any, site: Site) -> Iterator[Any]:
    """A new page signed in as ``user`` (closed at the end of the test)."""
    contexts: list[Any] = []

    def open_as(user: str, purpose: str | None = "case WEB-TEST") -> Any:
        context = browser.new_context(locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        sign_in(page, site, user, purpose)
        return page

    yield open_as
    for context in contexts:
        context.close()


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)
