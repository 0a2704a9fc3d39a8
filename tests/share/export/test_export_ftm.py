"""The FollowTheMoney export passes followthemoney's own model and schema validation."""

from __future__ import annotations

from typing import Any

from followthemoney import model

from fraudlink.share.export.data import load_export
from fraudlink.share.export.ftm import ftm_entities
from fraudlink.store import Database

CASE = "KH-2026-001"


def _entities(database: Database, case: str | None = None, tlp: str = "AMBER") -> list[Any]:
    with database.session() as session:
        return list(ftm_entities(load_export(session, case, tlp)))


def test_every_entity_is_valid_ftm(export_db: Database) -> None:
    entities = _entities(export_db, tlp="RED")
    ids = {e["id"] for e in entities}
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract
        assert schema.validate(data) is None, (data, schema.validate(data))
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert proxy.get(prop) == values, (prop, values, proxy.get(prop))
            if proxy.schema.get(prop).type.name == "entity":
                assert set(values) <= ids  # no dangling references


def test_schemata_and_values(export_db: Database) -> None:
    entities = _entities(export_db, case=CASE)
    by_schema: dict[str, list[Any]] = {}
    for data in entities:
        by_schema.setdefault(data["schema"], []).append(model.get_proxy(data))
    [boss] = [p for p in by_schema["Person"] if p.first("name") == "陈志"]
    assert boss.get("alias") == ["Chen Zhi"] and boss.get("nationality") == ["cn"]
    assert boss.get("birthDate") == ["1987-12-16"]
    [passport] = by_schema["Passport"]
    assert passport.get("holder") == [boss.id] and passport.get("number") == ["E1234567"]
    assert {p.first("iban") for p in by_schema["BankAccount"]} == {"GB82WEST12345698765432"}
    wallets = {p.first("publicKey"): p.first("blockchain") for p in by_schema["CryptoWallet"]}
    assert wallets["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"] == "btc"
    [r1] = [e for e in by_schema["Event"] if e.first("recordId") == "KH-NPA/r1"]
    assert r1.get("phoneMentioned") == ["+85512345678"]
    assert boss.id in r1.get("involved")
    assert "loss 1200.5 USD" in r1.first("summary")
    [project] = by_schema["Project"]
    [participant] = by_schema["ProjectParticipant"]
    assert participant.get("project") == [project.id]
    assert participant.get("participant") == [boss.id]


def test_victims_stay_home(export_db: Database) -> None:
    names = {n for e in _entities(export_db, tlp="RED") for n in e["properties"].get("name", [])}
    assert "Sok Dara" not in names
