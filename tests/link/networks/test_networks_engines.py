"""Choosing where the graph is partitioned: clear errors before any Spark start-up."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy.engine import make_url

from fraudlink.errors import InputError
from fraudlink.link import link_reports
from fraudlink.link.networks.spark.session import SparkUnavailable, jdbc_source, spark_session
from fraudlink.store import Database


def test_missing_pyspark_names_the_pip_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    source = jdbc_source(make_url("sqlite:////tmp/x.db"))
    with pytest.raises(SparkUnavailable, match=r"pip install 'fraudlink\[spark\]'"):
        spark_session(None, source)


def test_jdbc_urls_from_database_urls() -> None:
    pg = jdbc_source(make_url("postgresql+psycopg://analyst:s3cret@db.example:5433/fraudlink"))
    assert pg.url == "jdbc:postgresql://db.example:5433/fraudlink"
    assert pg.properties["user"] == "analyst"
    assert pg.properties["password"] == "s3cret"
    lite = jdbc_source(make_url("sqlite:////data/fraudlink.db"))
    assert lite.url == "jdbc:sqlite:/data/fraudlink.db"
    with pytest.raises(SparkUnavailable, match="PostgreSQL or SQLite"):
        jdbc_source(make_url("mysql://localhost/x"))


def test_unknown_engine_and_names_on_spark_are_refused(database: Database) -> None:
    with pytest.raises(InputError, match="inprocess, spark"):
        link_reports(database, engine="duckdb")
    with pytest.raises(InputError, match="in-process only"):
        link_reports(database, names=True, engine="spark")
