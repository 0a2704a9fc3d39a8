"""Statistics over a large generated dataset: fraudlink's figures beside a plain GROUP BY.

    .venv/bin/python bench/stats.py [--reports 200000] [--actions 100000] [--assets 100000]
                                    [--db postgresql+psycopg://postgres@127.0.0.1/bench]

Fills a fresh database (SQLite by default) with agencies in a two-level hierarchy,
reports with one loss each in a few currencies, one operation per 1,000 actions, and
seized assets; then times each figure fraudlink computes (``figures_by`` per dimension,
which sums money exactly, and one operation's figures) beside the plain SQL a person
would write for the same numbers (``GROUP BY`` with ``SUM``, which on SQLite adds
floats), and prints wall time, CPU time and peak Python memory side by side with the
ratio. On SQLite the exact sum is a Python aggregate; that, not the query plan, is
most of the difference. Asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from fraudlink.cases.operations import operation_statistics
from fraudlink.cases.statistics import figures_by
from fraudlink.cases.tables import Operation, OperationAction, SeizedAsset
from fraudlink.settings import Settings
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Agency, MoneyRecord, Report

CURRENCIES = ("USD", "CNY", "THB", "KRW", "VND")
PROVINCES = tuple(f"Province {n:02d}" for n in range(25))
CHUNK = 20_000


def _agencies(db: Database) -> list[int]:
    """A national agency per country and 25 provincial units under KH-NPA."""
    with db.session() as session:
        ids = []
        for code in ("KH-NPA", "CN-MPS", "TH-RTP", "VN-MPS", "KR-KNPA"):
            session.execute(insert(Agency).values(code=code, country=code[:2]))
        national = {a.code: a.id for a in session.query(Agency)}
        for n in range(25):
            session.execute(
                insert(Agency).values(
                    code=f"KH-NPA-P{n:02d}", country="KH", parent_id=national["KH-NPA"]
                )
            )
        ids = [a.id for a in session.query(Agency)]
    return ids


def _fill(db: Database, reports: int, actions: int, assets: int, seed: int) -> None:
    rng = random.Random(seed)
    agencies = _agencies(db)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with db.session() as session:
        for first in range(0, reports, CHUNK):
            rows = []
            for n in range(first, min(first + CHUNK, reports)):
                rows.append({
                    "agency_id": rng.choice(agencies), "external_id": f"R{n}",
                    "reported_at": start + dt.timedelta(minutes=rng.randrange(2 * 365 * 1440)),
                    "country": rng.choice(("KH", "CN", "TH", "VN", "KR")),
                    "scam_type": rng.choice(("investment", "romance", "job_task", "loan")),
                    "raw": "", "content_hash": f"{n:064d}", "narrative": "", "tlp": "AMBER",
                    "extra": {},
                })  # fmt: skip
            session.execute(insert(Report), rows)
        ids = [r for (r,) in session.execute(text("SELECT id FROM report"))]
        for first in range(0, len(ids), CHUNK):
            money = [
                {"kind": "loss", "report_id": rid, "currency": rng.choice(CURRENCIES),
                 "amount": Decimal(rng.randrange(1, 10_000_000)) / 100}
                for rid in ids[first : first + CHUNK]
            ]  # fmt: skip
            session.execute(insert(MoneyRecord), money)
        operations = max(1, actions // 1000)
        for n in range(operations):
            session.execute(
                insert(Operation).values(
                    reference=f"OP-{n}", name=f"op {n}", lead_agency_id=agencies[0],
                    started_on=dt.date(2024, 1, 1),
                )
            )  # fmt: skip
        ops = [o for (o,) in session.execute(text("SELECT id FROM operation"))]
        for first in range(0, actions, CHUNK):
            rows = [
                {"operation_id": rng.choice(ops), "kind": rng.choice(("arrest", "rescue", "raid")),
                 "occurred_at": start + dt.timedelta(minutes=rng.randrange(2 * 365 * 1440)),
                 "agency_id": rng.choice(agencies), "province": rng.choice(PROVINCES),
                 "persons": rng.randrange(0, 50), "officers": []}
                for _ in range(first, min(first + CHUNK, actions))
            ]  # fmt: skip
            session.execute(insert(OperationAction), rows)
        for first in range(0, assets, CHUNK):
            rows = [
                {"operation_id": ops[0] if rng.random() < 0.5 else rng.choice(ops),
                 "kind": "cash", "description": "cash", "currency": rng.choice(CURRENCIES),
                 "amount": Decimal(rng.randrange(1, 10**9)) / 100, "agency_id": agencies[0],
                 "state": rng.choice(("seized", "frozen", "confiscated")), "details": {}}
                for _ in range(first, min(first + CHUNK, assets))
            ]  # fmt: skip
            session.execute(insert(SeizedAsset), rows)


def _measure(work: Callable[[], Any]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds, peak MiB of Python allocations."""
    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return wall, cpu, peak


