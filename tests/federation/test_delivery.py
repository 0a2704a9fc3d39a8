"""Two and three real servers exchange every package kind, corrections and retractions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fraudlink.federation.tables import FedInbox, FedOutbox, FedReceipt
from fraudlink.share.tables import SharePackage

Node = Any


def status(node: Node, package_id: str) -> str | None:
    return node.scalar(select(SharePackage.status).where(
        SharePackage.package_id == package_id, SharePackage.direction == "outbound"))  # fmt: skip


def test_case_notification_delivered_and_opened(mesh: Any, kit: Any) -> None:
    kh, th = mesh(["KH-NPA", "TH-RTP"])
    kit.seed(kh, ["TH-RTP"])
    th.start()
    kh.start()
    package = kit.send(kh, "case_notification", "TH-RTP", "n.flpkg", action="locate the recruiter")
    kit.wait_for(lambda: status(kh, package) == "delivered", 40, what="delivered")
    assert th.scalar(select(FedInbox.state).where(FedInbox.package_id == package)) == "waiting"
    assert kh.scalar(select(func.count()).select_from(FedReceipt)) == 1
