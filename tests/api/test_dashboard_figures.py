"""The dashboard's report figures come from the agency totals, corrected to exactly what
``access.scope.visible`` lets each reader see: RED reports, joint cases, opened packages."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from fraudlink.access.principal import principal_for_name
from fraudlink.access.scope import visible
from fraudlink.analyse.dashboard import dashboard
from fraudlink.cases.rollup import refresh
from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store.schema import Agency, MoneyRecord, Report

API = "/api/v1"
READERS = ("kh_analyst", "kh_liaison", "pp_analyst", "th_analyst", "th_liaison", "vn_liaison")


def _plain(session: Any, reader: str) -> dict[str, Any]:
    """The figures counted from every visible report, the way the dashboard once did."""
    principal = principal_for_name(session, reader)
    months: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    seen = set()
    for rid, when, scam, country in session.execute(
        select(Report.id, Report.reported_at, Report.scam_type, Report.country).where(
            visible(principal, "report")
        )
    ):
        seen.add(rid)
        months[when.strftime("%Y-%m")] += 1
        kinds[scam or "?"] += 1
        countries[country or "?"] += 1
    losses: dict[str, Decimal] = defaultdict(Decimal)
    for rid, currency, amount in session.execute(
        select(MoneyRecord.report_id, MoneyRecord.currency, MoneyRecord.amount).where(
            MoneyRecord.kind == "loss"
        )
    ):
        if rid in seen:
            losses[currency] += amount
    return {
        "reports_by_month": sorted([m, n] for m, n in months.items()),
        "losses": {c: a for c, a in losses.items() if a},
        "scam_types": dict(kinds),
        "countries": dict(countries),
    }


def _ours(session: Any, reader: str) -> dict[str, Any]:
    found = dashboard(session, principal_for_name(session, reader))
    return {
        "reports_by_month": found["reports_by_month"],
        "losses": {c: Decimal(a) for c, a in found["losses"]},
        "scam_types": dict(found["scam_types"]),
        "countries": dict(found["countries"]),
    }


def _check(server: Any) -> None:
    with server.database.session() as session:
        for reader in READERS:
            assert _ours(session, reader) == _plain(session, reader), reader


def test_dashboard_figures_equal_what_each_reader_may_see(loaded: Any) -> None:
    kh = loaded.auth("kh_liaison")
    with loaded.database.session() as session:
        ids = dict(session.execute(select(Report.external_id, Report.id)).all())
        agencies = dict(session.execute(select(Agency.code, Agency.id)).all())
        for n, (_key, rid) in enumerate(sorted(ids.items()), start=1):
            session.execute(
                insert(MoneyRecord).values(
                    kind="loss", report_id=rid, currency="USD", amount=Decimal(n) / 10
                )
            )
    _check(loaded)  # every day stale: counted from the reports
    body = {"reference": "JIT-1", "title": "Compound", "members": ["TH-RTP"], "tlp": "AMBER"}
    assert loaded.client.post(API + "/joint-cases", json=body, headers=kh).status_code == 201
    for key, tlp in (("KH-1", "AMBER"), ("PP-1", "RED")):
        release = {"agency": "KH-PP" if key == "PP-1" else "KH-NPA", "id": key, "tlp": tlp}
        made = loaded.client.post(API + "/joint-cases/JIT-1/releases", json=release, headers=kh)
        assert made.status_code == 201, made.text
    with loaded.database.session() as session:
        package = SharePackage(
            package_id="00000000-0000-0000-0000-000000000002", direction="inbound",
            kind="case", status="received", sender_id=agencies["TH-RTP"],
            recipient_id=agencies["VN-MPS"], tlp="AMBER", reliability="B", accuracy=2,
            purpose="investigation", created_by="someone", created_at=dt.datetime.now(dt.UTC),
            opened_at=dt.datetime.now(dt.UTC),
        )  # fmt: skip
        session.add(package)
        session.flush()
        session.add(ShareRecord(package_id=package.id, table_name="report", record_id=ids["TH-2"]))
        refresh(session)
    _check(loaded)  # every day counted: totals, less hidden RED, plus what was shared
