"""Agency keys: encrypted at rest, unlocked only by the passphrase; cards carry a fingerprint."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fraudlink.errors import InputError
from fraudlink.share import KeyProblem, Markings, add_card, export_card, read_card, show_fingerprint
from fraudlink.share.keys import unlock
from fraudlink.share.markings import strictest
from fraudlink.share.rotation import rotate
from fraudlink.share.tables import AgencyKey


def test_private_keys_are_encrypted_and_need_the_passphrase(sender: Any, kit: Any) -> None:
    with sender.db.session() as session:
        key = session.scalars(select(AgencyKey)).one()
        assert "ENCRYPTED PRIVATE KEY" in (key.signing_private or "")
        assert unlock(session, kit.passphrase).code == "KH-NPA"
        with pytest.raises(KeyProblem, match="does not unlock"):
            unlock(session, "wrong passphrase")


def test_card_round_trip_and_altered_card(sender: Any, tmp_path: Path, kit: Any) -> None:
    with sender.db.session() as session:
        card = export_card(session)
    assert set(card) >= {"code", "name", "country", "signing_key", "encryption_key", "fingerprint"}
    assert len(show_fingerprint(card["fingerprint"]).split()) == 8
    other = kit.side(str(tmp_path / "o.db"), "VN-MPS", "VN", tmp_path / "o")
    tampered = dict(card, encryption_key=card["signing_key"])
    with other.db.session() as session, pytest.raises(InputError, match="was altered"):
        add_card(session, tampered)
    with other.db.session() as session:
        assert add_card(session, read_card(json.dumps(card))).fingerprint == card["fingerprint"]
    with other.db.session() as session:  # the same card twice is no change (issue 13)
        assert add_card(session, card).fingerprint == card["fingerprint"]
    with sender.db.session() as session:
        rotate(session, kit.passphrase, "admin", revoke="stolen")
        unendorsed = export_card(session)
    with other.db.session() as session, pytest.raises(InputError, match="--replace"):
        add_card(session, unendorsed)  # another key of a trusted agency is not taken silently
    with pytest.raises(InputError, match="not a fraudlink-key-card"):
        read_card('{"code": "X"}')
    other.db.dispose()


def test_markings_validate_and_never_downgrade() -> None:
    assert strictest("GREEN", "RED", "AMBER") == "RED"
    assert strictest("AMBER+STRICT", "AMBER") == "AMBER+STRICT"
    with pytest.raises(InputError, match="Source reliability"):
        Markings(reliability="G")
    with pytest.raises(InputError, match="accuracy"):
        Markings(accuracy=5)
    with pytest.raises(InputError, match="Handling code gossip"):
        Markings(handling=("gossip",))
    assert Markings.from_json(Markings(tlp="RED", accuracy=1).as_json()).tlp == "RED"
