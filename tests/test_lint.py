"""The tree stays as ruff and mypy --strict want it, so style does not drift commit by commit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff", path=str(Path(sys.executable).parent)) is None,
                    reason="ruff is not installed (pip install -e '.[test]')")  # fmt: skip
def test_ruff_finds_nothing() -> None:
    ruff = str(Path(sys.executable).parent / "ruff")
    check = run(ruff, "check", "src", "tests", "bench")
    assert check.returncode == 0, check.stdout
    formatted = run(ruff, "format", "--check", "src", "tests", "bench")
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_strict_on_the_package() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout
