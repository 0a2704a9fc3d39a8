"""Write N audit entries (default 1,000,000) and time ``verify`` over them.

    .venv/bin/python bench/audit.py [--db PATH_OR_URL] [--entries N]

Appends go through ``record_events`` in batches of 10,000 (one lock and one
transaction per batch), so the write time is the bulk-import path too.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from fraudlink.audit import AuditEvent, record_events, verify
from fraudlink.settings import Settings
from fraudlink.store import open_database

BATCH = 10_000


def _events(start: int, count: int) -> list[AuditEvent]:
    return [
        AuditEvent(
            action="read",
            record_type="report",
            record_id=f"KH-{n:08d}",
            user=f"analyst{n % 17}",
            purpose="case KH-2026-001",
            agency="KH-NCB",
            detail={"fields": ["victim", "narrative"], "n": n},
        )
        for n in range(start, start + count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=None)
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "audit-bench.db")
    store = open_database(Settings(db=db))
    began = time.perf_counter()
    for start in range(0, args.entries, BATCH):
        with store.session() as session:
            record_events(session, _events(start, min(BATCH, args.entries - start)))
    wrote = time.perf_counter() - began
    began = time.perf_counter()
    result = verify(store)
    checked = time.perf_counter() - began
    print(f"{store.dialect}: wrote {args.entries:,} entries in {wrote:.1f} s")
    print(f"{store.dialect}: verify {checked:.2f} s -> {result.describe()}")
    store.dispose()


if __name__ == "__main__":
    main()
