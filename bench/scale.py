"""``fraudlink link --full`` at growing sizes: in-process on SQLite and PostgreSQL, and on Spark.

Usage: python bench/scale.py [--sizes 1000000,2000000,4000000] [--engines sqlite,postgres,spark]
       [--seed 1] [--cache /tmp/fraudlink-bench-scale] [--executors 20] [--json RUNS.jsonl]
       python bench/scale.py --combine RUNS.jsonl [MORE.jsonl ...] [--executors 20]

Ingesting ten million narratives would take hours, so the mention tables are
filled directly with generated rows (SQLite: ``executemany`` in one
transaction; PostgreSQL: ``COPY``): networks of 1 to 12 reports chained by
their own phones, handles and wallets, shipped-allow-list platforms and
hub domains and hotlines that unrelated reports quote, and a share of
invalid identifiers. Each link runs in its own process so its peak RSS is
its own; the table gives time, peak memory and the growth factor from each
size to the next (1.0 per doubling of work would be linear: the factor is
divided by the size ratio). The closing lines estimate 100M reports on a
cluster of ``--executors`` executors from the Spark figures and say what
the estimate rests on.

A long series can be split into several invocations (one engine or one size
each, so that other heavy jobs can run in between): ``--json`` appends each
measured run as one JSON line, and ``--combine`` prints the table and the
estimate from such files — the same figures, only gathered separately.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
HUBS = 60
HOTLINES = ["+6623456789", "+85523900900", "+6328880000"]


def peak_mib() -> float:
    """This process's own peak RSS: ``VmHWM`` starts afresh at exec, where ``ru_maxrss``
    keeps the forking parent's (the filler's lists of rows) on Linux."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(argv: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    sys.stderr.write(done.stderr)  # the Spark job's steps and their times
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def generate(reports: int, seed: int) -> tuple[Iterator[tuple[int, str, str, bool]], np.ndarray]:
    """Identifier rows ``(id, kind, value, valid)`` (made as they are read, so that ten
    million of them never sit in memory at once) and ``(report, identifier)`` mentions."""
    rng = np.random.default_rng(seed)
    sizes = np.minimum(rng.geometric(0.35, reports), 12)
    ends = np.cumsum(sizes)
    sizes = sizes[: int(np.searchsorted(ends, reports)) + 1]
    sizes[-1] -= int(sizes.sum()) - reports
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    report = np.arange(reports, dtype=np.int64)
    network = np.repeat(np.arange(len(sizes)), sizes)
    position = report - starts[network]
    # report k of a network names its own identifier k and the one before: a chain
    own = report + 1
    chained = np.where(position > 0, report, -1)
    mentions = [np.stack([report, own], 1), np.stack([report, chained], 1)[position > 0]]
    from fraudlink.link.networks.allowlist import shipped

    platforms = [a for a in shipped() if a.kind == "domain"][:10]
    extra = [*(("domain", a.value) for a in platforms),
             *(("domain", f"hub{n}-exchange.com") for n in range(HUBS)),
             *(("phone", h) for h in HOTLINES)]  # fmt: skip
    base = reports + 1
    quoting = rng.random(reports) < 0.08
    picked = rng.integers(0, len(extra), int(quoting.sum()))
    mentions.append(np.stack([report[quoting], base + picked], 1))
    matrix = np.concatenate(mentions) + np.asarray([1, 0])
    kinds = ("phone", "telegram", "crypto_wallet", "email")
    own_rows = ((i, kinds[i % 4], _value(kinds[i % 4], i), i % 97 != 0) for i in range(1, base))
    extra_rows = ((base + n, k, v, True) for n, (k, v) in enumerate(extra))
    return itertools.chain(own_rows, extra_rows), matrix


def _value(kind: str, n: int) -> str:
    if kind == "phone":
        return f"+8551{n:08d}"
    if kind == "telegram":
        return f"u{n}x"
    if kind == "email":
        return f"m{n}@mail{n % 50}.com"
    return f"0x{n:040x}"


