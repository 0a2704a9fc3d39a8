"""Watchlist files written by hand in each supported format, and a helper to ingest reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fraudlink.ingest import ingest_files
from fraudlink.store import Database

DATA = Path(__file__).parent / "data"
WALLET = "0x901bb9583b24d97e995513c6778dc6888ab6870e"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def ingest(database: Database, tmp_path: Path) -> Callable[[list[dict[str, Any]]], None]:
    def _ingest(rows: list[dict[str, Any]]) -> None:
        path = tmp_path / "reports.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        ingest_files(database, [path])

    return _ingest
