"""Sums of money are exact on SQLite as on PostgreSQL, where a float would lose cents."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from fraudlink.cases.operations import add_asset, add_case, open_operation, operation_statistics
from fraudlink.cases.service import attach_report, get_case, open_case
from fraudlink.cases.statistics import figures_by
from fraudlink.ingest import ingest_files
from fraudlink.store import Database

# 2**53 + 1 cents: no double holds it, and ten times 0.1 is 0.9999999999999999 in floats
HUGE = "90071992547409.93"
LOSSES = [HUGE, HUGE, *(["0.1"] * 10)]


def _reports(database: Database, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"S{n}", "agency": "KH-NPA", "reported_at": "2025-01-05",
                    "narrative": "", "loss": {"amount": amount, "currency": "USD"}})
        for n, amount in enumerate(LOSSES)
    ]  # fmt: skip
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest_files(database, [path])


def test_figures_add_money_exactly(database: Database, tmp_path: Path) -> None:
    _reports(database, tmp_path)
    expected = sum(map(Decimal, LOSSES), Decimal(0))
    assert Decimal(str(sum(map(float, LOSSES)))) != expected  # floats do go wrong here
    with database.session() as session:
        by_country = figures_by(session, "month")
    assert by_country[0].losses == {"USD": expected}


def test_operation_figures_add_money_exactly(database: Database, tmp_path: Path) -> None:
    _reports(database, tmp_path)
    day = dt.date(2025, 3, 1)
    with database.session() as session:
        open_case(session, "KH-9", "compound", "KH-NPA")
        case = get_case(session, "KH-9")
        for n in range(len(LOSSES)):
            attach_report(session, case, "KH-NPA", f"S{n}")
        op = open_operation(session, "OP-X", "exact", "KH-NPA", day)
        add_case(session, op, "KH-9")
        for amount in ("0.1", "0.2", HUGE, HUGE):
            add_asset(session, "crypto", "wallet", Decimal(amount), "USDT", "KH-NPA", day,
                      operation=op)  # fmt: skip
        figures = operation_statistics(session, op, day)
    assert figures["losses"] == {"USD": "180143985094820.86"}
    assert figures["losses_usd"]["total"] == "180143985094820.86"
    assert figures["assets"] == {"seized": {"USDT": "180143985094820.160000"}}
