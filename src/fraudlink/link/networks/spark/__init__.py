"""The link job on Spark: the same networks as in-process, for a regional hub's 100M reports.

Nothing here is imported until ``fraudlink link --engine spark`` runs, and
pyspark only inside the functions that use it.
"""

from __future__ import annotations

from sqlalchemy import func, select

from fraudlink.errors import InputError
from fraudlink.link.networks import incremental
from fraudlink.link.networks.pipeline import LinkSummary
from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.locks import exclusive


def link_on_spark(
    database: Database, full: bool = False, names: bool = False, master: str | None = None
) -> LinkSummary:
    """Link new reports into the stored networks, or every report on Spark.

    An incremental run reads only the region the new reports reach, through
    the database's indexes, and re-partitions it with the in-process engine
    (``incremental``): the region is a small share of the graph by
    construction, and the networks it gives are those a full run would. When
    it cannot apply (nothing linked yet, a cut-off drifted, the region is too
    large), the whole graph is partitioned on Spark.
    """
    if names:
        raise InputError("Name joins run in-process only; drop --names or --engine spark.")
    reason = ""
    if not full:
        with database.engine.begin() as connection:
            exclusive(connection, "link")
            linked = connection.execute(select(func.count()).select_from(LinkReport)).scalar_one()
            outcome = incremental.extend(connection) if linked else ""
            if not isinstance(outcome, str):
                return LinkSummary("incremental", *outcome)
            reason = outcome
    from fraudlink.link.networks.spark.job import run_full
    from fraudlink.link.networks.spark.session import jdbc_source, spark_session

    source = jdbc_source(database.engine.url)
    return run_full(spark_session(master, source), source, database, reason)