def fill(db: str, reports: int, seed: int) -> None:
    """A fresh database holding ``reports`` generated reports and their mentions."""
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    database = open_database(Settings(db=db))
    identifiers, mentions = generate(reports, seed)
    # as the store writes it: SQLite keeps naive UTC (its date() reads no "+00" offset)
    at = "2025-01-01 00:00:00" + ("+00" if db.startswith("postgresql") else "")
    report_rows = (
        (i, 1, f"R{i}", at, "KH", False, "", "{}", "AMBER", "{}", "x", 1, at, at)
        for i in range(1, reports + 1)
    )
    chunks = (mentions[k : k + 1_000_000].tolist() for k in range(0, len(mentions), 1_000_000))
    pairs = itertools.chain.from_iterable(chunks)
    mention_rows = ((n + 1, r, i, "x", "field") for n, (r, i) in enumerate(pairs))
    tables: dict[str, Iterable[tuple[Any, ...]]] = {
        "agency": [(1, "BENCH", "bench", "KH")],
        "report": report_rows,
        "identifier": ((i, k, v, ok, "{}") for i, k, v, ok in identifiers),
        "report_identifier": mention_rows,
    }
    columns = {
        "agency": "id, code, name, country",
        "report": "id, agency_id, external_id, reported_at, country, language_detected, "
        "narrative, extra, tlp, raw, content_hash, version, ingested_at, updated_at",
        "identifier": "id, kind, value, valid, attributes",
        "report_identifier": "id, report_id, identifier_id, raw, origin",
    }
    with database.engine.begin() as connection:
        indexes = _drop_indexes(connection, list(tables))
        for table, rows in tables.items():
            _insert(connection, table, columns[table], rows)
        for sql in indexes:
            connection.exec_driver_sql(sql)
    database.dispose()


def _drop_indexes(connection: Any, tables: list[str]) -> list[str]:
    """Drop the plain (non-unique-constraint) indexes of ``tables`` for the bulk load and
    return the statements that rebuild them: one sorted build beats millions of inserts.
    PostgreSQL also skips the foreign-key triggers (the generated rows are consistent)
    and SQLite gets a cache large enough to hold the unique indexes it must keep."""
    names = ", ".join(f"'{t}'" for t in tables)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size = -2000000")
        sql = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
               f"AND tbl_name IN ({names})")  # fmt: skip
    else:
        connection.exec_driver_sql("SET session_replication_role = replica")
        sql = (
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            f"WHERE t.relname IN ({names}) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)"
        )
    found = [(str(n), str(d)) for n, d in connection.exec_driver_sql(sql).all()]
    for name, _ in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


def _insert(connection: Any, table: str, columns: str, rows: Iterable[tuple[Any, ...]]) -> None:
    raw = connection.connection.dbapi_connection
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" * len(columns.split(",")))
        raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        return
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def prepare(engine: str, reports: int, seed: int, cache: Path) -> str:
    """The database for ``engine`` at ``reports``, filled once and reused."""
    from sqlalchemy import create_engine, text

    if engine in ("sqlite", "spark"):
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / f"{reports}-{seed}.db"
        if not path.exists():
            empty = cache / "empty.db"
            if not empty.exists():
                _migrate(f"{empty}.partial")
                Path(f"{empty}.partial").rename(empty)
            partial = Path(f"{path}.partial")
            shutil.copyfile(empty, partial)
            fill(str(partial), reports, seed)
            partial.rename(path)
        return str(path)
    name = f"fraudlink_scale_{reports}_{seed}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        found = connection.execute(text(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))
        if found.first() is None:
            template = "fraudlink_scale_empty"
            known = f"SELECT 1 FROM pg_database WHERE datname = '{template}'"
            if connection.execute(text(known)).first() is None:
                connection.execute(text(f'CREATE DATABASE "{template}"'))
                _migrate(PG_ADMIN.rsplit("/", 1)[0] + f"/{template}")
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
            try:
                fill(url, reports, seed)
            except BaseException:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                raise
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def _migrate(db: str) -> None:
    """An empty database at the current schema, copied for each size (migrating takes a while)."""
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    open_database(Settings(db=db)).dispose()


