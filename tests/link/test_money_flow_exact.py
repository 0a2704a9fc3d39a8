"""Money flow on exact instants, through exchanges, keyed like identifiers, back to networks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.ingest import ingest_files
from fraudlink.link import link_reports
from fraudlink.link.flow import import_transactions, trace_account
from fraudlink.link.graphs import network_graph, render
from fraudlink.store import Database

WALLET = "TLbZzx2w5smaVqST8oB5iKgasEhfsFTuCB"
# V1 pays M1 at 10:00+07:00 (03:00Z); M1 pays on at 05:00Z, two hours later, in USDT
CSV = f"""from,to,amount,currency,time,reference
VICTIM:1,KBANK:111-222-333,35000,THB,2025-03-01T10:00:00+07:00,R1
KBANK:111222333,crypto_wallet:{WALLET},1000,USDT,2025-03-01T05:00:00Z,R2
{WALLET},CASHOUT:9,400,USDT,2025-03-01T06:00:00Z,R3
"""


def _reports(tmp_path: Path) -> Path:
    rows = [
        {"id": f"W{n}", "agency": "TH-CCIB", "reported_at": "2025-02-20T10:00:00+07:00",
         "narrative": "", "country": "TH",
         "identifiers": [{"kind": "crypto_wallet", "value": WALLET}]}
        for n in range(2)
    ]  # fmt: skip
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def test_offsets_exchange_and_identifier_keys(database: Database, tmp_path: Path) -> None:
    ingest_files(database, [_reports(tmp_path)])
    link_reports(database)
    path = tmp_path / "tx.csv"
    path.write_text(CSV, "utf-8")
    assert not import_transactions(database, [path]).rejected
    trace = trace_account(database, "VICTIM:1")
    hops = [(h.from_account, h.to_account, h.amount, h.currency) for h in trace.hops]
    assert hops == [
        ("VICTIM:1", "KBANK:111222333", Decimal("35000"), "THB"),
        ("KBANK:111222333", WALLET, Decimal("1000.00"), "USDT"),
        (WALLET, "CASHOUT:9", Decimal("400"), "USDT"),
    ]
    exchange = trace.hops[1].exchange
    assert exchange is not None and exchange[0] == "THB"
    assert exchange[1] * 35000 == Decimal("1000")  # the rate the payment implies
    assert all(h.at.utcoffset() is not None for h in trace.hops)
    assert {(e.account, e.amount, e.currency) for e in trace.ends} == {
        ("CASHOUT:9", Decimal("400"), "USDT"),
        (WALLET, Decimal("600.00"), "USDT"),
    }
    [network] = trace.networks[WALLET]
    assert trace_account(database, f"crypto_wallet:{WALLET}").account == WALLET
    graph = network_graph(database, network)
    assert ET.fromstring(render(graph, "graphml").split("\n", 1)[1]) is not None
    assert ET.fromstring(render(graph, "gexf").split("\n", 1)[1]) is not None
    assert render(graph, "dot").startswith('graph "network')


def test_cli_import_with_rejected_rows_exits_non_zero_and_trace_draws_dot(
    database: Database, tmp_path: Path
) -> None:
    db = database.settings.db
    path = tmp_path / "tx.csv"
    path.write_text(CSV + "A,B,-5,USD,2025-03-02T00:00:00Z,R9\n", "utf-8")
    runner = CliRunner()
    imported = runner.invoke(app, ["transactions", "import", str(path), "--db", db])
    assert imported.exit_code == 1 and "3 added" in imported.output
    dot = runner.invoke(app, ["trace", "VICTIM:1", "--format", "dot", "--db", db])
    assert dot.exit_code == 0 and dot.output.startswith('digraph "trace VICTIM:1"')
    text = runner.invoke(app, ["trace", "VICTIM:1", "--db", db])
    assert "exchanged from THB" in text.output and "03:00Z" in text.output
    as_json = json.loads(runner.invoke(app, ["trace", "VICTIM:1", "--db", db, "--json"]).output)
    assert [h["rate"] is not None for h in as_json["hops"]] == [False, True, False]
