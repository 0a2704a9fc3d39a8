"""B-cubed on small partitions whose scores can be worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fraudlink.analyse.evaluate import bcubed


def test_perfect_and_split_and_merged() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed(gold, {"a": 9, "b": 9, "c": 8, "d": 8}).f1 == 1.0
    merged = bcubed(gold, {"a": 0, "b": 0, "c": 0, "d": 0})
    assert (merged.precision, merged.recall) == (0.5, 1.0)
    split = bcubed(gold, {})
    assert (split.precision, split.recall) == (1.0, 0.5)
    assert split.f1 == pytest.approx(2 / 3)


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 4), min_size=1))
def test_a_partition_scores_perfectly_against_itself(gold: dict[str, int]) -> None:
    scores = bcubed(gold, {report: f"n{network}" for report, network in gold.items()})
    assert scores.precision == pytest.approx(1.0) and scores.recall == pytest.approx(1.0)
