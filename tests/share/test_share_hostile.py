"""A flipped byte anywhere, hostile archives and unknown senders: rejected, nothing imported."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from fraudlink.access.principal import acting_as
from fraudlink.share import Limits, PackageRejected, Request, open_package
from fraudlink.share import content as content_module
from fraudlink.share import package as package_module
from fraudlink.share.archive import SIG_LEN, sign_in_place
from fraudlink.share.keys import unlock
from fraudlink.share.tables import SharePackage
from fraudlink.store.schema import Case, Entity


@pytest.fixture
def package(sender: Any, receiver: Any, tmp_path: Path, kit: Any) -> Path:
    kit.seed(sender, tmp_path)
    evidence = tmp_path / "photo.jpg"
    evidence.write_bytes(bytes(range(256)) * 5000)
    req = Request(
        kind="evidence_transfer",
        case=kit.case,
        to="CN-MPS",
        out=str(sender.out / "e.flpkg"),
        created_by="alice",
        evidence=[str(evidence)],
    )
    kit.send(sender, req)
    return sender.out / "e.flpkg"


def nothing_imported(receiver: Any) -> None:
    with receiver.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SharePackage)) == 0
        assert session.scalar(select(func.count()).select_from(Case)) == 0
        assert session.scalar(select(func.count()).select_from(Entity)) == 0
    assert not receiver.evidence.exists() or not any(receiver.evidence.iterdir())


def rejected(receiver: Any, kit: Any, path: Path, match: str, limits: Limits | None = None) -> None:
    with pytest.raises(PackageRejected, match=match) as caught:
        open_package(
            receiver.db,
            path,
            kit.passphrase,
            receiver.evidence,
            acting_as(receiver.db, "bo"),
            limits,
        )
    assert "\n" not in str(caught.value)
    nothing_imported(receiver)


def test_a_single_flipped_byte_anywhere_is_rejected(
    package: Path, receiver: Any, kit: Any, tmp_path: Path
) -> None:
    data = package.read_bytes()
    size = len(data)
    # every region: local headers, encrypted data, manifest, central directory, signature block
    offsets = sorted(
        {
            0,
            5,
            14,
            40,
            200,
            size // 3,
            size // 2,
            size - SIG_LEN - 60,
            size - SIG_LEN - 10,
            size - SIG_LEN - 1,
            size - SIG_LEN + 3,
            size - SIG_LEN + 20,
            size - 1,
            *range(size - SIG_LEN - 22, size - SIG_LEN),
        }
    )
    for offset in offsets:
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        target = tmp_path / f"flip-{offset}.flpkg"
        target.write_bytes(bytes(flipped))
        rejected(receiver, kit, target, "altered|truncated|not a readable|malformed|manifest")
    assert open_package(
        receiver.db, package, kit.passphrase, receiver.evidence, acting_as(receiver.db, "bo")
    ).counts


def test_truncated_and_extended_files_are_rejected(
    package: Path, receiver: Any, kit: Any, tmp_path: Path
) -> None:
    data = package.read_bytes()
    (tmp_path / "short").write_bytes(data[: len(data) // 2])
    rejected(receiver, kit, tmp_path / "short", "signature block")
    (tmp_path / "long").write_bytes(data + b"\0")
    rejected(receiver, kit, tmp_path / "long", "signature block")
    (tmp_path / "tiny").write_bytes(b"PK")
    rejected(receiver, kit, tmp_path / "tiny", "too short")


def test_a_package_for_another_agency_is_rejected(
    sender: Any, package: Path, tmp_path: Path, kit: Any
) -> None:
    stranger = kit.side(str(tmp_path / "th.db"), "TH-RTP", "TH", tmp_path / "th")
    with sender.db.session() as s, stranger.db.session() as t:
        from fraudlink.share import add_card, export_card

        add_card(t, export_card(s))
    rejected(stranger, kit, package, "addressed to 'CN-MPS', not to this agency")
    stranger.db.dispose()


def test_a_package_from_an_agency_without_a_card_is_rejected(
    package: Path, tmp_path: Path, kit: Any
) -> None:
    loner = kit.side(str(tmp_path / "lo.db"), "CN-MPS", "CN", tmp_path / "lo")
    rejected(loner, kit, package, "unknown sender 'KH-NPA'; import its key card")
    loner.db.dispose()


def hostile(sender: Any, kit: Any, path: Path, build: Any) -> Path:
    """A zip from a partner turned hostile: validly signed, so only the archive checks stop it."""
    with zipfile.ZipFile(path, "w") as archive:
        build(archive)
        archive.comment = b" " * SIG_LEN
    with sender.db.session() as session:
        keys = unlock(session, kit.passphrase)
    sign_in_place(path, "KH-NPA", keys.signing)
    return path


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("../../etc/cron.d/x.enc", "could escape"),
        ("/abs/evil.enc", "could escape"),
        ("C:\\evil.enc", "could escape"),
        ("a/./b.enc", "could escape"),
    ],
)
def test_path_traversal_is_rejected(
    sender: Any, receiver: Any, kit: Any, tmp_path: Path, name: str, match: str
) -> None:
    path = hostile(sender, kit, tmp_path / "t.flpkg", lambda z: z.writestr(name, b"x"))
    rejected(receiver, kit, path, match)


def test_symlink_member_is_rejected(sender: Any, receiver: Any, kit: Any, tmp_path: Path) -> None:
    def build(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("evidence/000001.enc")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")

    rejected(receiver, kit, hostile(sender, kit, tmp_path / "l.flpkg", build), "link or folder")


def test_zip_bomb_is_rejected(sender: Any, receiver: Any, kit: Any, tmp_path: Path) -> None:
    def build(archive: zipfile.ZipFile) -> None:
        with archive.open(zipfile.ZipInfo("content.json.enc"), "w") as sink:
            pass
        archive.writestr("evidence/000001.enc", b"\0" * (20 << 20), zipfile.ZIP_DEFLATED)
        del sink

    rejected(receiver, kit, hostile(sender, kit, tmp_path / "b.flpkg", build), "zip bomb")


def test_oversized_members_and_totals_are_rejected(package: Path, receiver: Any, kit: Any) -> None:
    rejected(receiver, kit, package, "is larger than", Limits(max_member=100_000))
    rejected(receiver, kit, package, "unpacks to more than", Limits(max_total=1_000_000))
    rejected(receiver, kit, package, "more than 1 members", Limits(max_members=1))


def test_duplicate_and_unlisted_members_are_rejected(
    sender: Any, receiver: Any, kit: Any, tmp_path: Path
) -> None:
    def twice(archive: zipfile.ZipFile) -> None:
        archive.writestr("content.json.enc", b"a")
        with pytest.warns(UserWarning):
            archive.writestr("content.json.enc", b"b")

    rejected(receiver, kit, hostile(sender, kit, tmp_path / "d.flpkg", twice), "twice")
    no_manifest = hostile(sender, kit, tmp_path / "m.flpkg", lambda z: z.writestr("x.enc", b"a"))
    rejected(receiver, kit, no_manifest, "no manifest")
    body = io.BytesIO(b'{"format": "fraudlink-package/1", "members": []}')
    extra = hostile(
        sender,
        kit,
        tmp_path / "x.flpkg",
        lambda z: (z.writestr("manifest.json", body.getvalue()), z.writestr("stowaway.enc", b"a")),
    )
    rejected(receiver, kit, extra, "do not match its manifest|manifest is malformed")


def resigned(sender: Any, kit: Any, package: Path, target: Path, manifest: bytes) -> Path:
    """The partner's real package with another manifest, signed again with the partner's key."""
    with zipfile.ZipFile(package) as original:
        members = {name: original.read(name) for name in original.namelist()}
    members["manifest.json"] = manifest
    return hostile(
        sender, kit, target, lambda z: [z.writestr(n, data) for n, data in members.items()]
    )


def manifest_of(package: Path) -> dict[str, Any]:
    with zipfile.ZipFile(package) as archive:
        found: dict[str, Any] = json.loads(archive.read("manifest.json"))
    return found


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("markings", '"RED"', "manifest is malformed: markings"),
        ("markings", "[" * 10_000 + "]" * 10_000, "nested more than"),
        ("members", "[" * 10_000 + "]" * 10_000, "nested more than"),
        ("id", '"x/../../../somewhere"', "manifest is malformed: id"),
        ("created_at", '"yesterday"', "manifest is malformed: created_at"),
        ("sender", '{"code": "KH-NPA"}', "manifest is malformed: sender"),
        ("surprise", "1", "manifest is malformed: surprise"),
    ],
)
def test_a_hostile_manifest_signed_by_a_partner_is_one_clear_error(
    package: Path,
    sender: Any,
    receiver: Any,
    kit: Any,
    tmp_path: Path,
    field: str,
    value: str,
    match: str,
) -> None:
    fields = {k: json.dumps(v) for k, v in manifest_of(package).items()}
    fields[field] = value
    text = "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in fields.items()) + "}"
    path = resigned(sender, kit, package, tmp_path / "h.flpkg", text.encode())
    rejected(receiver, kit, path, match)


def test_a_signed_package_whose_id_climbs_out_touches_nothing_outside(
    sender: Any, any_receiver: Any, kit: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attack of issue 10: a trusted partner's package names its id x/../../../somewhere."""
    receiver = any_receiver
    kit.seed(sender, tmp_path)
    evil = "x/../../../somewhere"
    somewhere = Path(os.path.normpath(receiver.evidence / f".incoming-{evil}"))
    somewhere.mkdir(parents=True)
    (somewhere / "keep.txt").write_text("the receiver's own files")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"seized photo")
    monkeypatch.setattr(package_module, "uuid", SimpleNamespace(uuid4=lambda: evil))
    out = sender.out / "evil.flpkg"
    req = Request(
        kind="evidence_transfer",
        case=kit.case,
        to="CN-MPS",
        out=str(out),
        created_by="alice",
        evidence=[str(photo)],
    )
    kit.send(sender, req)
    monkeypatch.undo()
    assert manifest_of(out)["id"] == evil  # built and signed by the real code
    try:
        open_package(
            receiver.db, out, kit.passphrase, receiver.evidence, acting_as(receiver.db, "bo")
        )
        refused = ""
    except PackageRejected as exc:
        refused = str(exc)
    assert (somewhere / "keep.txt").read_text() == "the receiver's own files"
    assert "manifest is malformed: id" in refused
    assert sorted(p.name for p in somewhere.iterdir()) == ["keep.txt"]
    nothing_imported(receiver)


