"""The hand-annotated real-text set (tests/data/realtext): precision stays at 0.97 or above.

What is found is stored and links reports, so every stored kind is held to precision on
real public text, not only on our generator's; ``bench/realtext.py`` prints the figures.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from realtext import fraudlink_tool, load, tally

MESSAGES = load()
TALLY = tally(MESSAGES, [fraudlink_tool(m) for m in MESSAGES], "kind")


@pytest.mark.parametrize("kind", sorted(TALLY))
def test_precision_on_real_text(kind: str) -> None:
    counts: Counter[str] = TALLY[kind]
    found = counts["tp"] + counts["fp"]
    assert found == 0 or counts["tp"] / found >= 0.97, (kind, dict(counts))
