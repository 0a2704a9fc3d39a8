"""The commands: import, list, screen with --json, screen --all, remove; errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

runner = CliRunner()


def test_watchlist_and_screen_commands(tmp_path: Path, data: Path) -> None:
    db = str(tmp_path / "cli.db")
    done = runner.invoke(app, ["watchlist", "import", str(data / "un.xml"), "--name", "un",
                               "--db", db])  # fmt: skip
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["watchlist", "list", "--db", db, "--json"])
    assert json.loads(listed.stdout)["name"] == "un"
    found = runner.invoke(app, ["screen", "--name", "Bak Jeong-uk", "--db", db, "--json"])
    hit = json.loads(found.stdout.splitlines()[0])
    assert hit["id"] == "un-TSi.001" and hit["match"] and hit["explanation"]
    everything = runner.invoke(app, ["screen", "--all", "--db", db, "--json"])
    assert everything.exit_code == 0 and everything.stdout == ""
    assert runner.invoke(app, ["watchlist", "remove", "un", "--db", db]).exit_code == 0


def test_bomb_gives_one_line_error(tmp_path: Path, data: Path) -> None:
    from fraudlink.errors import InputError

    result = runner.invoke(app, ["watchlist", "import", str(data / "bomb.xml"), "--name", "x",
                                 "--db", str(tmp_path / "b.db")])  # fmt: skip
    assert result.exit_code != 0 and isinstance(result.exception, InputError)


def test_screen_a_file_of_names_in_one_process(tmp_path: Path, data: Path) -> None:
    db = str(tmp_path / "batch.db")
    done = runner.invoke(app, ["watchlist", "import", str(data / "un.xml"), "--name", "un",
                               "--db", db])  # fmt: skip
    assert done.exit_code == 0, done.output
    names = tmp_path / "names.txt"
    names.write_text("# suspects\nBak Jeong-uk\n\nNobody Atall Xyz\n", encoding="utf-8")
    found = runner.invoke(app, ["screen", "--names", str(names), "--db", db, "--json"])
    assert found.exit_code == 0, found.output
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [(r["line"], r["query"]) for r in rows] == [(2, "Bak Jeong-uk"), (4, "Nobody Atall Xyz")]
    assert rows[0]["hits"][0]["id"] == "un-TSi.001"
    assert not any(h["match"] for h in rows[1]["hits"])
    missing = runner.invoke(app, ["screen", "--names", str(tmp_path / "none.txt"), "--db", db])
    assert missing.exit_code != 0
