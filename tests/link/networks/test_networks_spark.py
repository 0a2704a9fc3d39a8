"""The link job on Spark (local mode) gives the in-process partition, report for report."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select

from fraudlink.generate import write_dataset
from fraudlink.ingest import ingest_files
from fraudlink.link import link_reports
from fraudlink.link.networks.hubs import kind_cutoffs
from fraudlink.link.networks.spark.session import DEBIAN_JARS
from fraudlink.link.networks.tables import LinkHubGroup, LinkIdentifier, LinkKind, LinkReport
from fraudlink.settings import Settings
from fraudlink.share.importer import withdraw_from_views
from fraudlink.share.tables import SharePackage, ShareRecord
from fraudlink.store import Database, open_database
from fraudlink.store.schema import Agency, Report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
        reason="the spark engine needs pyspark (pip install 'fraudlink[spark]') and java",
    ),
    pytest.mark.skipif(
        not all(jar.exists() for jar in DEBIAN_JARS.values()),
        reason="the JDBC drivers are missing: apt-get install libpostgresql-jdbc-java "
        "libxerial-sqlite-jdbc-java",
    ),
]


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("spark")
    data = folder / "reports.jsonl"
    write_dataset(data, 1500, 5, folder / "truth.json")
    return data.read_text("utf-8").splitlines()


def _ingest(database: Database, lines: list[str], path: Path) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")
    ingest_files(database, [path])


def _state(database: Database) -> tuple[Any, ...]:
    with database.session() as session:
        return (
            dict(session.execute(select(LinkReport.report_id, LinkReport.network_id)).all()),
            set(session.execute(select(LinkIdentifier.identifier_id, LinkIdentifier.status,
                                       LinkIdentifier.degree)).all()),
            set(session.execute(select(LinkHubGroup.identifier_id, LinkHubGroup.report_id,
                                       LinkHubGroup.count)).all()),
            set(session.execute(select(LinkKind.kind, LinkKind.cutoff, LinkKind.shared)).all()),
        )  # fmt: skip


def _external(lines: list[str], every: int) -> list[str]:
    return [json.loads(line)["id"] for line in lines][::every]


def _withdraw(database: Database, externals: list[str]) -> set[int]:
    """Retract the reports of ``externals`` as opening a retraction does: a partner's package
    to another agency here, its records marked retracted, ``withdraw_from_views``."""
    with database.session() as session:
        chosen = set(session.scalars(select(Report.id).where(Report.external_id.in_(externals))))
        hub = session.scalar(select(Agency).where(Agency.code == "XX-HUB"))
        if hub is None:
            hub = Agency(code="XX-HUB", name="a regional hub", country="XX")
            session.add(hub)
            session.flush()
        sender = session.scalar(select(Agency.id).where(Agency.id != hub.id).limit(1))
        now = dt.datetime.now(dt.UTC)
        package = SharePackage(
            package_id=f"retracted-{min(chosen)}", direction="inbound", kind="case_notification",
            status="retracted", sender_id=sender, recipient_id=hub.id, tlp="AMBER",
            reliability="B", accuracy=2, purpose="investigation", created_by="test",
            created_at=now, opened_at=now,
        )  # fmt: skip
        session.add(package)
        session.flush()
        session.add_all(ShareRecord(package_id=package.id, table_name="report", record_id=r,
                                    state="retracted") for r in sorted(chosen))  # fmt: skip
        session.flush()
        withdraw_from_views(session, package.id, "test")
    return chosen


def test_spark_gives_the_in_process_partition(
    database: Database, lines: list[str], tmp_path: Path
) -> None:
    _ingest(database, lines, tmp_path / "all.jsonl")
    link_reports(database, full=True)
    before = _state(database)
    gone = _withdraw(database, _external(lines, 9))
    in_process = link_reports(database, full=True)
    expected = _state(database)
    assert gone and not gone & set(expected[0]), "withdrawn reports are in no network"
    assert expected[1] != before[1], "withdrawn reports named judged identifiers"
    on_spark = link_reports(database, full=True, engine="spark")
    assert in_process.hubs and in_process.allowlisted, "the data has hubs and allow-listed ids"
    assert on_spark == in_process
    networks, verdicts, groups, kinds = _state(database)
    assert networks == expected[0]
    assert verdicts == expected[1]
    assert groups == expected[2]
    assert kinds == expected[3]


def test_spark_incremental_equals_full(lines: list[str], tmp_path: Path) -> None:
    # reports withdrawn before each run: in the first (full, on Spark) and among the new ones
    step = open_database(Settings(db=str(tmp_path / "step.db")))
    _ingest(step, lines[:900], tmp_path / "a.jsonl")
    _withdraw(step, _external(lines[:900], 9))
    first = link_reports(step, engine="spark")
    assert first.mode == "full" and first.hubs and first.allowlisted
    _ingest(step, lines[900:], tmp_path / "b.jsonl")
    _withdraw(step, _external(lines[900:], 7))
    summary = link_reports(step, engine="spark")
    assert summary.mode == "incremental" or summary.fallback.startswith("public number")
    full = open_database(Settings(db=str(tmp_path / "full.db")))
    _ingest(full, lines, tmp_path / "all.jsonl")
    _withdraw(full, _external(lines[:900], 9))
    _withdraw(full, _external(lines[900:], 7))
    # the in-process full run: the test above shows Spark's full run gives the same
    link_reports(full, full=True)
    expected = _groups(_state(full)[0], full)
    assert _groups(_state(step)[0], step) == expected
    assert sum(map(len, expected)) < len(lines), "some reports were withdrawn"


def _groups(networks: dict[int, int], database: Database) -> set[frozenset[str]]:
    with database.session() as session:
        names = dict(session.execute(select(Report.id, Report.external_id)).all())
    members: dict[int, set[str]] = {}
    for report, network in networks.items():
        members.setdefault(network, set()).add(names[report])
    return {frozenset(m) for m in members.values()}


def test_spark_kind_cutoffs_are_numpy_quantiles() -> None:
    from pyspark.sql import SparkSession

    from fraudlink.link.networks.spark.hubs import kind_cutoffs as on_spark

    spark = SparkSession.builder.getOrCreate()
    rng = np.random.default_rng(3)
    degree = np.concatenate([rng.zipf(1.8, 900), rng.zipf(2.5, 40), [1, 1, 1]]).astype(np.int64)
    kinds = np.asarray([0] * 900 + [1] * 40 + [0] * 3, np.int64)
    pairs = zip(kinds.tolist(), degree.tolist(), strict=True)
    rows = [(i, ("phone", "email")[k], d) for i, (k, d) in enumerate(pairs)]
    frame = spark.createDataFrame(rows, "identifier_id long, kind string, degree long")
    shared = frame.where("degree >= 2")
    assert on_spark(shared) == kind_cutoffs(kinds, degree, ["phone", "email"])


def test_spark_leaves_out_hotline_variants_as_in_process(
    database: Database, load: Any, hub_rows: list[dict[str, Any]], make_report: Any
) -> None:
    # the hub phone +63 2 7899 6030 read as an Indonesian number, and an allow-listed url:
    # Spark pre-filters the rows it hands to Python for both, and must still find them
    variant = ("phone", "+62 632 7899 6030")
    page = ("url", "https://www.facebook.com/")
    rows = [*hub_rows, make_report("V1", [variant, page, ("telegram", "@ring0_alpha")]),
            make_report("V2", [variant, page, ("telegram", "@ring1_alpha")])]  # fmt: skip
    load(rows, "variant.jsonl")
    in_process = link_reports(database, full=True)
    expected = _state(database)
    statuses = {status for _, status, _ in expected[1]}
    assert {"variant", "allowlisted"} <= statuses, "the data has a variant and an allowed page"
    on_spark = link_reports(database, full=True, engine="spark")
    assert on_spark == in_process
    assert _state(database) == expected
