"""One resolution run over records held in memory: features, Splink scores, clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from fraudlink.link.persons.clustering import Edge, cluster
from fraudlink.link.persons.engines import database_api
from fraudlink.link.persons.features import features
from fraudlink.link.persons.model import ScoredPair, score
from fraudlink.link.persons.records import PersonRecord


@dataclass(frozen=True, slots=True)
class Resolution:
    """Cluster of every record id, the links that made them, and the links judgements refused."""

    clusters: dict[int, int]
    links: list[ScoredPair]
    refused: list[Edge]


def frame(records: Sequence[PersonRecord]) -> list[dict[str, Any]]:
    """One row per record, in the column order Splink is given."""
    return [features(record) for record in records]


def script_conflicts(records: Sequence[PersonRecord]) -> list[tuple[int, int]]:
    """Pairs whose native names sound alike but are written differently (``陈志``/``陈智``).

    They act as automatic "not the same" constraints, so that a Latin spelling
    both resemble (``Chen Zhi``) cannot chain two different people together.
    """
    by_sound: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in frame(records):
        if row["name_chars"] and row["name_roman"]:
            by_sound[row["name_roman"]].append((row["name_chars"], int(row["unique_id"])))
    return [
        (a, b)
        for group in by_sound.values()
        for (chars_a, a), (chars_b, b) in combinations(group, 2)
        if chars_a != chars_b
    ]


def resolve_records(
    records: Sequence[PersonRecord],
    engine: str = "duckdb",
    same: Iterable[tuple[int, int]] = (),
    not_same: Iterable[tuple[int, int]] = (),
    max_pairs: float = 1e6,
) -> Resolution:
    """Score candidate pairs on ``engine`` and cluster them, honouring human judgements."""
    not_same = [*not_same, *script_conflicts(records)]
    links: list[ScoredPair] = []
    if len(records) > 1:
        with database_api(engine) as api:
            links = score(api, frame(records), max_pairs)
    edges = [Edge(link.left, link.right, link.probability) for link in links]
    clusters, refused = cluster((r.id for r in records), edges, same, not_same)
    return Resolution(clusters, links, refused)
