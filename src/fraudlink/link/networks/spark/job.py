"""``fraudlink link --engine spark``: the full link job on Spark, written back to the database.

The same three steps as in-process: identifiers that cannot be hubs link into
components (here large-star/small-star), the candidates are judged over those
components on the driver (``settle``, shared with the in-process engine),
and components the candidates merge are relabelled. Networks are written
over JDBC to a staging table that one transaction then swaps in, together
with the verdicts, cut-offs and hub groups an incremental run builds on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, text

from fraudlink.link.networks.incremental import stored_counts
from fraudlink.link.networks.namelinks import write_joins
from fraudlink.link.networks.pipeline import Judged, LinkSummary, timed, write_judged
from fraudlink.link.networks.rule import MIN_HUB_DEGREE
from fraudlink.link.networks.settle import Candidates, Settled, settle
from fraudlink.link.networks.spark.components import component_labels, star_edges
from fraudlink.link.networks.spark.hubs import SparkProfile, spark_profile
from fraudlink.link.networks.spark.session import Jdbc
from fraudlink.link.networks.state import mark_withdrawn
from fraudlink.link.networks.store import allowlist_matcher, withdrawn_reports
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.locks import exclusive

DataFrame = Any
STAGE = "link_report_spark"
MENTIONS = (
    "SELECT ri.report_id, ri.identifier_id FROM report_identifier ri "
    "JOIN identifier i ON i.id = ri.identifier_id WHERE i.valid"
)
IDENTIFIERS = "SELECT id AS identifier_id, kind, value FROM identifier WHERE valid"
REPORTS = "SELECT id AS report_id FROM report"


@dataclass(frozen=True, slots=True)
class Outcome:
    settled: Settled
    ignored: list[int]
    labels: DataFrame


def read_table(spark: Any, source: Jdbc, database: Database, sql: str, column: str,
               table: str) -> DataFrame:  # fmt: skip
    """``sql`` over JDBC, split on ``column`` (the id of ``table``) into ranges read in parallel."""
    with database.engine.connect() as connection:
        low, high = connection.execute(text(f"SELECT min(id), max(id) FROM {table}")).one()
    parts = 1 if source.backend == "sqlite" else max(2, spark.sparkContext.defaultParallelism * 2)
    return spark.read.jdbc(source.url, f"({sql}) q", column=column, lowerBound=low or 0,
                           upperBound=(high or 0) + 1, numPartitions=parts,
                           properties=source.properties)  # fmt: skip


def run_full(spark: Any, source: Jdbc, database: Database, reason: str = "") -> LinkSummary:
    """Partition every report on ``spark`` and replace the stored networks and verdicts."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    with database.engine.connect() as connection:
        matcher = allowlist_matcher(connection)
        gone = withdrawn_reports(connection)
    mentions = read_table(spark, source, database, MENTIONS, "report_id", "report")
    mentions = without(mentions, gone).distinct().persist(StorageLevel.MEMORY_AND_DISK)
    degree = mentions.groupBy("identifier_id").agg(F.count("*").alias("degree"))
    identifiers = read_table(spark, source, database, IDENTIFIERS, "identifier_id", "identifier")
    shared = degree.where(F.col("degree") >= 2).join(identifiers, "identifier_id")
    shared = shared.persist(StorageLevel.MEMORY_AND_DISK)
    with timed("read and hub profile"):
        profile = spark_profile(shared, matcher)
    with timed("components and hub verdicts"):
        outcome = _judged_partition(mentions, profile)
    reports = without(read_table(spark, source, database, REPORTS, "report_id", "report"), gone)
    networks = _networks(reports, outcome)
    with timed("networks staged"):
        _stage(networks, source, database)
    judged = Judged(outcome.settled.verdicts,
                    {i: profile.degree[i] for i in profile.allowlisted},
                    {v: (profile.degree[v], profile.labels.get(h, str(h)))
                     for v, h in profile.variants.items() if v in outcome.ignored},
                    profile.cutoffs)  # fmt: skip
    groups = [(h, r, c) for h, found in outcome.settled.groups.items() for r, c in found]
    with timed("swapped in"), database.engine.begin() as connection:
        exclusive(connection, "link")
        late = np.setdiff1d(withdrawn_reports(connection), gone)
        _swap(connection, late)
        write_judged(connection, judged, groups)
        if len(late):
            mark_withdrawn(connection)
        total, _, linked, hubs, allowlisted = stored_counts(connection, 0)
    mentions.unpersist()
    shared.unpersist()
    return LinkSummary("full", total, total, linked, hubs, allowlisted, reason)


def without(frame: DataFrame, gone: np.ndarray) -> DataFrame:
    """``frame`` less the rows of withdrawn reports: the set ``store.read_graph`` leaves out
    in-process (``withdrawn_reports``, read once on the driver — retractions are few)."""
    if not len(gone):
        return frame
    from pyspark.sql import functions as F

    spark = frame.sparkSession
    ids = spark.createDataFrame([(i,) for i in gone.tolist()], "report_id long")
    return frame.join(F.broadcast(ids), "report_id", "left_anti")


