"""A dispute end to end: the form, the reference, the agency's review, the next index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


def test_the_agency_api_shows_and_decides_disputes_and_publish_follows(tmp_path: Path) -> None:
    """Public form -> agency API (seen by the reporting agency only) -> decision -> publish;
    a reversed decision puts the identifier back at the next publish."""
    from fastapi.testclient import TestClient

    from fraudlink.access import add_user, create_token
    from fraudlink.api import create_app
    from fraudlink.ingest import ingest_files
    from fraudlink.public.publish import publish
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    index = build_sample_index(tmp_path)
    spool = tmp_path / "disputes.sqlite"
    public = make_client(index, tmp_path)
    params = {"kind": "phone", "value": "012 345 678", "country": "KH"}
    reference = public.post("/v1/disputes", json={**params, "message": "mine"}).json()["reference"]

    settings = Settings(db=str(tmp_path / "agency.db"), serve_jobs=False, public_disputes=spool)
    store = open_database(settings)
    other = tmp_path / "th.jsonl"
    other.write_text(json.dumps({"id": "T1", "agency": "TH-RTP", "reported_at": "2025-03-01",
                                 "narrative": "paid +66 81 234 5678"}) + "\n")  # fmt: skip
    ingest_files(store, [other])
    tokens = {}
    with store.session() as session:
        for name, agency, roles in (("kh", "KH-NPA", ["analyst"]), ("khl", "KH-NPA", ["liaison"]),
                                    ("th", "TH-RTP", ["liaison"])):  # fmt: skip
            add_user(session, name, agency, roles, None)
            tokens[name] = {"Authorization": f"Bearer {create_token(session, name, 1).token}"}
    with TestClient(create_app(settings, store)) as agency:
        (seen,) = agency.get("/api/v1/disputes", headers=tokens["kh"]).json()["items"]
        assert (seen["reference"], seen["value"], seen["status"]) == (
            reference,
            "+85512345678",
            "open",
        )
        assert agency.get("/api/v1/disputes", headers=tokens["th"]).json()["items"] == []
        path = f"/api/v1/disputes/{reference}/decision"
        assert (
            agency.post(path, json={"decision": "withdraw"}, headers=tokens["th"]).status_code
            == 404
        )
        assert (
            agency.post(path, json={"decision": "withdraw"}, headers=tokens["kh"]).status_code
            == 403
        )
        done = agency.post(
            path, json={"decision": "withdraw", "note": "shop"}, headers=tokens["khl"]
        )
        assert done.status_code == 200 and done.json()["status"] == "withdrawn"
        publish(store, index)
        assert public.get("/v1/check", params=params).json() == {"reported": False}
        undone = agency.post(path, json={"decision": "reject"}, headers=tokens["khl"])
        assert undone.json()["status"] == "rejected"
        publish(store, index)
        assert public.get("/v1/check", params=params).json()["reported"] is True
    store.dispose()


def _agency(tmp_path: Path, rows: list[dict[str, object]]) -> tuple[Path, Path]:
    """An agency store of ``rows`` (KH-NPA), its published index and the public's spool."""
    from fraudlink.ingest import ingest_files
    from fraudlink.public.publish import publish
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    store = open_database(Settings(db=str(tmp_path / "agency.db"), batch_size=50))
    ingest_files(store, [source])
    index = tmp_path / "public.sqlite"
    publish(store, index)
    store.dispose()
    return index, tmp_path / "disputes.sqlite"


def _decide_as_liaison(tmp_path: Path, spool: Path, index: Path, decision: str) -> list[str]:
    """The KH-NPA liaison lists the open disputes, decides each, and publishes again."""
    from fastapi.testclient import TestClient

    from fraudlink.access import add_user, create_token
    from fraudlink.api import create_app
    from fraudlink.public.publish import publish
    from fraudlink.settings import Settings
    from fraudlink.store import open_database

    settings = Settings(db=str(tmp_path / "agency.db"), serve_jobs=False, public_disputes=spool)
    store = open_database(settings)
    with store.session() as session:
        add_user(session, "khl", "KH-NPA", ["liaison"], None)
        token = {"Authorization": f"Bearer {create_token(session, 'khl', 1).token}"}
    with TestClient(create_app(settings, store)) as agency:
        items = agency.get("/api/v1/disputes?status=open", headers=token).json()["items"]
        for item in items:
            path = f"/api/v1/disputes/{item['reference']}/decision"
            done = agency.post(path, json={"decision": decision}, headers=token)
            assert done.status_code == 200, done.text
    publish(store, index)
    store.dispose()
    return [item["value"] for item in items]


