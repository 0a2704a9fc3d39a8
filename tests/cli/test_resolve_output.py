"""``persons resolve`` says what it did in fraudlink's words: no Splink advice, no claim that
someone judged pairs nobody judged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "fraudlink", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=600)


def test_resolve_prints_one_line_of_its_own(tmp_path: Path) -> None:
    reports, db = tmp_path / "r.jsonl", str(tmp_path / "x.db")
    _run("generate", str(reports), "--reports", "1600", "--seed", "5")  # > 500 person records
    _run("ingest", str(reports), "--db", db, "--no-extract")
    done = _run("persons", "resolve", "--db", db)
    assert "max_pairs" not in done.stdout + done.stderr
    assert "judgements" not in done.stdout
    assert "kept apart by a not-same judgement or a name spelt otherwise" in done.stdout