def test_staging_is_ours_and_gone_after_opening(package: Path, receiver: Any, kit: Any) -> None:
    received = open_package(
        receiver.db, package, kit.passphrase, receiver.evidence, acting_as(receiver.db, "bo")
    )
    assert received.counts["evidence_item"] == 1
    names = [p.name for p in receiver.evidence.iterdir()]
    assert len(names) == 1 and len(names[0]) == 64  # stored under its SHA-256 only


@pytest.mark.parametrize(
    ("where", "field", "value", "match"),
    [
        ("reports", "country", "K" * 3000, "reports.0.country"),
        ("suspects", "aliases", "Chen", "suspects.0.aliases"),
        ("reports", "identifiers", [{"kind": "k" * 100, "value": "x"}], "identifiers.0.kind"),
        ("reports", "reported_at", ["2025"], "reports.0.reported_at"),
    ],
)
def test_hostile_content_from_a_partner_is_refused_on_every_database(
    sender: Any,
    any_receiver: Any,
    kit: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    field: str,
    value: object,
    match: str,
) -> None:
    """Lengths PostgreSQL enforces and SQLite ignores, and wrong types: one clear refusal."""
    kit.seed(sender, tmp_path)
    original = content_module.minimise

    def minimise(content: dict[str, Any], purpose: str) -> dict[str, Any]:
        minimised = original(content, purpose)
        minimised[where][0][field] = value
        return minimised

    monkeypatch.setattr(content_module, "minimise", minimise)
    out = sender.out / "n.flpkg"
    req = Request(
        kind="case_notification", case=kit.case, to="CN-MPS", out=str(out), created_by="alice"
    )
    kit.send(sender, req)
    with pytest.raises(PackageRejected, match=f"content is malformed: .*{match}"):
        open_package(
            any_receiver.db,
            out,
            kit.passphrase,
            any_receiver.evidence,
            acting_as(any_receiver.db, "bo"),
        )
    nothing_imported(any_receiver)