def _judged_partition(mentions: DataFrame, profile: SparkProfile) -> Outcome:
    """``pipeline.judged_partition`` on Spark: variants stay out while their hotline is a hub."""
    variants = dict(profile.variants)
    while True:
        ignored = sorted({*profile.allowlisted, *variants})
        outcome = _partition(mentions, profile, ignored)
        verdicts = outcome.settled.verdicts
        kept = {v: h for v, h in variants.items() if h in verdicts and verdicts[h].hub}
        if len(kept) == len(variants):
            return outcome
        variants = kept


def _partition(mentions: DataFrame, profile: SparkProfile, ignored: list[int]) -> Outcome:
    from pyspark.sql import functions as F

    spark = mentions.sparkSession
    skip = set(ignored)
    candidates = sorted(i for i, n in profile.needed.items()
                        if i not in skip and profile.degree[i] >= MIN_HUB_DEGREE
                        and n <= profile.degree[i])  # fmt: skip
    left_out = spark.createDataFrame([(i,) for i in sorted(skip | set(candidates))],
                                     "identifier_id long")  # fmt: skip
    linking = mentions.join(F.broadcast(left_out), "identifier_id", "left_anti")
    labels = component_labels(star_edges(linking))
    chosen = spark.createDataFrame([(i,) for i in candidates], "identifier_id long")
    found = _candidate_rows(mentions.join(F.broadcast(chosen), "identifier_id"), labels)
    table = np.asarray(found, np.int64).reshape(-1, 3)
    ids = table[:, 0].tolist()
    level = np.asarray([profile.degree[i] for i in ids], np.int64)
    needed = np.asarray([profile.needed[i] for i in ids], np.int64)
    rows = Candidates(table[:, 0], table[:, 1], table[:, 2], level, needed)
    return Outcome(settle(rows, {}), ignored, labels)


def _candidate_rows(mentions: DataFrame, labels: DataFrame) -> list[tuple[int, int, int]]:
    """``(identifier, component, component size)`` of every candidate mention."""
    from pyspark.sql import functions as F

    sizes = labels.groupBy("label").agg((F.count("*")).alias("size"))
    tagged = (
        mentions.join(labels, mentions.report_id == labels.node, "left")
        .select("identifier_id", F.coalesce("label", "report_id").alias("comp"))
        .join(sizes, F.col("comp") == F.col("label"), "left")
        .select("identifier_id", "comp", F.coalesce("size", F.lit(1)).alias("size"))
    )
    return [(int(i), int(c), int(s)) for i, c, s in tagged.collect()]


def _networks(reports: DataFrame, outcome: Outcome) -> DataFrame:
    """``(report_id, network_id)``: the component's label, or the network it merged into."""
    from pyspark.sql import functions as F

    spark = reports.sparkSession
    settled = outcome.settled
    moved = spark.createDataFrame(
        list(zip(settled.merged.tolist(), settled.into.tolist(), strict=True)),
        "comp long, into long",
    )
    labels = outcome.labels
    return (
        reports.join(labels, reports.report_id == labels.node, "left")
        .select("report_id", F.coalesce("label", "report_id").alias("comp"))
        .join(F.broadcast(moved), "comp", "left")
        .select("report_id", F.coalesce("into", "comp").alias("network_id"))
    )


def _stage(networks: DataFrame, source: Jdbc, database: Database) -> None:
    """Write the networks to a fresh staging table (one writer on SQLite, which locks the file)."""
    with database.engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGE}")
        connection.exec_driver_sql(f"CREATE TABLE {STAGE} (report_id BIGINT, network_id BIGINT)")
    frame = networks.coalesce(1) if source.backend == "sqlite" else networks
    frame.write.jdbc(source.url, STAGE, mode="append",
                     properties={**source.properties, "batchsize": "20000"})  # fmt: skip


def _swap(connection: Connection, late: np.ndarray) -> None:
    """Replace every report's network with the staged ones, in the caller's transaction.

    ``late``: reports a retraction withdrew while the job ran (it read the graph
    before); they stay out, and the mark the retraction wrote is kept
    (``mark_withdrawn``) so that the next run re-partitions what they held together.
    """
    connection.exec_driver_sql("DELETE FROM link_report")
    connection.exec_driver_sql(
        f"INSERT INTO link_report (report_id, network_id) SELECT report_id, network_id FROM {STAGE}"
    )
    for start in range(0, len(late), 10_000):
        chunk = [int(i) for i in late[start : start + 10_000]]
        connection.execute(delete(LinkReport).where(LinkReport.report_id.in_(chunk)))
    connection.exec_driver_sql(f"DROP TABLE {STAGE}")
    write_joins(connection, [])
