"""Crash and concurrency: 20 clients submit overlapping batches of reports to a real
``fraudlink serve`` on 127.0.0.1 and PostgreSQL while the server is killed with SIGKILL
and restarted; every report whose submission was acknowledged is stored exactly once.

The load is ``bench/api.py`` itself (``--kill-every``), so the benchmark and this test
exercise one client: a batch that got no answer is sent again, and each batch repeats
half of the one before, so a re-sent report must come back "unchanged", never twice.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

BENCH = Path(__file__).resolve().parents[2] / "bench" / "api.py"


@pytest.mark.slow
@pytest.mark.postgres
def test_acknowledged_reports_survive_sigkill_exactly_once(postgres_server: str) -> None:
    _empty(postgres_server)  # the run's database is shared: other tests left agencies in it
    command = [sys.executable, str(BENCH), "--db", postgres_server, "--only", "postgresql"]
    command += ["--clients", "20", "--seconds", "16", "--kill-every", "5", "--workers", "1"]
    command += ["--batch", "20"]  # short requests: acknowledged ones land between the kills
    done = subprocess.run(
        [*command, "--no-read", "--json"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.splitlines()[-1])["postgresql"]
    assert result["kills"] >= 2, result
    assert result["acknowledged"] > 0, result
    assert (result["lost"], result["duplicates"]) == (0, 0), result


def _empty(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
