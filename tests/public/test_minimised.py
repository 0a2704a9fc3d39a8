"""Over a generated dataset, no field of the private database reaches a public answer."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from fraudlink.generate.dataset import generate_reports
from fraudlink.ingest import ingest_files
from fraudlink.public.publish import PUBLISHED_KINDS, publish
from fraudlink.settings import Settings
from fraudlink.store import open_database
from fraudlink.store.schema import Identifier

from .conftest import make_client

PUBLIC_KIND = {"iban": "account", "bank_account": "account", "crypto_wallet": "wallet"}
ANSWER_KEYS = {"reported", "reports", "victims", "first_seen", "last_seen", "scam_types",
               "victim_countries", "official"}  # fmt: skip


def _private_strings(rows: list[dict[str, object]]) -> set[str]:
    """Every agency, report id, name, narrative start and victim detail long enough to tell."""
    found: set[str] = set()
    for row in rows:
        found.update({str(row["id"]), str(row["agency"]), str(row["narrative"])[:40]})
        victim = row.get("victim") or {}
        found.update(str(v) for v in victim.values() if isinstance(v, str))  # type: ignore[union-attr]
        for person in row.get("persons") or []:  # type: ignore[union-attr]
            found.add(str(person["name"]))
    return {s for s in found if len(s.strip()) >= 5}


def test_no_private_field_in_any_public_answer(tmp_path: Path) -> None:
    rows = list(generate_reports(300, 11))
    source = tmp_path / "generated.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    store = open_database(Settings(db=str(tmp_path / "agency.db"), batch_size=300))
    ingest_files(store, [source])
    index = tmp_path / "public.sqlite"
    summary = publish(store, index)
    with store.session() as session:
        held = session.execute(
            select(Identifier.kind, Identifier.value).where(Identifier.kind.in_(PUBLISHED_KINDS))
        ).all()
    store.dispose()
    client = make_client(index, tmp_path, rate_limit=100_000)
    secrets = _private_strings(rows)
    reported = 0
    for n, (kind, value) in enumerate(held):
        params = {"kind": PUBLIC_KIND.get(kind, kind), "value": value}
        response = client.get("/v1/check", params=params)
        assert response.status_code in (200, 400), response.text
        if response.status_code == 400:
            continue
        answer = response.json()
        assert set(answer) <= ANSWER_KEYS
        reported += answer["reported"] is True
        leaked = [s for s in secrets if s in response.text]
        assert not leaked, (kind, value, leaked)
        if answer["reported"] or n % 10 == 0:  # the page answers the same, in HTML
            page = client.get("/", params=params)
            assert page.status_code == 200
            leaked = [s for s in secrets if s in page.text]
            assert not leaked, ("page", kind, value, leaked)
    # every published identifier answers; a url also answers for its reported domain
    assert reported >= summary.reported > 0
    index_bytes = index.read_bytes()
    assert not [s for s in secrets if s.encode() in index_bytes]
