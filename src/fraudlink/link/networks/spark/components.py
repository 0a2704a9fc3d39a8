"""Connected components on Spark DataFrames: alternating large-star and small-star.

Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014):
both operations keep every component connected while pointing nodes at
smaller labels; once the edges form stars, each star is one component and
its centre its smallest node. Rounds are logarithmic in practice, and each
round's edges are checkpointed so the query plan does not grow with them.
"""

from __future__ import annotations

import logging
import time
from typing import Any

DataFrame = Any
log = logging.getLogger("fraudlink.link")

#: a Spark setting naming a reliable directory (HDFS, S3) for each round's edges
CHECKPOINT_DIR = "spark.fraudlink.checkpointDir"
#: a safety net: large-star/small-star converges in O(log² n) rounds
MAX_ROUNDS = 64


def star_edges(mentions: DataFrame) -> DataFrame:
    """``(node, parent)`` edges: every report pointed at the smallest report of each identifier."""
    from pyspark.sql import functions as F

    low = mentions.groupBy("identifier_id").agg(F.min("report_id").alias("parent"))
    return (
        mentions.join(low, "identifier_id")
        .where(F.col("report_id") != F.col("parent"))
        .select(F.col("report_id").alias("node"), "parent")
        .distinct()
    )


def _large_star(edges: DataFrame) -> DataFrame:
    """Each node's larger neighbours are pointed at the smallest of its neighbourhood."""
    from pyspark.sql import functions as F

    both = edges.unionByName(edges.select(F.col("parent").alias("node"),
                                          F.col("node").alias("parent")))  # fmt: skip
    low = both.groupBy("node").agg(F.least(F.min("parent"), F.col("node")).alias("low"))
    return (
        both.join(low, "node")
        .where(F.col("parent") > F.col("node"))
        .select(F.col("parent").alias("node"), F.col("low").alias("parent"))
        .distinct()
    )


def _small_star(edges: DataFrame) -> DataFrame:
    """Each node and its smaller neighbours are pointed at the smallest of them."""
    from pyspark.sql import functions as F

    low = edges.groupBy("node").agg(F.min("parent").alias("low"))
    moved = edges.join(low, "node").where(F.col("parent") != F.col("low"))
    return (
        moved.select(F.col("parent").alias("node"), F.col("low").alias("parent"))
        .unionByName(low.select("node", F.col("low").alias("parent")))
        .distinct()
    )


def _is_star_forest(edges: DataFrame) -> bool:
    """Every node has one parent and no parent has one: each star is a whole component."""
    from pyspark.sql import functions as F

    roles = edges.select("node", F.col("parent").alias("other"), F.lit(1).alias("child"))
    roles = roles.unionByName(
        edges.select(F.col("parent").alias("node"), F.lit(None).cast("long").alias("other"),
                     F.lit(0).alias("child"))
    )  # fmt: skip
    bad = roles.groupBy("node").agg(
        ((F.countDistinct("other") > 1) | ((F.max("child") == 1) & (F.min("child") == 0))).alias(
            "bad"
        )
    )
    return not bad.where(F.col("bad")).limit(1).count()


def _cut(frame: DataFrame) -> DataFrame:
    """Materialise and forget the lineage (a reliable checkpoint when a directory is set)."""
    context = frame.sparkSession.sparkContext
    wanted = frame.sparkSession.conf.get(CHECKPOINT_DIR, None)
    if wanted and not context.getCheckpointDir():
        context.setCheckpointDir(wanted)
    if context.getCheckpointDir():
        return frame.checkpoint(eager=True)
    return frame.localCheckpoint(eager=True)


def component_labels(edges: DataFrame) -> DataFrame:
    """``(node, label)`` for every node of an edge: the smallest node of its component."""
    start = time.perf_counter()
    edges = _cut(edges)
    for done in range(MAX_ROUNDS):
        log.info("link: %d rounds of large/small star in %.1f s", done,
                 time.perf_counter() - start)  # fmt: skip
        if _is_star_forest(edges):
            break
        edges = _cut(_small_star(_large_star(edges)))
    else:  # pragma: no cover - a bound on a loop proven to stop
        raise RuntimeError("connected components did not converge")
    from pyspark.sql import functions as F

    centres = edges.select(F.col("parent").alias("node"), F.col("parent").alias("label"))
    # computed once: the candidates' groups, their sizes and the networks all read it
    return _cut(
        edges.select("node", F.col("parent").alias("label")).unionByName(centres).distinct()
    )
