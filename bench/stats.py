"""Statistics over a large generated dataset: fraudlink's figures beside a plain GROUP BY.

    .venv/bin/python bench/stats.py [--reports 200000] [--subjects 20000] [--actions 100000]
        [--assets 100000] [--db postgresql+psycopg://postgres@127.0.0.1/bench]

The issue's size is ``--reports 10000000 --subjects 1000000 --assets 1000000``; run it
under the shared lock (``flock /tmp/heavy-bench.lock nice -n 5 ...``) on an empty database.

Fills a fresh database (SQLite by default) with agencies in a two-level hierarchy (25
provincial units under KH-NPA), reports with one loss each in a few currencies, cases
of ten reports and ten suspects each with their steps (arrested → detained → handed
over → charged), one operation per 1,000 actions grouping its share of the cases, and
seized assets. It loads by COPY on PostgreSQL and by ``executemany`` in one
transaction on SQLite, then recounts every day into ``report_figure`` (what
``fraudlink stats --refresh`` does) and times each figure fraudlink computes
(``figures_by`` per dimension, exact, over the summary; a window with partial months;
one operation's figures) beside the plain SQL a person would write for the same numbers
(``GROUP BY`` with ``SUM`` over the reports, which on SQLite adds floats). It times them
again with one day written after the refresh (counted from its reports), and on
PostgreSQL checks that the figures equal the plain GROUP BY to the last unit. Prints
wall time, CPU time and peak Python memory side by side with the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from fraudlink.access.principal import Principal
from fraudlink.analyse.dashboard import dashboard
from fraudlink.cases.operations import operation_statistics
from fraudlink.cases.rollup import refresh
from fraudlink.cases.statistics import figures_by
from fraudlink.cases.tables import Operation, ReportFigure
from fraudlink.settings import Settings
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Agency, Report

CURRENCIES = ("USD", "CNY", "THB", "KRW", "VND")
PROVINCES = tuple(f"Province {n:02d}" for n in range(25))
BLOCK = 200_000  # rows per COPY statement or executemany call
DAYS = 2 * 365
START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SUBJECTS_PER_CASE = 10
REPORTS_PER_CASE = 10
STEPS = ("arrested", "detained", "handed_over", "charged")
Row = tuple[object, ...]


def _agencies(db: Database) -> list[int]:
    """A national agency per country and 25 provincial units under KH-NPA."""
    with db.session() as session:
        for code in ("KH-NPA", "CN-MPS", "TH-RTP", "VN-MPS", "KR-KNPA"):
            session.execute(insert(Agency).values(code=code, country=code[:2]))
        national = {a.code: a.id for a in session.query(Agency)}
        for n in range(25):
            session.execute(
                insert(Agency).values(
                    code=f"KH-NPA-P{n:02d}", country="KH", parent_id=national["KH-NPA"]
                )
            )
        return [a.id for a in session.query(Agency)]


class Loader:
    """Bulk rows into one table: COPY on PostgreSQL, executemany in one transaction on SQLite."""

    def __init__(self, db: Database) -> None:
        self.postgres = db.dialect == "postgresql"
        self.raw = db.engine.raw_connection()
        if not self.postgres:
            self.raw.execute("BEGIN")

    def instant(self, minutes: int) -> str:
        when = START + dt.timedelta(minutes=minutes)
        return when.strftime(
            "%Y-%m-%d %H:%M:00+00" if self.postgres else "%Y-%m-%d %H:%M:00.000000"
        )

    def flag(self, value: bool) -> object:
        return ("t" if value else "f") if self.postgres else int(value)

    def load(self, table: str, columns: str, rows: Iterable[Row]) -> int:
        count = 0
        block: list[Row] = []
        for row in rows:
            block.append(row)
            if len(block) == BLOCK:
                count += self._write(table, columns, block)
                block = []
        if block:
            count += self._write(table, columns, block)
        return count

    def _write(self, table: str, columns: str, block: list[Row]) -> int:
        if self.postgres:
            text_ = "".join(
                "\t".join("\\N" if v is None else str(v) for v in row) + "\n" for row in block
            )
            cursor = self.raw.cursor()
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                copy.write(text_)
        else:
            marks = ", ".join("?" for _ in columns.split(","))
            self.raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", block)
        return len(block)

    def finish(self, tables: Iterable[str]) -> None:
        if self.postgres:
            cursor = self.raw.cursor()
            for table in tables:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        self.raw.commit()
        if self.postgres:  # as autovacuum would after a load: index-only scans need it
            self.raw.autocommit = True  # type: ignore[attr-defined]
            self.raw.cursor().execute("VACUUM ANALYZE")
        else:
            self.raw.execute("ANALYZE")
        self.raw.close()


def _fill(db: Database, args: argparse.Namespace) -> dict[str, int]:
    rng = random.Random(args.seed)
    agencies = _agencies(db)
    out = Loader(db)
    now = out.instant(DAYS * 1440)
    counts: dict[str, int] = {}
    counts["report"] = out.load(
        "report",
        "id, agency_id, external_id, reported_at, country, language_detected, scam_type, "
        "narrative, extra, tlp, raw, content_hash, version, ingested_at, updated_at",
        (
            (n, rng.choice(agencies), f"R{n}", out.instant(rng.randrange(DAYS * 1440)),
             rng.choice(("KH", "CN", "TH", "VN", "KR")), out.flag(False),
             rng.choice(("investment", "romance", "job_task", "loan")), "", "{}", "AMBER", "",
             f"{n:064d}", 1, now, now)
            for n in range(1, args.reports + 1)
        ),
    )  # fmt: skip
    counts["money_record"] = out.load(
        "money_record",
        "id, kind, report_id, currency, amount",
        (
            (n, "loss", n, rng.choice(CURRENCIES), str(Decimal(rng.randrange(1, 10_000_000)) / 100))
            for n in range(1, args.reports + 1)
        ),
    )  # fmt: skip
    cases = max(1, args.subjects // SUBJECTS_PER_CASE)
    entities = max(SUBJECTS_PER_CASE, args.subjects // 10)
    operations = max(1, args.actions // 1000)
    counts["entity"] = out.load(
        "entity",
        "id, schema, name, agency_id, properties, tlp",
        ((n, "Person", f"person {n}", rng.choice(agencies), "{}", "AMBER")
         for n in range(1, entities + 1)),
    )  # fmt: skip
    counts["case_file"] = out.load(
        "case_file",
        "id, reference, title, lead_agency_id, status, tlp, flags, opened_at",
        ((n, f"C{n}", f"case {n}", rng.choice(agencies), "open", "AMBER", "{}", now)
         for n in range(1, cases + 1)),
    )  # fmt: skip
    counts["case_report"] = out.load(
        "case_report",
        "case_id, report_id",
        ((case, report) for case in range(1, cases + 1)
         for report in sorted(rng.sample(range(1, args.reports + 1), REPORTS_PER_CASE))),
    )  # fmt: skip

    def subjects() -> Iterable[Row]:
        n = 0
        for case in range(1, cases + 1):
            for entity in rng.sample(range(1, entities + 1), SUBJECTS_PER_CASE):
                n += 1
                yield (n, case, entity, "suspect", "{}")

    counts["case_subject"] = out.load(
        "case_subject", "id, case_id, entity_id, role, flags", subjects()
    )

    def steps() -> Iterable[Row]:
        n = 0
        for subject in range(1, counts["case_subject"] + 1):
            for status in STEPS[: rng.randrange(1, len(STEPS) + 1)]:
                n += 1
                day = out.instant(rng.randrange(DAYS * 1440))[:10]
                yield (n, subject, status, day, rng.choice(agencies), now)

    counts["subject_status"] = out.load(
        "subject_status", "id, subject_id, status, occurred_on, agency_id, recorded_at", steps()
    )
    counts["operation"] = out.load(
        "operation",
        "id, reference, name, lead_agency_id, started_on",
        ((n, f"OP-{n}", f"op {n}", agencies[0], "2024-01-01") for n in range(1, operations + 1)),
    )  # fmt: skip
    counts["operation_case"] = out.load(
        "operation_case",
        "operation_id, case_id",
        ((1 + case % operations, case) for case in range(1, cases + 1)),
    )
    counts["operation_action"] = out.load(
        "operation_action",
        "id, operation_id, kind, occurred_at, agency_id, province, persons, officers",
        ((n, rng.randrange(1, operations + 1), rng.choice(("arrest", "rescue", "raid")),
          out.instant(rng.randrange(DAYS * 1440)), rng.choice(agencies), rng.choice(PROVINCES),
          rng.randrange(0, 50), "[]")
         for n in range(1, args.actions + 1)),
    )  # fmt: skip
    counts["seized_asset"] = out.load(
        "seized_asset",
        "id, operation_id, kind, description, currency, amount, agency_id, state, details",
        ((n, 1 if rng.random() < 0.5 else rng.randrange(1, operations + 1), "cash", "cash",
          rng.choice(CURRENCIES), str(Decimal(rng.randrange(1, 10**9)) / 100), agencies[0],
          rng.choice(("seized", "frozen", "confiscated")), "{}")
         for n in range(1, args.assets + 1)),
    )  # fmt: skip
    out.finish([t for t in counts if t not in ("case_report", "operation_case")])
    return counts


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
DASHBOARD_BASELINE = (  # the dashboard's report charts, counted from the reports
    "SELECT r.country, r.scam_type, substr(CAST(r.reported_at AS TEXT), 1, 7), m.currency, "
    "count(*), sum(m.amount) FROM report r JOIN money_record m ON m.report_id = r.id "
    "WHERE m.kind = 'loss' AND r.agency_id IN (SELECT id FROM agency WHERE code LIKE 'KH-NPA%') "
    "GROUP BY 1, 2, 3, 4"
)
OPERATION_BASELINE = (
    "SELECT state, currency, sum(amount) FROM seized_asset WHERE operation_id = :op GROUP BY 1, 2"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200_000)
    parser.add_argument("--subjects", type=int, default=20_000)
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", action="store_true",
        help="measure a database this bench filled before instead of filling it again",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Settings(db=args.db or str(Path(tmp) / "stats.db")))
        began = time.perf_counter()
        if args.keep:
            with db.session() as session:
                print(
                    f"{db.dialect}: kept {session.scalar(select(func.count(Report.id))):,} reports"
                )
        else:
            counts = _fill(db, args)
            print(f"{db.dialect}: loaded in {time.perf_counter() - began:.1f} s: "
                  + ", ".join(f"{n:,} {t}" for t, n in counts.items()))  # fmt: skip
        with db.session() as session:
            wall, cpu, _ = _measure(lambda: refresh(session))
        with db.session() as session:
            rows = session.scalar(select(func.count()).select_from(ReportFigure))
            print(f"refresh (stats --refresh) of every day: {wall:.1f} s wall, {cpu:.1f} s cpu, "
                  f"{rows:,} summary rows")  # fmt: skip
            if db.dialect == "postgresql":
                session.execute(text("ANALYZE report_figure"))
        print(f"{'figure':<40}{'fraudlink wall/cpu/MiB':>26}{'GROUP BY wall/cpu/MiB':>26}"
              f"{'ratio wall, cpu':>17}")  # fmt: skip
        with db.session() as session:
            _figures(session, "")
            # a report written after the refresh: its day is counted from the reports
            late = time.time_ns()
            session.execute(
                insert(Report).values(
                    agency_id=1, external_id=f"late {late}", country="KH", scam_type="loan",
                    reported_at=START + dt.timedelta(days=400), raw="", content_hash=f"late {late}",
                    extra={},
                )
            )  # fmt: skip
            session.flush()
            _figures(session, " (1 stale day)")
            _exact(session)
        db.dispose()


def _figures(session: Session, note: str) -> None:
    for dimension, sql in BASELINES.items():
        ours = _measure(lambda d=dimension: figures_by(session, d))
        base = _measure(lambda s=sql: session.execute(text(s)).all()) if sql else None
        _row(f"by {dimension}{note}", ours, base)
    window = (dt.date(2024, 3, 15), dt.date(2025, 6, 10))
    ours = _measure(lambda: figures_by(session, "scam_type", *window))
    _row(f"scam_type 15 Mar-10 Jun{note}", ours, None)
    ours = _measure(lambda: dashboard(session, _national(session)))
    base = _measure(lambda: session.execute(text(DASHBOARD_BASELINE)).all())
    _row(f"dashboard of KH-NPA (26 units){note}", ours, base)
    if note:
        return
    op = session.get(Operation, 1)
    ours = _measure(lambda: operation_statistics(session, op, dt.date(2025, 1, 1)))
    base = _measure(lambda: session.execute(text(OPERATION_BASELINE), {"op": 1}).all())
    _row("one operation", ours, base)


def _national(session: Session) -> Principal:
    """KH-NPA's dashboard reader: the national agency and its 25 provincial units."""
    units = dict(
        session.execute(select(Agency.id, Agency.code).where(Agency.country == "KH")).all()
    )
    national = next(id_ for id_, code in units.items() if code == "KH-NPA")
    return Principal(0, "bench", national, "KH-NPA", frozenset(units), frozenset(units.values()),
                     frozenset({"analyst"}), frozenset())  # fmt: skip


def _exact(session: Session) -> None:
    """The figures by country equal the plain GROUP BY's (exact NUMERIC on PostgreSQL)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    plain = {(c, cur): Decimal(a) for c, cur, _, a in session.execute(text(BASELINES["country"]))}
    ours = {(g.key, cur): a for g in figures_by(session, "country") for cur, a in g.losses.items()}
    print(f"figures by country equal the plain GROUP BY to the last unit: {plain == ours}")


def _row(
    label: str, ours: tuple[float, float, float], base: tuple[float, float, float] | None
) -> None:
    shown = f"{ours[0]:8.3f} {ours[1]:8.3f} {ours[2]:7.1f}"
    if base is None:
        print(f"{label:<40}{shown:>26}{'—':>26}")
        return
    wall = ours[0] / base[0] if base[0] else float("inf")
    cpu = ours[1] / base[1] if base[1] else float("inf")
    print(f"{label:<40}{shown:>26}{f'{base[0]:8.3f} {base[1]:8.3f} {base[2]:7.1f}':>26}"
          f"{wall:>8.1f}x {cpu:>6.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
