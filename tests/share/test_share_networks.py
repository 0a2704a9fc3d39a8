"""A case notification carries the networks of its reports, without hub identifiers."""

from __future__ import annotations

import json
from pathlib import Path

from fraudlink.cases import attach_report, open_case
from fraudlink.ingest import ingest_files
from fraudlink.link import link_reports
from fraudlink.share.content import case_notification
from fraudlink.store import Database


def line(report_id: str, narrative: str) -> str:
    return json.dumps({"id": report_id, "agency": "TH-CCIB", "reported_at": "2025-01-01",
                       "narrative": narrative, "country": "TH"})  # fmt: skip


def test_networks_of_the_case_reports_and_their_links(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join([
        line("a", "Telegram @apex_desk88 and facebook.com"),
        line("b", "contact @apex_desk88 on facebook.com"),
        line("c", "unrelated, only facebook.com"),
    ]) + "\n")  # fmt: skip
    ingest_files(database, [path])
    link_reports(database)
    with database.session() as session:
        case = open_case(session, "TH-1", "Apex", "TH-CCIB")
        for report_id in ("a", "b"):
            attach_report(session, case, "TH-CCIB", report_id)
        content = case_notification(session, case, "identify suspects")
    [network] = content["networks"]
    assert network["reports"] == ["a", "b"] and network["size"] == 2
    assert network["links"] == [{"kind": "telegram", "value": "apex_desk88", "reports": ["a", "b"]}]