BASELINES = {
    "month": None,  # the month expression differs by database; compared by unit and country
    "country": "SELECT r.country, m.currency, count(*), sum(m.amount) FROM report r "
    "JOIN money_record m ON m.report_id = r.id WHERE m.kind = 'loss' GROUP BY 1, 2",
    "scam_type": "SELECT r.scam_type, m.currency, count(*), sum(m.amount) FROM report r "
    "JOIN money_record m ON m.report_id = r.id WHERE m.kind = 'loss' GROUP BY 1, 2",
    "unit": "SELECT a.code, m.currency, count(*), sum(m.amount) FROM report r "
    "JOIN agency a ON a.id = r.agency_id JOIN money_record m ON m.report_id = r.id "
    "WHERE m.kind = 'loss' GROUP BY 1, 2",
    "province": "SELECT province, kind, sum(persons) FROM operation_action "
    "WHERE kind IN ('arrest', 'rescue') GROUP BY 1, 2",
}
OPERATION_BASELINE = (
    "SELECT state, currency, sum(amount) FROM seized_asset WHERE operation_id = :op GROUP BY 1, 2"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200_000)
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Settings(db=args.db or str(Path(tmp) / "stats.db")))
        began = time.perf_counter()
        _fill(db, args.reports, args.actions, args.assets, args.seed)
        print(f"{db.dialect}: {args.reports:,} reports and losses, {args.actions:,} actions, "
              f"{args.assets:,} assets loaded in {time.perf_counter() - began:.1f} s")  # fmt: skip
        print(f"{'figure':<22}{'fraudlink wall/cpu/MiB':>26}{'GROUP BY wall/cpu/MiB':>26}"
              f"{'ratio wall, cpu':>17}")  # fmt: skip
        with db.session() as session:
            for dimension, sql in BASELINES.items():
                ours = _measure(lambda d=dimension: figures_by(session, d))
                base = _measure(lambda s=sql: session.execute(text(s)).all()) if sql else None
                _row(f"by {dimension}", ours, base)
            op = session.get(Operation, 1)
            ours = _measure(lambda: operation_statistics(session, op, dt.date(2025, 1, 1)))
            base = _measure(lambda: session.execute(text(OPERATION_BASELINE), {"op": 1}).all())
            _row("one operation", ours, base)
        db.dispose()


def _row(
    label: str, ours: tuple[float, float, float], base: tuple[float, float, float] | None
) -> None:
    shown = f"{ours[0]:8.3f} {ours[1]:8.3f} {ours[2]:7.1f}"
    if base is None:
        print(f"{label:<22}{shown:>26}{'—':>26}")
        return
    wall = ours[0] / base[0] if base[0] else float("inf")
    cpu = ours[1] / base[1] if base[1] else float("inf")
    print(f"{label:<22}{shown:>26}{f'{base[0]:8.3f} {base[1]:8.3f} {base[2]:7.1f}':>26}"
          f"{wall:>8.1f}x {cpu:>6.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
