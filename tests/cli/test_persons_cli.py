"""``fraudlink persons judge`` from the command line: the judgement keeps the signed-in account."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app

runner = CliRunner()


def _report(agency: str, rid: str, name: str) -> str:
    return json.dumps({"id": rid, "agency": agency, "reported_at": "2025-03-01", "narrative": "",
                       "persons": [{"name": name, "role": "suspect"}]})  # fmt: skip


def test_a_judgement_is_made_signed_in_and_names_that_account(
    tmp_path: Path, cli_user: Callable[..., str]
) -> None:
    db = ["--db", str(tmp_path / "p.db")]
    lines = [_report("CN-MPS", "c1", "陈志"), _report("KH-NPA", "k1", "Chen Zhi")]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "r.jsonl"), *db]).exit_code == 0
    cli_user(db[1], "ana", role="analyst")
    pair = ["persons", "judge", "CN-MPS/c1/陈志", "KH-NPA/k1/Chen Zhi", "not-same", *db]

    typed = runner.invoke(app, [*pair, "--by", "ana"])
    assert typed.exit_code == 2 and "No such option: --by" in typed.output
    anonymous = runner.invoke(app, pair, env={"FRAUDLINK_USER": "ana"})
    assert anonymous.exit_code == 1 and "give --user NAME" in str(anonymous.exception)
    wrong = runner.invoke(app, [*pair, "--user", "ana"], env={"FRAUDLINK_PASSWORD": "guess"})
    assert wrong.exit_code == 1

    done = runner.invoke(app, [*pair, "--user", "ana", "--reason", "other man", "--json"])
    assert done.exit_code == 0, done.output
    decision = json.loads(done.stdout)
    assert (decision["judgement"], decision["user"]) == ("not_same", "ana")