ACCOUNT_DIGITS = "5438 0009 9211 9610 997"


@pytest.mark.parametrize(
    ("stored", "disputed"),
    [
        (f"ICBC {ACCOUNT_DIGITS}", ACCOUNT_DIGITS),  # the public does not know the bank
        (ACCOUNT_DIGITS, f"ICBC {ACCOUNT_DIGITS}"),  # the agency was not told the bank
    ],
)
def test_an_account_disputed_in_another_form_is_found_and_withdrawn(
    tmp_path: Path, stored: str, disputed: str
) -> None:
    from .conftest import report

    rows = [report(n, victim, [("bank_account", stored)], narrative=f"story {n}")
            for n, victim in enumerate(["Sok Dara", "Chan Vanna", "Chan Vanna"])]  # fmt: skip
    index, spool = _agency(tmp_path, rows)
    public = make_client(index, tmp_path)
    typed = [{"kind": "account", "value": v} for v in (ACCOUNT_DIGITS, f"ICBC {ACCOUNT_DIGITS}")]
    assert [public.get("/v1/check", params=p).json()["reported"] for p in typed] == [True, True]

    filed = public.post("/v1/disputes", json={"kind": "account", "value": disputed})
    assert filed.status_code == 201
    values = _decide_as_liaison(tmp_path, spool, index, "withdraw")
    assert len(values) == 1, "the agency whose reports name the account sees the dispute"
    assert [public.get("/v1/check", params=p).json() for p in typed] == [{"reported": False}] * 2


def test_an_account_withdrawn_with_its_bank_leaves_another_banks_account(tmp_path: Path) -> None:
    from .conftest import report

    rows = [report(n, victim, [("bank_account", f"ICBC {ACCOUNT_DIGITS}"),
                               ("bank_account", f"ABA Bank {ACCOUNT_DIGITS}")],
                   narrative=f"story {n}")
            for n, victim in enumerate(["Sok Dara", "Chan Vanna", "Chan Vanna"])]  # fmt: skip
    index, spool = _agency(tmp_path, rows)
    public = make_client(index, tmp_path)
    public.post("/v1/disputes", json={"kind": "account", "value": f"ICBC {ACCOUNT_DIGITS}"})
    _decide_as_liaison(tmp_path, spool, index, "withdraw")
    icbc = {"kind": "account", "value": f"ICBC {ACCOUNT_DIGITS}"}
    assert public.get("/v1/check", params=icbc).json() == {"reported": False}
    aba = public.get("/v1/check", params={"kind": "account", "value": f"ABA {ACCOUNT_DIGITS}"})
    assert aba.json()["reported"] is True


def test_a_link_disputed_without_its_scheme_is_found_and_withdrawn(tmp_path: Path) -> None:
    """The public types the page bare; the agency's reports wrote it with https."""
    from .conftest import report

    page = "https://shop-vip.example.com/pay"
    rows = [report(n, victim, [("url", page)], narrative=f"story {n}")
            for n, victim in enumerate(["Sok Dara", "Chan Vanna", "Chan Vanna"])]  # fmt: skip
    index, spool = _agency(tmp_path, rows)
    public = make_client(index, tmp_path)
    typed = [{"kind": "url", "value": v} for v in ("shop-vip.example.com/pay", page)]
    assert [public.get("/v1/check", params=p).json()["reported"] for p in typed] == [True, True]

    filed = public.post("/v1/disputes", json={"kind": "url", "value": "shop-vip.example.com/pay"})
    assert filed.status_code == 201
    values = _decide_as_liaison(tmp_path, spool, index, "withdraw")
    assert len(values) == 1, "the agency whose reports name the page sees the dispute"
    assert [public.get("/v1/check", params=p).json() for p in typed] == [{"reported": False}] * 2
