"""``fraudlink demo``: generated reports through every stage that exists, end to end.

Each stage added to fraudlink adds its step here, so the demo always shows
the whole pipeline as it stands: generate → ingest (with extraction) → link
networks → key players, scored against the generator's truth → key players screened
against a watchlist that names some bosses in another script → joint operations against
the largest networks, with arrests, seized assets and rescued victims.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fraudlink.analyse.evaluate import Scores, score_against_truth
from fraudlink.analyse.summary import Summary, summarise
from fraudlink.errors import InputError
from fraudlink.generate import write_dataset
from fraudlink.generate.watchlist import write_watchlist
from fraudlink.ingest import IngestSummary, ingest_files
from fraudlink.link import LinkSummary, NetworkView, largest_networks, link_reports
from fraudlink.screen import import_list
from fraudlink.screen.network import ListedPlayer, listed_players
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Report

DEMO_DB = "fraudlink-demo.db"
_DEMO_FILE = re.compile(r"reports-\d+-\d+\.jsonl")


@dataclass(frozen=True)
class DemoResult:
    reports_file: Path
    truth_file: Path
    ingest: IngestSummary
    link: LinkSummary
    networks: list[NetworkView]
    listed: dict[int, list[ListedPlayer]]
    accuracy: Scores
    summary: Summary
    operations: list[dict[str, Any]]


def refuse_foreign_reports(database: Database) -> None:
    """The demo writes thousands of synthetic reports and a watchlist: never into real data.

    A report belongs to the demo when it was read from a file the demo writes.
    """
    with database.session() as session:
        sources = session.scalars(select(Report.source).distinct()).all()
    foreign = sorted(
        str(source) for source in sources if not _DEMO_FILE.fullmatch(Path(str(source)).name)
    )
    if foreign:
        raise InputError(
            f"The database {database.settings.db} holds reports the demo did not write "
            f"(from {foreign[0]}); run the demo without --db or name an empty database."
        )


def run_demo(database: Database, reports: int, seed: int, data_dir: Path) -> DemoResult:
    refuse_foreign_reports(database)
    data_dir.mkdir(parents=True, exist_ok=True)
    reports_file = data_dir / f"reports-{seed}-{reports}.jsonl"
    truth_file = data_dir / f"truth-{seed}-{reports}.json"
    write_dataset(reports_file, reports, seed, truth_file)
    ingested = ingest_files(database, [reports_file])
    linked = link_reports(database)
    networks = largest_networks(database, limit=5)
    listed = screen_networks(database, networks, truth_file, data_dir / f"watchlist-{seed}.csv")
    summary = summarise(database)
    summary.networks = [network.as_json() for network in networks]
    accuracy = score_against_truth(database, truth_file)
    operations = run_operations(database, reports_file, truth_file, seed, data_dir)
    return DemoResult(
        reports_file, truth_file, ingested, linked, networks, listed, accuracy, summary, operations
    )


def run_operations(
    database: Database, reports_file: Path, truth_file: Path, seed: int, data_dir: Path
) -> list[dict[str, Any]]:
    """Operations against the largest networks: arrests, seizures, rescues, their figures."""
    from fraudlink.cases.operations import operation_statistics
    from fraudlink.cases.rates import import_rates
    from fraudlink.cases.seed import record
    from fraudlink.cases.tables import Operation
    from fraudlink.generate.operations import plan_operations, write_rates

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    plans = plan_operations(reports_file, truth, seed)
    with database.session() as session:
        done = list(session.scalars(select(Operation).order_by(Operation.id)))
        if done:  # a demo database records its operations once; shown again on a rerun
            return [operation_statistics(session, op) for op in done]
        _provincial_units(session)
        first = min((plan.started_on for plan in plans), default=None)
        if first is not None:
            rates = write_rates(data_dir / f"rates-{seed}.csv", first)
            import_rates(session, rates)
        return [record(session, plan) for plan in plans]


def _provincial_units(session: Session) -> None:
    """KH-NPA and its 25 provincial units (the figures of each roll up to it)."""
    from fraudlink.access.agencies import set_parent
    from fraudlink.cases.service import agency_id
    from fraudlink.generate.operations import provincial_units

    agency_id(session, "KH-NPA")
    for code, name in provincial_units().values():
        unit = session.get(Agency, agency_id(session, code))
        if unit is not None:
            unit.name, unit.country = name, "KH"
        set_parent(session, code, "KH-NPA")


def screen_networks(
    database: Database, networks: list[NetworkView], truth_file: Path, watchlist: Path
) -> dict[int, list[ListedPlayer]]:
    """Import a watchlist naming some bosses in other scripts; find them among key players."""
    write_watchlist(json.loads(truth_file.read_text(encoding="utf-8")), watchlist, seed=1)
    import_list(database, watchlist, "demo-watchlist", force=True)
    return {network.id: listed_players(database, network.id) for network in networks}
