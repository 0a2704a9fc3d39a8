"""The SQL engines one linking job runs on: DuckDB in-process, or Spark for a regional hub.

Only the database API and the way a table is handed over differ; the model,
its comparisons and blocking rules are the same objects on both engines.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd  # type: ignore[import-untyped]

from fraudlink.errors import ConfigError

ENGINES = ("duckdb", "spark")


class EngineUnavailable(ConfigError):
    title = "Linking engine unavailable"


def _spark_session() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise EngineUnavailable(
            "The spark engine needs pyspark; run `pip install 'fraudlink[spark]'`."
        ) from error
    if shutil.which("java") is None:
        raise EngineUnavailable("The spark engine needs Java 17 or newer on PATH; install it.")
    from splink.backends.spark import similarity_jar_location

    return (
        SparkSession.builder.master("local[2]")
        .config("spark.jars", similarity_jar_location())
        .appName("fraudlink-persons")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )


@contextmanager
def database_api(engine: str) -> Iterator[Any]:
    """A Splink database API for ``engine``; a Spark session is stopped afterwards."""
    if engine == "duckdb":
        from splink import DuckDBAPI

        yield DuckDBAPI()
        return
    if engine != "spark":
        raise EngineUnavailable(f"Unknown engine {engine!r}; choose one of {', '.join(ENGINES)}.")
    from splink import SparkAPI

    spark = _spark_session()
    try:
        yield SparkAPI(spark_session=spark, break_lineage_method="persist")  # type: ignore[no-untyped-call]
    finally:
        spark.stop()


def as_input(api: Any, frame: pd.DataFrame, name: str) -> Any:
    """Register ``frame`` with the engine; Spark gets an explicit schema for the list columns."""
    if type(api).__name__ == "SparkAPI":
        from fraudlink.link.persons.spark_schema import spark_frame

        return api.register(spark_frame(api, frame), dataset_display_name=name)
    return api.register(frame, dataset_display_name=name)
