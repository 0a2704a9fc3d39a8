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


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(argv: list[str]) -> dict[str, float]:
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


def bcubed(gold: list[str], pred: list[object]) -> tuple[float, float, float]:
    pairs = Counter(zip(gold, pred, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(pred)
    precision = sum(n * n / pred_sizes[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def score(db: Path, truth: Path, partition: Path) -> tuple[float, float, float]:
    import sqlite3

    external = dict(sqlite3.connect(db).execute("SELECT id, external_id FROM report").fetchall())
    gold_map = json.loads(truth.read_text("utf-8"))["report_network"]
    pred_map = json.loads(partition.read_text())
    ids = sorted(pred_map)
    return bcubed([gold_map[external[int(i)]] for i in ids], [pred_map[i] for i in ids])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fraudlink-bench-link"))
    args = parser.parse_args()
    db, truth = prepare(args.cache, args.reports, args.seed)
    print(f"{args.reports:,} reports, database {db} ({db.stat().st_size / 2**20:,.0f} MiB)")
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
    if len(sys.argv) == 4 and sys.argv[1].startswith("--measure-"):
        measure = measure_fraudlink if sys.argv[1] == "--measure-fraudlink" else measure_networkx
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()
