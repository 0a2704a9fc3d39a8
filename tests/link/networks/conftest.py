"""Small hand-written report sets for the network tests, as fixtures."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fraudlink.ingest import ingest_files
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Report

HUB_PHONE = "+63278996030"
Row = dict[str, Any]


def report(rid: str, idents: list[tuple[str, str]], **extra: Any) -> Row:
    row = {"id": rid, "agency": "PH-PNP", "reported_at": "2024-05-01T10:00:00+08:00",
           "narrative": "", "country": "PH",
           "identifiers": [{"kind": k, "value": v} for k, v in idents]}  # fmt: skip
    row.update(extra)
    return row


def hub_reports(networks: int = 5) -> list[Row]:
    """``networks`` networks of three reports chained by their own handles, one hotline shared."""
    rows = []
    for n in range(networks):
        a, b = f"@ring{n}_alpha", f"@ring{n}_beta"
        loss = {"amount": "100.50", "currency": "USD"}
        rows.append(report(f"N{n}-1", [("telegram", a), ("phone", HUB_PHONE)]))
        rows.append(report(f"N{n}-2", [("telegram", a), ("telegram", b)], loss=loss))
        rows.append(report(f"N{n}-3", [("telegram", b)], loss=loss))
    return rows


@pytest.fixture
def make_report() -> Callable[..., Row]:
    return report


@pytest.fixture
def make_hub_rows() -> Callable[[int], list[Row]]:
    return hub_reports


@pytest.fixture
def hub_rows() -> list[Row]:
    return hub_reports(5)


@pytest.fixture
def load(database: Database, tmp_path: Path) -> Callable[[list[Row], str], None]:
    """Write rows as Report JSON Lines and ingest them (narrative extraction included)."""

    def _load(rows: list[Row], name: str) -> None:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        ingest_files(database, [path])

    return _load


@pytest.fixture
def networks_of(database: Database) -> Callable[[], dict[str, int]]:
    """Each report's network id, keyed by the report id as ingested."""

    def _networks() -> dict[str, int]:
        with database.session() as session:
            stmt = select(Report.external_id, LinkReport.network_id).join(
                LinkReport, LinkReport.report_id == Report.id
            )
            return {external: network for external, network in session.execute(stmt)}

    return _networks
