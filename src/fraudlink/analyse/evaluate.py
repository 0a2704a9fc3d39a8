"""How close the networks come to a known truth (generated data), in B-cubed terms.

B-cubed scores each report by how much of its predicted network belongs to its
true network (precision) and how much of its true network was found
(recall), so one giant wrong merge costs as much as it should.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from fraudlink.link.networks.tables import LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Report


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> Scores:
    """Scores over the reports of ``gold``; a report with no prediction stands alone."""
    if not gold:
        return Scores(1.0, 1.0)
    guess = {report: predicted.get(report, ("alone", report)) for report in gold}
    pairs = Counter((gold[report], guess[report]) for report in gold)
    gold_sizes, guess_sizes = Counter(gold.values()), Counter(guess.values())
    precision = sum(n * n / guess_sizes[g] for (_, g), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_sizes[t] for (t, _), n in pairs.items()) / len(gold)
    return Scores(precision, recall)


def report_networks(database: Database) -> dict[str, int]:
    """Report id as ingested → network id, for every linked report."""
    query = select(Report.external_id, LinkReport.network_id).join(
        LinkReport, LinkReport.report_id == Report.id
    )
    with database.engine.connect() as connection:
        return dict(connection.execute(query).all())


def score_against_truth(database: Database, truth_file: Path) -> Scores:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    return bcubed(truth["report_network"], report_networks(database))
