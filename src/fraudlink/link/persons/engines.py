"""The SQL engines one linking job runs on: DuckDB in-process, or Spark for a regional hub.

Only the database API and the way a table is handed over differ; the model,
its comparisons and blocking rules are the same objects on both engines.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyarrow as pa

from fraudlink.errors import ConfigError
from fraudlink.link.persons.features import ARRAY_COLUMNS, COLUMNS

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


def arrow_table(rows: list[dict[str, Any]]) -> pa.Table:
    """The rows as an Arrow table with a declared schema: a list column that holds only NULLs
    in a small batch would otherwise be inferred as type null, which no comparison accepts."""
    schema = pa.schema(
        [
            pa.field(
                column,
                pa.int64()
                if column == "unique_id"
                else pa.list_(pa.string())
                if column in ARRAY_COLUMNS
                else pa.string(),
            )
            for column in COLUMNS
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def as_input(api: Any, rows: list[dict[str, Any]], name: str) -> Any:
    """Register ``rows`` with the engine; both get an explicit schema for the list columns."""
    if type(api).__name__ == "SparkAPI":
        from fraudlink.link.persons.spark_schema import spark_frame

        return api.register(spark_frame(api, rows), dataset_display_name=name)
    return api.register(arrow_table(rows), dataset_display_name=name)
