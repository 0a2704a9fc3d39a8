"""A dispute end to end: the form, the reference, the agency's review, the next index."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from fraudlink.cli.main import app
from fraudlink.errors import NotFound

from .conftest import build_sample_index, make_client

runner = CliRunner()


def test_a_dispute_upheld_withdraws_the_identifier_from_the_next_index(tmp_path: Path) -> None:
    index = build_sample_index(tmp_path)
    db = str(tmp_path / "agency.db")
    spool = tmp_path / "disputes.sqlite"
    client = make_client(index, tmp_path)
    params = {"kind": "phone", "value": "012 345 678", "country": "KH"}
    assert client.get("/v1/check", params=params).json()["reported"] is True

    page = client.post("/dispute", data={**params, "message": "My shop's number", "lang": "vi"})
    assert page.status_code == 201
    reference = re.search(r"FLD-[A-Z0-9]{5}-[A-Z0-9]{5}", page.text)
    assert reference is not None and "Mã tham chiếu" in page.text

    listed = runner.invoke(app, ["public", "disputes", "list", "--spool", str(spool), "--json"])
    assert listed.exit_code == 0, listed.output
    (row,) = [json.loads(line) for line in listed.output.splitlines()]
    assert (row["reference"], row["kind"], row["value"], row["status"]) == (
        reference.group(),
        "phone",
        "+85512345678",
        "open",
    )

    withdraw = ["public", "disputes", "withdraw", reference.group(), "--spool", str(spool)]
    done = runner.invoke(app, [*withdraw, "--db", db, "--note", "shop verified"])
    assert done.exit_code == 0, done.output
    published = runner.invoke(app, ["public", "publish", str(index), "--db", db, "--json"])
    assert json.loads(published.output)["withdrawn"] == 1
    assert client.get("/v1/check", params=params).json() == {"reported": False}
    still = client.get("/v1/check", params={"kind": "telegram", "value": "@scam_boss_kh"})
    assert still.json()["reported"] is True

    status = runner.invoke(app, ["public", "disputes", "list", "--spool", str(spool),
                                 "--status", "withdrawn", "--json"])  # fmt: skip
    assert json.loads(status.output)["note"] == "shop verified"


def test_the_api_files_a_dispute_and_refuses_an_unknown_reference(tmp_path: Path) -> None:
    index = build_sample_index(tmp_path)
    client = make_client(index, tmp_path)
    filed = client.post("/v1/disputes", json={"kind": "telegram", "value": "t.me/Scam_Boss_KH"})
    assert filed.status_code == 201 and filed.json()["reference"].startswith("FLD-")
    bad = client.post("/v1/disputes", json={"kind": "phone", "value": "not a number"})
    assert bad.status_code == 400
    rejected = runner.invoke(app, ["public", "disputes", "reject", "FLD-NONE0-NONE0",
                                   "--spool", str(tmp_path / "disputes.sqlite")])  # fmt: skip
    assert isinstance(rejected.exception, NotFound)
