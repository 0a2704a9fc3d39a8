"""The README's promises are the ones the project keeps."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from fraudlink.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```sh\n(.+?)\n```", README, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert fenced_after("test-command") in ci_lines


def test_the_demo_command_ends_with_fraudlink_demo() -> None:
    assert fenced_after("demo-command").endswith("fraudlink demo")


def test_every_command_is_in_the_readme() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"`fraudlink {name}" not in README]
    assert not missing, f"commands missing from the README's table: {missing}"
