"""Reports written as files, ingested into a real store, and published into a real index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fraudlink.ingest import ingest_files
from fraudlink.public.index import PublicIndex
from fraudlink.public.publish import Thresholds, publish
from fraudlink.store import Database

Publish = Callable[[list[dict[str, Any]]], PublicIndex]


def report(
    n: int, victim: str | None, identifiers: list[tuple[str, str]], **extra: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"R{n}",
        "agency": "KH-NPA",
        "reported_at": f"2025-03-{n % 27 + 1:02d}T09:30:00+07:00",
        "narrative": f"Report number {n}: they took my money.",
        "country": "KH",
        "scam_type": "investment",
        "identifiers": [{"kind": k, "value": v} for k, v in identifiers],
    }
    if victim is not None:
        row["victim"] = {"name": victim, "phone": None}
    row.update(extra)
    return row


@pytest.fixture
def published(database: Database, tmp_path: Path) -> Publish:
    def make(rows: list[dict[str, Any]], thresholds: Thresholds | None = None) -> PublicIndex:
        source = tmp_path / f"reports{len(list(tmp_path.iterdir()))}.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        ingest_files(database, [source])
        out = tmp_path / "public.sqlite"
        publish(database, out, thresholds)
        return PublicIndex(out)

    return make
