"""A database holding every kind the exports carry: identifiers, people, a case, losses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from fraudlink.cases import add_subject, attach_report, open_case
from fraudlink.ingest import ingest_files
from fraudlink.store import Database
from fraudlink.store.schema import Entity

CASE = "KH-2026-001"
REPORTS = [
    {
        "id": "r1",
        "agency": "KH-NPA",
        "reported_at": "2026-01-05T10:00:00Z",
        "country": "KH",
        "scam_type": "investment",
        "narrative": "card 4111 1111 1111 1111",
        "loss": {"amount": "1200.50", "currency": "USD"},
        "identifiers": [
            {"kind": "phone", "value": "+855 12 345 678"},
            {"kind": "email", "value": "Boss@Example.com"},
            {"kind": "url", "value": "hxxps://invest-pro[.]com/login"},
            {"kind": "domain", "value": "invest-pro.com"},
            {"kind": "iban", "value": "GB82 WEST 1234 5698 7654 32"},
            {"kind": "crypto_wallet", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"},
            {"kind": "crypto_wallet", "value": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
            {"kind": "payment_card", "value": "4111 1111 1111 1111"},
        ],
        "persons": [
            {
                "name": "陈志",
                "role": "boss",
                "nationality": "CN",
                "birth_date": "1987-12-16",
                "aliases": ["Chen Zhi"],
                "documents": [{"kind": "passport", "number": "E1234567", "country": "CN"}],
            },
            {"name": "Golden Fortune Co., Ltd.", "schema": "Organization", "role": "suspect"},
            {"name": "Sok Dara", "role": "victim", "nationality": "KH"},
        ],
        "victim": {"name": "Sok Dara", "phone": "+85598765432"},
    },
    {
        "id": "r2",
        "agency": "KH-NPA",
        "reported_at": "2026-01-09T08:30:00Z",
        "narrative": "",
        "identifiers": [{"kind": "phone", "value": "+85512345678"}],
        "persons": [{"name": "Park Jung-wook", "role": "money_mule", "nationality": "KR"}],
    },
    {
        "id": "r3",
        "agency": "KH-NPA",
        "reported_at": "2026-01-10T08:30:00Z",
        "narrative": "",
        "tlp": "RED",
        "identifiers": [{"kind": "phone", "value": "+85511111111"}],
        "persons": [{"name": "Secret Informant", "role": "other"}],
    },
]


@pytest.fixture
def export_db(database: Database, tmp_path: Path) -> Database:
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS))
    summary = ingest_files(database, [path], extract=False)
    assert summary.ok, summary.rejected
    with database.session() as session:
        case = open_case(session, CASE, "Golden Fortune compound", "KH-NPA", ["CN-MPS"])
        for report in ("r1", "r2"):
            attach_report(session, case, "KH-NPA", report)
        boss = session.scalar(select(Entity.id).where(Entity.name == "陈志"))
        assert boss is not None
        add_subject(session, case, boss, "boss")
    return database
