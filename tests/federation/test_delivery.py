"""Real servers exchange every package kind, a correction and a retraction, and survive outages.

Nothing lost, nothing duplicated: each test ends by counting inbox rows,
opened packages and receipts on both sides.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fraudlink.access.principal import acting_as
from fraudlink.federation.config import FederationSettings
from fraudlink.federation.inbox import open_from_inbox
from fraudlink.federation.partners import Identity, set_enabled
from fraudlink.federation.tables import FedInbox, FedOutbox, FedReceipt
from fraudlink.share import correct, record_consular, retract
from fraudlink.share.tables import EvidenceItem, SharePackage, ShareRecord
from fraudlink.store.schema import Entity

Node = Any
ACQUIRED = {
    "by": "officer Vann",
    "at": "2025-02-01T10:00:00+00:00",
    "method": "forensic image of seized phone",
    "authorisation": "warrant 12/2025",
}


def status(node: Node, package_id: str) -> str | None:
    return node.scalar(
        select(SharePackage.status).where(
            SharePackage.package_id == package_id, SharePackage.direction == "outbound"
        )
    )


def inbox_state(node: Node, package_id: str) -> str | None:
    return node.scalar(select(FedInbox.state).where(FedInbox.package_id == package_id))


def count(node: Node, model: Any, *where: Any) -> int:
    return int(node.scalar(select(func.count()).select_from(model).where(*where)))


def open_at(node: Node, package_id: str, kit: Any) -> Any:
    """What a liaison does at the receiving office (the API route calls the same function)."""
    config = FederationSettings(
        passphrase=kit.passphrase,
        spool=node.spool,  # type: ignore[arg-type]
        evidence_dir=node.root / "evidence",
    )
    return open_from_inbox(node.db, config, Identity(node.db, kit.passphrase), package_id, "bo")


def evidence_files(root: Path, sizes: list[int]) -> list[str]:
    files = []
    for index, size in enumerate(sizes):
        path = root / f"chat-{index}.bin"
        with path.open("wb") as sink:
            block = hashlib.sha256(str(index).encode()).digest() * 32768  # 1 MiB
            for _ in range(size // len(block)):
                sink.write(block)
            sink.write(block[: size % len(block)])
        files.append(str(path))
    return files


@pytest.mark.slow
@pytest.mark.postgres
def test_every_kind_delivered_opened_corrected_retracted(mesh: Any, kit: Any) -> None:
    kh, th = mesh(["KH-NPA", "TH-RTP"], postgres="TH-RTP")
    kit.seed(kh, ["TH-RTP"])
    th.start()
    kh.start()
    suspect = kh.scalar(select(Entity.id).where(Entity.name == "Chen Zhi"))
    now = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
    record_consular(kh.db, kit.case, suspect, now, True, now, "CN", "alice")
    notified = kit.send(kh, "case_notification", "TH-RTP", "n.flpkg", action="locate recruiter")
    evidence = kit.send(
        kh,
        "evidence_transfer",
        "TH-RTP",
        "e.flpkg",
        acquisition=ACQUIRED,
        evidence=evidence_files(kh.root, [3 << 20, 1000]),
    )
    repatriation = kit.send(
        kh,
        "repatriation_request",
        "TH-RTP",
        "r.flpkg",
        tlp="RED",
        subject=suspect,
        legal_basis="deportation",
        recipients=["pol. col. Somsak"],
        action="receive the victims",
    )
    packages = [notified, evidence, repatriation]
    for package in packages:
        kit.wait_for(lambda p=package: status(kh, p) == "delivered", what=f"{package} delivered")
        assert inbox_state(th, package) == "waiting"
        assert count(th, SharePackage) == packages.index(package)  # nothing imported unopened
        received = open_at(th, package, kit)
        assert not received.already_opened and received.counts
    for package in packages:  # the second receipt travels back by itself
        kit.wait_for(lambda p=package: status(kh, p) == "opened", what=f"{package} opened")
    stored = th.all(select(EvidenceItem.sha256, EvidenceItem.stored_path))
    assert len(stored) == 2
    assert all(hashlib.sha256(Path(p).read_bytes()).hexdigest() == h for h, p in stored)

    with kh.db.session() as session:
        chen = session.get(Entity, suspect)
        chen.name = "Chen Zhi (陈志)"
    alice = acting_as(kh.db, "alice")
    fix = correct(
        kh.db, notified, "name in Han script", alice, str(kh.root / "c.flpkg"), kit.passphrase
    ).package_id
    _approve_if_waiting(kh, fix, kit)
    gone = retract(
        kh.db, evidence, "wrong desk", alice, str(kh.root / "x.flpkg"), kit.passphrase
    ).package_id
    for package in (fix, gone):  # applied on arrival, no liaison needed
        kit.wait_for(lambda p=package: inbox_state(th, p) in ("opened", "applied"), what=package)
        kit.wait_for(lambda p=package: status(kh, p) == "opened", what=f"{package} receipt")
    names = {n for (n,) in th.all(select(Entity.name))}
    assert "Chen Zhi (陈志)" in names and "Chen Zhi" not in names
    original = th.scalar(select(SharePackage.id).where(SharePackage.package_id == evidence))
    states = {
        s for (s,) in th.all(select(ShareRecord.state).where(ShareRecord.package_id == original))
    }
    assert states == {"retracted"}
    assert status(kh, notified) == "corrected" and status(kh, evidence) == "retracted"
    # nothing lost, nothing twice
    sent = [*packages, fix, gone]
    assert count(th, FedInbox) == len(sent) == count(th, SharePackage)
    assert count(kh, FedReceipt, FedReceipt.kind == "delivered") == len(sent)
    assert count(kh, FedReceipt, FedReceipt.kind == "opened") == len(sent)
    assert count(kh, FedOutbox, FedOutbox.state != "delivered") == 0
    assert not list((th.spool / "incoming").glob("*.part"))


def _approve_if_waiting(node: Node, package_id: str, kit: Any) -> None:
    from fraudlink.share import approve

    if status(node, package_id) == "awaiting_approval":
        approve(node.db, package_id, acting_as(node.db, "sam"), kit.passphrase)


@pytest.mark.slow
def test_partner_down_then_up_and_disabled_partner(mesh: Any, kit: Any) -> None:
    """Three servers: TH is down for a while, VN is disabled at KH; each package arrives once."""
    kh, th, vn = mesh(["KH-NPA", "TH-RTP", "VN-MPS"])
    kit.seed(kh, ["TH-RTP", "VN-MPS"])
    with kh.db.session() as session:
        set_enabled(session, "VN-MPS", False, "admin")
    vn.start()
    kh.start()
    to_th = kit.send(kh, "case_notification", "TH-RTP", "t.flpkg", action="locate")
    to_vn = kit.send(kh, "case_notification", "VN-MPS", "v.flpkg", action="locate")
    kit.wait_for(
        lambda: kh.scalar(select(FedOutbox.attempts).where(FedOutbox.package_id == to_th)) >= 3,
        what="retries while TH is down",
    )
    assert status(kh, to_th) == "queued"
    th.start()
    kit.wait_for(lambda: status(kh, to_th) == "delivered", what="delivered after TH came up")
    assert status(kh, to_vn) == "queued" and count(vn, FedInbox) == 0  # disabled: not sent
    assert count(kh, FedOutbox, FedOutbox.package_id == to_vn, FedOutbox.attempts > 0) == 0
    with kh.db.session() as session:
        set_enabled(session, "VN-MPS", True, "admin")
    kit.wait_for(lambda: status(kh, to_vn) == "delivered", what="delivered once enabled")
    assert count(th, FedInbox) == 1 and count(vn, FedInbox) == 1
    assert count(kh, FedReceipt) == 2
    opened = open_at(th, to_th[:8], kit)  # as `partner open` is given it: the id's beginning
    assert opened.package_id == to_th and inbox_state(th, to_th) == "opened"


@pytest.mark.slow
def test_receiver_killed_during_large_transfer(mesh: Any, kit: Any) -> None:
    """SIGKILL while 64 MiB stream in: the transfer resumes, arrives once, opens verified."""
    kh, th = mesh(["KH-NPA", "TH-RTP"])
    kit.seed(kh, ["TH-RTP"])
    big = evidence_files(kh.root, [64 << 20])
    th.start()
    kh.start()
    package = kit.send(
        kh, "evidence_transfer", "TH-RTP", "big.flpkg", acquisition=ACQUIRED, evidence=big
    )
    part = th.spool / "incoming"
    kit.wait_for(
        lambda: any(p.stat().st_size > 12 << 20 for p in part.glob("*.part")),
        what="a transfer under way",
    )
    th.kill()
    staged = max(p.stat().st_size for p in part.glob("*.part"))
    assert 0 < staged < (64 << 20) and count(th, FedInbox) == 0  # nothing half-imported
    th.start()
    kit.wait_for(lambda: status(kh, package) == "delivered", what="delivered after the restart")
    assert count(th, FedInbox) == 1 and not list(part.glob("*.part"))
    open_at(th, package, kit)
    [(sha256, path)] = th.all(select(EvidenceItem.sha256, EvidenceItem.stored_path))
    assert sha256 == hashlib.sha256(Path(big[0]).read_bytes()).hexdigest()
    assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == sha256
    assert count(kh, FedReceipt, FedReceipt.kind == "delivered") == 1
