"""The Splink model: comparisons, blocking, training and scoring of person pairs.

m probabilities start from priors set here, so a small agency database (too
few pairs for expectation maximisation) still gets a sensible model; u
probabilities are estimated from the data by random sampling when there are
enough records. The
levels are ordered so that a harder contradiction (different native
characters) is tested before a looser agreement (same romanised sound).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on

from fraudlink.link.persons.engines import as_input

#: a pair at or above this probability is a link (before human judgements)
LINK_THRESHOLD = 0.9
#: below this many records random pairs say little about chance agreement; u priors stay
U_MIN_RECORDS = 500
FEATURES = ("name", "birth_date", "nationality", "documents", "phones")


def _name() -> Any:
    levels: list[Any] = [
        cll.NullLevel("name_roman"),
        cll.CustomLevel(
            "name_chars_l = name_chars_r AND name_roman_l = name_roman_r", "same native name"
        ),
        cll.CustomLevel("name_chars_l <> name_chars_r", "different native characters"),
        cll.ArrayIntersectLevel("name_all", 1),
        cll.JaroWinklerLevel("name_roman", 0.92),
        cll.ArrayIntersectLevel("name_tokens", 2),
        cll.JaroWinklerLevel("name_roman", 0.8),
        cll.ElseLevel(),
    ]
    comparison = cl.CustomComparison(levels, output_column_name="name")
    return comparison.configure(
        m_probabilities=[0.3, 0.001, 0.3, 0.15, 0.12, 0.08, 0.049],
        u_probabilities=[0.0005, 0.002, 0.0005, 0.002, 0.001, 0.02, 0.974],
    )


def _documents() -> Any:
    levels: list[Any] = [
        cll.NullLevel("documents"),
        cll.ArrayIntersectLevel("documents", 1),
        cll.DamerauLevenshteinLevel("document_first", 1),
        cll.ElseLevel(),
    ]
    comparison = cl.CustomComparison(levels, output_column_name="documents")
    return comparison.configure(
        m_probabilities=[0.9, 0.06, 0.04], u_probabilities=[0.00001, 0.0001, 0.99989]
    )


def _phones() -> Any:
    levels: list[Any] = [
        cll.NullLevel("phones"),
        cll.ArrayIntersectLevel("phones", 1),
        cll.ElseLevel(),
    ]
    comparison = cl.CustomComparison(levels, output_column_name="phones")
    return comparison.configure(m_probabilities=[0.5, 0.5], u_probabilities=[0.001, 0.999])


def comparisons() -> list[Any]:
    birth = cl.DateOfBirthComparison("birth_date", input_is_string=True).configure(
        m_probabilities=[0.85, 0.06, 0.02, 0.02, 0.03, 0.02],
        u_probabilities=[0.00005, 0.0005, 0.002, 0.03, 0.3, 0.66745],
    )
    nationality = cl.ExactMatch("nationality").configure(
        m_probabilities=[0.95, 0.05], u_probabilities=[0.3, 0.7]
    )
    return [_name(), birth, nationality, _documents(), _phones()]


def blocking_rules() -> list[Any]:
    """Candidate pairs: same romanised name, same birth date, a shared document or phone."""
    return [
        block_on("name_roman"),
        block_on("birth_date"),
        block_on("documents", arrays_to_explode=["documents"]),
        block_on("phones", arrays_to_explode=["phones"]),
    ]


def prior_match_rate(records: int) -> float:
    """Share of matching pairs if each record has about one other record of the same person.

    n records hold ~n²/2 pairs and ~n/2 true ones, so ~1/n; capped for tiny databases.
    """
    return min(0.01, 1.0 / max(records, 1))


def settings(records: int) -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior_match_rate(records),
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
    )


@dataclass(frozen=True, slots=True)
class ScoredPair:
    left: int
    right: int
    probability: float
    weights: dict[str, float]  # match weight (log2 Bayes factor) of each feature


def _train(linker: Linker, records: int, max_pairs: float) -> None:
    """u from random pairs when there are enough records; m and the share of matches stay at
    the priors. On FEBRL4, EM drove the birth-date "else" level to ~1e-7 and cost 2.5 points
    of recall, estimating the match share cost 0.7 more; small databases give too few pairs."""
    if records >= U_MIN_RECORDS:
        linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=7)


def _weight(value: Any) -> float:
    return 0.0 if value is None or value != value else round(float(value), 3)


def score(api: Any, frame: list[dict[str, Any]], max_pairs: float = 1e6) -> list[ScoredPair]:
    """Train on ``frame`` (one row per record, see ``features``) and score candidate pairs."""
    # Splink's advice to its own users (e.g. on ``max_pairs``) is no message for ours
    linker = Linker(as_input(api, frame, "persons"), settings(len(frame)), log_level=logging.ERROR)
    _train(linker, len(frame), max_pairs)
    predictions = linker.inference.predict(threshold_match_probability=LINK_THRESHOLD)
    rows: list[dict[str, Any]] = predictions.as_record_list()
    return [
        ScoredPair(
            int(row["unique_id_l"]),
            int(row["unique_id_r"]),
            float(row["match_probability"]),
            {name: _weight(row[f"mw_{name}"]) for name in FEATURES},
        )
        for row in rows
    ]
