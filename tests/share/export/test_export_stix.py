"""The STIX 2.1 export passes the official validator and keeps markings and minimisation."""

from __future__ import annotations

import json
from typing import Any

import pytest
from stix2validator import ValidationOptions, validate_instance

from fraudlink.errors import InputError
from fraudlink.share.export.data import load_export
from fraudlink.share.export.stix import stix_bundle
from fraudlink.share.export.stix_types import TLP2_IDS
from fraudlink.store import Database

CASE = "KH-2026-001"


def _bundle(database: Database, case: str | None = None, tlp: str = "AMBER") -> dict[str, Any]:
    with database.session() as session:
        return stix_bundle(load_export(session, case, tlp))


def _of_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["type"] == kind]


def test_bundle_is_valid_stix(export_db: Database) -> None:
    bundle = _bundle(export_db, tlp="RED")
    results = validate_instance(bundle, ValidationOptions(version="2.1"))
    assert results.is_valid, [str(e) for r in [results] for e in r.errors]
    assert not results.errors


def test_identifiers_become_scos(export_db: Database) -> None:
    bundle = _bundle(export_db)
    values = {(o["type"], o.get("value") or o.get("iban")) for o in bundle["objects"]}
    assert ("phone-number", "+85512345678") in values
    assert ("email-addr", "boss@example.com") in values
    assert ("url", "https://invest-pro.com/login") in values
    assert ("domain-name", "invest-pro.com") in values
    assert ("bank-account", "GB82WEST12345698765432") in values
    assert ("cryptocurrency-wallet", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT") in values
    definitions = {o["id"]: o for o in _of_type(bundle, "extension-definition")}
    for sco in _of_type(bundle, "phone-number") + _of_type(bundle, "cryptocurrency-wallet"):
        [(ext_id, ext)] = sco["extensions"].items()
        assert ext == {"extension_type": "new-sco"}
        assert definitions[ext_id]["extension_types"] == ["new-sco"]


def test_cards_leave_masked_and_victims_stay_home(export_db: Database) -> None:
    text = json.dumps(_bundle(export_db), ensure_ascii=False)
    [card] = _of_type(json.loads(text), "payment-card")
    assert card["value"] == "411111******1111"
    assert "4111111111111111" not in text
    assert "Sok Dara" not in text and "+85598765432" not in text


def test_tlp_markings_are_official_and_filter(export_db: Database) -> None:
    bundle = _bundle(export_db)
    markings = _of_type(bundle, "marking-definition")
    assert [m["id"] for m in markings] == [TLP2_IDS["AMBER"]]
    assert markings[0]["name"] == "TLP:AMBER"
    assert "+85511111111" not in json.dumps(bundle)  # a RED report's phone
    red = _bundle(export_db, tlp="RED")
    [phone] = [o for o in _of_type(red, "phone-number") if o["value"] == "+85511111111"]
    assert phone["object_marking_refs"] == [TLP2_IDS["RED"]]


def test_reports_actors_and_case(export_db: Database) -> None:
    bundle = _bundle(export_db, case=CASE)
    reports = {r["name"]: r for r in _of_type(bundle, "report")}
    report = reports["investment report KH-NPA/r1"]
    [details] = report["extensions"].values()
    assert details["losses"] == [
        {"kind": "loss", "amount": "1200.5", "currency": "USD", "occurred_on": "2026-01-05"}
    ]
    actors = {a["name"]: a for a in _of_type(bundle, "threat-actor")}
    assert actors["陈志"]["aliases"] == ["Chen Zhi"]
    assert actors["Golden Fortune Co., Ltd."]["threat_actor_types"] == ["crime-syndicate"]
    assert actors["陈志"]["id"] in report["object_refs"]
    [grouping] = _of_type(bundle, "grouping")
    assert set(r["id"] for r in reports.values()) <= set(grouping["object_refs"])
    assert _of_type(bundle, "relationship")


def test_a_case_above_the_tlp_is_refused(export_db: Database) -> None:
    with pytest.raises(InputError, match="above --tlp"):
        _bundle(export_db, case=CASE, tlp="GREEN")
