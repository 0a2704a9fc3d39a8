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


def _ci_lines() -> list[str]:
    return [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]


def test_ci_runs_the_readme_test_command() -> None:
    assert fenced_after("test-command") in _ci_lines()


def test_ci_runs_the_readme_demo_command_first_in_a_fresh_environment() -> None:
    lines = _ci_lines()
    demo, test = fenced_after("demo-command"), fenced_after("test-command")
    assert demo in lines, ".ci/run must run the README's demo command as written"
    assert "pip install -e . " in demo and "[" not in demo, "the demo installs no extras"
    before_demo = lines[: lines.index(demo)]
    assert "rm -rf .venv" in " ".join(before_demo), "the demo's environment starts empty"
    assert lines.index(demo) < lines.index(test)


def test_the_demo_command_ends_with_fraudlink_demo() -> None:
    assert fenced_after("demo-command").endswith("fraudlink demo")


def test_every_command_is_in_the_readme() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if f"`fraudlink {name}" not in README]
    assert not missing, f"commands missing from the README's table: {missing}"
