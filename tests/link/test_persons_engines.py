"""The same resolution job on Spark (local mode) as on DuckDB, and FEBRL4 quality."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from fraudlink.link.persons import resolve_records
from fraudlink.link.persons.evaluate import cluster_pairs, febrl4_records, pair_scores

needs_spark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
    reason="the spark engine needs pyspark (pip install 'fraudlink[spark]') and java",
)


def test_febrl4_subset_f1_floor() -> None:
    records, truth = febrl4_records(limit=600)
    result = resolve_records(records, "duckdb")
    scores = pair_scores(cluster_pairs(result.clusters), truth)
    assert scores.precision >= 0.97
    assert scores.f1 >= 0.95


@pytest.mark.slow
@needs_spark
def test_spark_local_mode_gives_the_same_clusters_as_duckdb() -> None:
    records, truth = febrl4_records(limit=150)
    on_duckdb = resolve_records(records, "duckdb")
    on_spark = resolve_records(records, "spark")
    assert cluster_pairs(on_spark.clusters) == cluster_pairs(on_duckdb.clusters)
    assert pair_scores(cluster_pairs(on_spark.clusters), truth).f1 >= 0.9
