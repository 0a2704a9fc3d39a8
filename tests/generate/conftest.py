"""One generated dataset shared by the generator's tests (writing it once keeps them fast)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fraudlink.generate import write_dataset

REPORTS = 1500
SEED = 20240611


@dataclass(frozen=True)
class Generated:
    reports_path: Path
    truth_path: Path
    reports: list[dict[str, Any]]
    truth: dict[str, Any]
    count: int = REPORTS
    seed: int = SEED


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    folder = tmp_path_factory.mktemp("generated")
    reports_path, truth_path = folder / "reports.jsonl", folder / "truth.json"
    assert write_dataset(reports_path, REPORTS, SEED, truth_path) == REPORTS
    lines = reports_path.read_text(encoding="utf-8").splitlines()
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return Generated(reports_path, truth_path, [json.loads(line) for line in lines], truth)
