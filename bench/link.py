"""Linking throughput and peak memory from the database, beside networkx on the same graph.

Usage: python bench/link.py [--reports 1000000] [--seed 1] [--cache /tmp/fraudlink-bench-link]

The dataset is generated and ingested (narrative extraction on: identifiers
from narratives matter) once and cached under ``--cache``; later runs reuse the
database file. Each measurement runs in its own process so its peak RSS is its
own:

- fraudlink: ``link_reports(full=True)`` — read the graph, judge hubs, write
  every report's network back;
- networkx: the same valid, non-allow-listed mentions read the same way, a
  bipartite ``nx.Graph`` and ``connected_components`` (no hub rule, no write);

then B-cubed precision/recall/F1 of both partitions against the truth file.

Incremental (``--incremental 1000``): a copy of the database without that many
randomly chosen reports is linked in full, the reports are ingested again as
new, and ``fraudlink link`` (incremental) is timed beside a full run over the
same database; both partitions are scored and compared.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(argv: list[str]) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, *argv], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def prepare(cache: Path, reports: int, seed: int) -> tuple[Path, Path]:
    from fraudlink.generate import write_dataset
    from fraudlink.ingest import ingest_files
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    cache.mkdir(parents=True, exist_ok=True)
    data, truth = cache / f"{reports}-{seed}.jsonl", cache / f"{reports}-{seed}.truth.json"
    db = cache / f"{reports}-{seed}.db"
    if db.exists():
        return db, truth
    if not truth.exists():
        write_dataset(data, reports, seed, truth)
    partial = Path(str(db) + ".partial")
    database = open_database(Settings(db=str(partial)))
    ingest_files(database, [data])
    database.dispose()
    partial.rename(db)
    return db, truth


def measure_fraudlink(db: str, out: str) -> dict[str, float]:
    from sqlalchemy import select

    from fraudlink.link import link_reports
    from fraudlink.link.networks.tables import LinkReport
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    database = open_database(Settings(db=db))
    start = time.perf_counter()
    summary = link_reports(database, full=True)
    seconds = time.perf_counter() - start
    peak = peak_mib()
    with database.engine.connect() as connection:
        rows = connection.execute(select(LinkReport.report_id, LinkReport.network_id)).all()
    Path(out).write_text(json.dumps({str(r): n for r, n in rows}))
    return {"seconds": seconds, "peak_mib": peak, "networks": summary.networks,
            "hubs": summary.hubs}  # fmt: skip


def measure_networkx(db: str, out: str) -> dict[str, float]:
    import networkx as nx
    import numpy as np

    from fraudlink.link.networks.store import allowlisted_identifiers, read_graph
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    database = open_database(Settings(db=db))
    start = time.perf_counter()
    with database.engine.connect() as connection:
        graph = read_graph(connection)
        ignored = np.asarray(allowlisted_identifiers(connection), np.int64)
    keep = ~np.isin(graph.ident, ignored)
    g = nx.Graph()
    g.add_nodes_from(range(len(graph.report_ids)))
    g.add_edges_from(zip(graph.rep[keep].tolist(), (-1 - graph.ident[keep]).tolist(), strict=True))
    labels: dict[str, int] = {}
    for n, component in enumerate(nx.connected_components(g)):
        for node in component:
            if node >= 0:
                labels[str(int(graph.report_ids[node]))] = n
    seconds = time.perf_counter() - start
    Path(out).write_text(json.dumps(labels))
    return {"seconds": seconds, "peak_mib": peak_mib()}


def holdout(db: Path, data: Path, count: int, seed: int) -> tuple[Path, Path]:
    """A copy of ``db`` without ``count`` random reports, and those reports as JSON Lines."""
    import random
    import shutil
    import sqlite3

    base, lines = db.with_suffix(f".minus{count}.db"), db.with_suffix(f".minus{count}.jsonl")
    if base.exists() and lines.exists():
        return base, lines
    partial = Path(str(base) + ".partial")
    shutil.copyfile(db, partial)
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA foreign_keys=ON")
    rows = connection.execute(
        "SELECT report.id, agency.code, report.external_id FROM report "
        "JOIN agency ON agency.id = report.agency_id"
    ).fetchall()
    chosen = random.Random(seed).sample(rows, count)
    wanted = {(a, e) for _, a, e in chosen}
    kept = [line for line in data.open(encoding="utf-8") if _key(line) in wanted]
    lines.write_text("".join(kept), "utf-8")
    connection.executemany("DELETE FROM report WHERE id = ?", [(r,) for r, _, _ in chosen])
    connection.commit()
    connection.close()
    partial.rename(base)
    return base, lines


def _key(line: str) -> tuple[str, str]:
    row = json.loads(line)
    return row["agency"], row["id"]


def measure_incremental(db: str, lines: str, out: str) -> dict[str, object]:
    """Full run on the base, ingest the held-out reports, then incremental and full runs."""
    import shutil

    from sqlalchemy import select

    from fraudlink.ingest import ingest_files
    from fraudlink.link import link_reports
    from fraudlink.link.networks.tables import LinkReport
    from fraudlink.settings import Settings
    from fraudlink.store import open_database
    from fraudlink.store.schema import Report

    work = out + ".db"
    shutil.copyfile(db, work)
    database = open_database(Settings(db=work))
    base = link_reports(database, full=True)
    ingest_files(database, [Path(lines)])
    start = time.perf_counter()
    summary = link_reports(database)
    incremental = time.perf_counter() - start
    with database.engine.connect() as connection:
        rows = connection.execute(select(LinkReport.report_id, LinkReport.network_id)).all()
    Path(out).write_text(json.dumps({str(r): n for r, n in rows}))
    start = time.perf_counter()
    link_reports(database, full=True)
    full = time.perf_counter() - start
    with database.engine.connect() as connection:
        rows = connection.execute(select(LinkReport.report_id, LinkReport.network_id)).all()
    Path(out + ".full").write_text(json.dumps({str(r): n for r, n in rows}))
    with database.engine.connect() as connection:
        ids = connection.execute(select(Report.id, Report.external_id)).all()
    Path(out + ".db.ids").write_text(json.dumps({str(i): e for i, e in ids}))
    database.dispose()
    Path(work).unlink()
    return {"incremental": incremental, "full": full, "mode": summary.mode,
            "fallback": summary.fallback, "base_reports": base.reports,
            "new": summary.new_reports}  # fmt: skip


def run_incremental(db: Path, truth: Path, data: Path, args: argparse.Namespace) -> None:
    base, lines = holdout(db, data, args.incremental, args.seed)
    out = args.cache / f"{args.reports}-{args.seed}.incremental.json"
    result = child(["--measure-incremental", str(base), str(lines), str(out)])
    ids = Path(str(out) + ".db.ids")
    p, r, f = score_against(base, out, truth, ids)
    fp, fr, ff = score_against(base, Path(str(out) + ".full"), truth, ids)
    same = json.loads(out.read_text()) == json.loads(Path(str(out) + ".full").read_text())
    print(
        f"incremental: {result['new']:,} new reports on {result['base_reports']:,} linked "
        f"({result['mode']}{', ' + str(result['fallback']) if result['fallback'] else ''})"
    )
    print(f"  incremental {result['incremental']:7.2f} s  B-cubed P={p:.4f} R={r:.4f} F1={f:.4f}")
    print(f"  full        {result['full']:7.2f} s  B-cubed P={fp:.4f} R={fr:.4f} F1={ff:.4f}")
    print(f"  same partition as the full run: {same}")


def names_table(cache: Path) -> None:
    """B-cubed without and with ``--names`` on generated data, seeds 3 and 7."""
    import sqlite3

    from fraudlink.link import link_reports
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    for reports in (5_000, 50_000):
        for seed in (3, 7):
            db, truth = prepare(cache, reports, seed)
            gold_map = json.loads(truth.read_text("utf-8"))["report_network"]
            database = open_database(Settings(db=str(db)))
            cells = []
            for names in (False, True):
                summary = link_reports(database, full=True, names=names)
                rows = (
                    sqlite3.connect(db)
                    .execute(
                        "SELECT r.external_id, l.network_id FROM link_report l "
                        "JOIN report r ON r.id = l.report_id"
                    )
                    .fetchall()
                )
                p, r, f = bcubed([gold_map[e] for e, _ in rows], [n for _, n in rows])
                cells.append(f"P={p:.4f} R={r:.4f} F1={f:.4f} ({summary.networks:,} networks)")
            joins = sqlite3.connect(db).execute("SELECT count(*) FROM link_name_join").fetchone()
            database.dispose()
            print(f"names {reports:>6,} seed {seed}: without {cells[0]}  with {cells[1]}, "
                  f"{joins[0]} name joins")  # fmt: skip


def bcubed(gold: list[str], pred: list[object]) -> tuple[float, float, float]:
    pairs = Counter(zip(gold, pred, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(pred)
    precision = sum(n * n / pred_sizes[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def score_against(db: Path, partition: Path, truth: Path, ids: Path) -> tuple[float, float, float]:
    """Like ``score``, with the report ids of the copy the held-out reports went back into."""
    return score(db, truth, partition, ids)


def score(
    db: Path, truth: Path, partition: Path, ids_file: Path | None = None
) -> tuple[float, float, float]:
    import sqlite3

    if ids_file is not None and ids_file.exists():
        external = {int(k): v for k, v in json.loads(ids_file.read_text()).items()}
    else:
        external = dict(
            sqlite3.connect(db).execute("SELECT id, external_id FROM report").fetchall()
        )
    gold_map = json.loads(truth.read_text("utf-8"))["report_network"]
    pred_map = json.loads(partition.read_text())
    ids = sorted(pred_map)
    return bcubed([gold_map[external[int(i)]] for i in ids], [pred_map[i] for i in ids])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fraudlink-bench-link"))
    parser.add_argument("--incremental", type=int, default=1000, help="0: skip")
    parser.add_argument("--only-incremental", action="store_true")
    parser.add_argument("--names", action="store_true", help="only B-cubed with/without names")
    args = parser.parse_args()
    if args.names:
        names_table(args.cache)
        return
    db, truth = prepare(args.cache, args.reports, args.seed)
    print(f"{args.reports:,} reports, database {db} ({db.stat().st_size / 2**20:,.0f} MiB)")
    if args.incremental:
        data = args.cache / f"{args.reports}-{args.seed}.jsonl"
        run_incremental(db, truth, data, args)
    if args.only_incremental:
        return
    for name in ("fraudlink", "networkx"):
        out = args.cache / f"{args.reports}-{args.seed}.{name}.json"
        result = child([f"--measure-{name}", str(db), str(out)])
        p, r, f = score(db, truth, out)
        extra = (
            f"  networks={result['networks']:,} hubs={result['hubs']}" if "hubs" in result else ""
        )
        print(f"{name:<10} {result['seconds']:7.2f} s  peak {result['peak_mib']:7.0f} MiB  "
              f"B-cubed P={p:.4f} R={r:.4f} F1={f:.4f}{extra}")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--measure-incremental":
        print(json.dumps(measure_incremental(*sys.argv[2:])))
    elif len(sys.argv) == 4 and sys.argv[1].startswith("--measure-"):
        measure = measure_fraudlink if sys.argv[1] == "--measure-fraudlink" else measure_networkx
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()
