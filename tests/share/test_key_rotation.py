"""Key rotation and revocation between two agencies: old packages stay verifiable,
a revoked key's later signatures are refused, the same card twice is no change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fraudlink.errors import InputError
from fraudlink.share import Request, add_card, export_card, open_package
from fraudlink.share.errors import PackageRejected
from fraudlink.share.rotation import list_keys, revoke, rotate

Side = Any


def _package(side: Side, kit: Any, name: str) -> Path:
    request = Request(kind="case_notification", case=kit.case, to="CN-MPS",
                      out=str(side.out / name), created_by="alice", action="locate")  # fmt: skip
    kit.send(side, request)
    return side.out / name


def _open(side: Side, path: Path, kit: Any) -> dict[str, int]:
    return open_package(side.db, path, kit.passphrase, side.evidence, "bo").counts


def _statuses(side: Side) -> dict[tuple[str, str], int]:
    with side.db.session() as session:
        rows = list_keys(session, history=True)
    found: dict[tuple[str, str], int] = {}
    for row in rows:
        found[row.code, row.status] = found.get((row.code, row.status), 0) + 1
    return found


def test_rotation_keeps_old_packages_verifiable(
    sender: Side, receiver: Side, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    before = _package(sender, kit, "before.flpkg")
    with sender.db.session() as session:
        rotate(session, kit.passphrase, "admin")
        card = export_card(session)
    assert "endorsement" in card
    with receiver.db.session() as session:
        add_card(session, card)  # endorsed by the key the receiver trusts: no --replace
        add_card(session, card)  # the same card twice changes nothing
    assert _statuses(receiver)[("KH-NPA", "retired")] == 1
    after = _package(sender, kit, "after.flpkg")
    assert _open(receiver, after, kit)["report"] == 2
    old = open_package(receiver.db, before, kit.passphrase, receiver.evidence, "bo")
    assert not old.already_opened  # signed by the retired key, still verified
    with receiver.db.session() as session:
        assert [r.status for r in list_keys(session) if r.code == "KH-NPA"] == ["current"]


def test_unendorsed_card_needs_replace(sender: Side, receiver: Side, kit: Any) -> None:
    with sender.db.session() as session:
        rotate(session, kit.passphrase, "admin", revoke="laptop stolen")
        card = export_card(session)
    assert "endorsement" not in card  # a compromised key endorses nothing
    with receiver.db.session() as session, pytest.raises(InputError, match="--replace"):
        add_card(session, card)
    with receiver.db.session() as session:
        add_card(session, card, replace=True)
    assert _statuses(receiver)[("KH-NPA", "current")] == 1


def test_revoked_key_refuses_what_it_signed_later(
    sender: Side, receiver: Side, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    early = _package(sender, kit, "early.flpkg")
    with receiver.db.session() as session:
        revoke(session, kit.passphrase, "bo", "KH-NPA", "they report the key stolen")
    late = _package(sender, kit, "late.flpkg")
    with pytest.raises(PackageRejected, match="revoked"):
        _open(receiver, late, kit)
    assert _open(receiver, early, kit)["report"] == 2


def test_receiver_rotation_still_opens_packages_sent_to_the_old_key(
    sender: Side, receiver: Side, tmp_path: Path, kit: Any
) -> None:
    kit.seed(sender, tmp_path)
    with receiver.db.session() as session:
        rotate(session, kit.passphrase, "bo")
    in_flight = _package(sender, kit, "in-flight.flpkg")  # the sender knows the old key only
    assert _open(receiver, in_flight, kit)["report"] == 2


def test_an_anchor_signed_before_rotation_still_verifies(
    sender: Side, tmp_path: Path, kit: Any
) -> None:
    from fraudlink.audit.anchor import verify_anchor, write_anchor

    write_anchor(sender.db, tmp_path / "anchor.json", kit.passphrase)
    with sender.db.session() as session:
        rotate(session, kit.passphrase, "admin")
    assert verify_anchor(sender.db, tmp_path / "anchor.json").ok


def test_revocation_counts_from_signing_not_creation(
    sender: Side, receiver: Side, tmp_path: Path, kit: Any
) -> None:
    from fraudlink.share import approve, create

    kit.seed(sender, tmp_path)
    out = str(sender.out / "p.flpkg")
    request = Request(kind="case_notification", case=kit.case, to="CN-MPS",
                      out=out, created_by="alice", action="locate")  # fmt: skip
    pending = create(sender.db, request, kit.passphrase)
    with receiver.db.session() as session:
        revoke(session, kit.passphrase, "bo", "KH-NPA", "stolen")
    approve(sender.db, pending.package_id, "sam", kit.passphrase)  # signed after revocation
    with pytest.raises(PackageRejected, match="revoked"):
        _open(receiver, sender.out / "p.flpkg", kit)