def _descendants(root: int) -> list[int]:
    """Every live process below ``root`` (Spark's JVM and the Python workers it forks)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _proc_usage(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS in MiB of a live process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0, 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), 0)
    return cpu, float(peak)


def measure(db: str, engine: str) -> dict[str, float]:
    from fraudlink.link import link_reports
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    database = open_database(Settings(db=db))
    load = os.getloadavg()[0]
    start, cpu = time.perf_counter(), os.times()
    summary = link_reports(database, full=True, engine=engine)
    seconds = time.perf_counter() - start
    used = os.times()
    # CPU time is steadier than wall time on a shared machine. Spark's JVM and its Python
    # workers are still running child processes: their CPU time and peak RSS are read
    # from /proc and added (a sum of peaks: an upper bound of the peak of the sum)
    cpu_seconds = used.user + used.system - cpu.user - cpu.system
    peak = peak_mib()
    for pid in _descendants(os.getpid()):
        child_cpu, child_peak = _proc_usage(pid)
        cpu_seconds += child_cpu
        peak += child_peak
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mib": peak,
            "load_before": load, "load_after": os.getloadavg()[0],
            "networks": summary.networks, "hubs": summary.hubs,
            "reports": summary.reports}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,2000000,4000000")
    parser.add_argument("--engines", default="sqlite,postgres,spark")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fraudlink-bench-scale"))
    parser.add_argument("--executors", type=int, default=20)
    parser.add_argument("--measure", nargs=2, metavar=("DB", "ENGINE"))
    parser.add_argument("--json", type=Path, help="append each run as a JSON line to this file")
    parser.add_argument("--combine", type=Path, nargs="+", help="tabulate runs from --json files")
    args = parser.parse_args()
    if args.measure:
        logging.basicConfig(format="%(asctime)s %(message)s", level=logging.WARNING)
        logging.getLogger("fraudlink.link").setLevel(logging.INFO)
        print(json.dumps(measure(*args.measure)))
        return
    if args.combine:
        combine(args.combine, args.executors)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[str, list[tuple[int, dict[str, float]]]] = {}
    print(HEADER)
    for engine in args.engines.split(","):
        for size in sizes:
            started = time.perf_counter()
            db = prepare(engine, size, args.seed, args.cache)
            filled = time.perf_counter() - started
            run = child(["--measure", db, "spark" if engine == "spark" else "inprocess"])
            results.setdefault(engine, []).append((size, run))
            print(f"{_line(engine, results[engine])}   (fill {filled:.0f} s)", flush=True)
            if args.json:
                at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                record = {"engine": engine, "size": size, "seed": args.seed, "fill": filled,
                          "at": at, "code": _code_version(), **run}  # fmt: skip
                with args.json.open("a") as out:
                    out.write(json.dumps(record) + "\n")
    if "spark" in results:
        print(estimate(results["spark"], args.executors))


HEADER = (
    f"{'engine':<9} {'reports':>10} {'seconds':>8} {'peak MiB':>9} {'growth':>7} "
    f"{'cpu s':>7} {'cpu gr.':>7} {'load':>5}"
)


def _code_version() -> str:
    """The commit measured, marked ``+dirty`` when the working tree differs from it."""
    here = Path(__file__).resolve().parent.parent
    git = ["git", "-C", str(here)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True, text=True)
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def _line(engine: str, runs: list[tuple[int, dict[str, float]]]) -> str:
    """One run: wall time, peak RSS, growth; the process's CPU time and its growth (in-process
    runs: the figure least disturbed by other jobs) and the 1-minute load average at start."""
    size, run = runs[-1]
    found = f"{run['networks']:.0f} networks, {run['hubs']:.0f} hubs"
    line = f"{engine:<9} {size:>10,} {run['seconds']:>8.1f} {run['peak_mib']:>9.0f}"
    cpu = run.get("cpu_seconds")
    extra = f"{cpu:>7.1f} {_growth(runs, 'cpu_seconds'):>7}" if cpu is not None else " " * 15
    load = f"{run['load_before']:>5.1f}" if "load_before" in run else " " * 5
    return f"{line} {_growth(runs):>7} {extra} {load}   {found}"


def combine(paths: list[Path], executors: int) -> None:
    """The table of runs recorded by ``--json`` (the latest run of each engine and size)."""
    latest: dict[tuple[str, int], dict[str, Any]] = {}
    for path in paths:
        for text in path.read_text().splitlines():
            if text.strip():
                record = json.loads(text)
                latest[(record["engine"], int(record["size"]))] = record
    print(HEADER)
    results: dict[str, list[tuple[int, dict[str, float]]]] = {}
    for engine, size in sorted(latest, key=lambda k: (ENGINE_ORDER.get(k[0], 9), k[1])):
        results.setdefault(engine, []).append((size, latest[(engine, size)]))
        print(f"{_line(engine, results[engine])}   ({latest[(engine, size)]['at']})")
    if "spark" in results:
        print(estimate(results["spark"], executors))


ENGINE_ORDER = {"sqlite": 0, "postgres": 1, "spark": 2}


def _growth(runs: list[tuple[int, dict[str, float]]], key: str = "seconds") -> str:
    """Time ratio to the previous size, divided by the size ratio (1.00 is linear)."""
    if len(runs) < 2 or key not in runs[-2][1] or key not in runs[-1][1]:
        return "-"
    (n0, a), (n1, b) = runs[-2], runs[-1]
    return f"{(b[key] / a[key]) / (n1 / n0):.2f}"


def estimate(runs: list[tuple[int, dict[str, float]]], executors: int) -> str:
    """100M reports on ``executors`` executors of two cores, from the local[2] figures."""
    size, run = runs[-1]
    per_report = run["seconds"] / size
    local = per_report * 100_000_000
    cluster = local / executors
    return (
        f"estimate: 100M reports ≈ {local / 3600:.1f} h on local[2], ≈ {cluster / 60:.0f} min "
        f"on {executors} two-core executors — rests on: linear growth from the largest "
        f"measured size ({size:,}), shuffles spread evenly over executors (they are joins "
        "and group-bys keyed on report or identifier ids), large-star/small-star rounds "
        "growing like log² n (a few more rounds at 100M), the driver's share (hub "
        "candidates: about 1% of shared identifiers, judged in Python) staying small, and "
        "the JDBC read and write scaling with PostgreSQL's parallel connections."
    )


if __name__ == "__main__":
    main()
