"""The MISP export loads back with PyMISP, with MISP types, objects and TLP tags."""

from __future__ import annotations

import json
from typing import Any

from pymisp import MISPEvent

from fraudlink.share.export.data import load_export
from fraudlink.share.export.misp import misp_event
from fraudlink.store import Database

CASE = "KH-2026-001"


def _event(database: Database, case: str | None = None, tlp: str = "AMBER") -> MISPEvent:
    with database.session() as session:
        document: dict[str, Any] = misp_event(load_export(session, case, tlp))
    event = MISPEvent()
    event.load(json.dumps(document, ensure_ascii=False))
    return event


def test_attributes_have_misp_types(export_db: Database) -> None:
    event = _event(export_db)
    typed = {(a.type, a.value) for a in event.attributes}
    assert ("phone-number", "+85512345678") in typed
    assert ("email-src", "boss@example.com") in typed
    assert ("url", "https://invest-pro.com/login") in typed
    assert ("domain", "invest-pro.com") in typed
    assert ("iban", "GB82WEST12345698765432") in typed
    assert ("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT") in typed
    assert ("anonymised", "411111******1111") in typed
    [eth] = event.get_objects_by_name("coin-address")
    assert eth.get_attributes_by_relation("symbol")[0].value == "ETH"


def test_tlp_tags_on_event_and_attributes(export_db: Database) -> None:
    event = _event(export_db)
    assert [tag.name for tag in event.tags] == ["tlp:amber"]
    assert all([t.name for t in a.tags] == ["tlp:amber"] for a in event.attributes)
    red = _event(export_db, tlp="RED")
    assert [tag.name for tag in red.tags] == ["tlp:red"]
    [phone] = [a for a in red.attributes if a.value == "+85511111111"]
    assert [t.name for t in phone.tags] == ["tlp:red"]


def test_people_and_reports_are_objects(export_db: Database) -> None:
    event = _event(export_db, case=CASE)
    assert event.info == "fraudlink case KH-2026-001: Golden Fortune compound"
    people = {
        o.get_attributes_by_relation("full-name")[0].value: o
        for o in event.get_objects_by_name("person")
    }
    assert set(people) == {"陈志", "Park Jung-wook"}  # the victim stays home
    boss = people["陈志"]
    assert boss.get_attributes_by_relation("passport-number")[0].value == "E1234567"
    assert boss.get_attributes_by_relation("alias")[0].value == "Chen Zhi"
    [org] = event.get_objects_by_name("organization")
    assert org.get_attributes_by_relation("name")[0].value == "Golden Fortune Co., Ltd."
    reports = {
        o.get_attributes_by_relation("title")[0].value: o
        for o in event.get_objects_by_name("report")
    }
    r1 = reports["KH-NPA/r1"]
    assert "loss 1200.5 USD" in r1.get_attributes_by_relation("summary")[0].value
    referenced = {ref.referenced_uuid for ref in r1.references}
    assert boss.uuid in referenced
    assert {a.uuid for a in event.attributes if a.value == "+85512345678"} <= referenced


def test_no_victim_data_or_full_card(export_db: Database) -> None:
    text = _event(export_db, tlp="RED").to_json()
    assert "Sok Dara" not in text and "4111111111111111" not in text
