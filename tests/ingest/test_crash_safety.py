"""A SIGKILL in the middle of an import leaves whole reports only, and a re-run completes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from fraudlink.ingest import ingest_files
from fraudlink.settings import Settings
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Entity, MoneyRecord, Report, ReportIdentifier

REPORTS = 20_000


def big_file(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(REPORTS):
            line = {
                "id": f"k{n}",
                "agency": "KR-KNPA",
                "reported_at": "2025-04-01T00:00:00Z",
                "narrative": "계좌로 송금했습니다",
                "country": "KR",
                "loss": {"amount": f"{n}.50", "currency": "KRW"},
                "identifiers": [
                    {"kind": "telegram", "value": f"@handle_{n % 977}"},
                    {"kind": "email", "value": f"user{n}@example.com"},
                ],
                "persons": [{"name": f"박정욱{n % 50}", "role": "recruiter"}],
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def report_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Report)) or 0


def assert_whole(database: Database) -> None:
    """Every stored report has exactly its loss, its two identifiers and its person."""
    with database.session() as session:
        reports = session.scalar(select(func.count()).select_from(Report))
        for table, per_report in ((MoneyRecord, 1), (ReportIdentifier, 2)):
            rows = session.scalar(select(func.count()).select_from(table))
            assert rows == per_report * reports
        assert session.scalar(select(func.count()).select_from(Entity)) == reports


def test_sigkill_mid_import_leaves_no_partial_report(db_url: str, tmp_path: Path) -> None:
    path = big_file(tmp_path / "big.jsonl")
    database = open_database(Settings(db=db_url))
    env = os.environ | {"FRAUDLINK_DB": db_url, "FRAUDLINK_BATCH_SIZE": "500"}
    process = subprocess.Popen(
        [sys.executable, "-m", "fraudlink", "ingest", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while report_count(database) < 1000 and time.monotonic() < deadline:
        assert process.poll() is None, "the import finished before it could be killed"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = report_count(database)
    assert 0 < partial < REPORTS
    assert_whole(database)
    summary = ingest_files(database, [path])
    assert summary.loaded + summary.unchanged == REPORTS
    assert summary.loaded == REPORTS - partial
    assert report_count(database) == REPORTS
    assert_whole(database)
    database.dispose()
