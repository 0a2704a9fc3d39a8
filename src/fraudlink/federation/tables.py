"""Tables of the federation stage: partners on the network, nonces seen, outbox, inbox, receipts.

They live on their own Alembic branch (``0021_fed``). Packages are named by their
UUID (``share_package.package_id``) rather than by foreign key: an inbound package
has no ``share_package`` row until a liaison opens it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, JsonType

When = DateTime(timezone=True)


class FedPartner(Base):
    """A partner agency reachable over the network; its keys are its ``share_agency_key`` row.

    ``failures`` and ``next_attempt_at`` drive the exponential back-off; ``lease_until``
    lets one sender at a time deliver to a partner, in order.
    """

    __tablename__ = "fed_partner"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), unique=True)
    url: Mapped[str] = mapped_column(String(512))
    enabled: Mapped[bool] = mapped_column(default=True)
    added_by: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[dt.datetime] = mapped_column(When)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(When)
    lease_until: Mapped[dt.datetime | None] = mapped_column(When)
    lease_by: Mapped[str | None] = mapped_column(String(128))
    last_error: Mapped[str | None] = mapped_column(Text)
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(When)


class FedNonce(Base):
    """A signature nonce seen from a key: the same one again is a replay."""

    __tablename__ = "fed_nonce"
    __table_args__ = (UniqueConstraint("keyid", "nonce", name="keyid_nonce"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    keyid: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(128))
    seen_at: Mapped[dt.datetime] = mapped_column(When, index=True)


class FedOutbox(Base):
    """Something to deliver to a partner: a package file or a receipt, in ``id`` order."""

    __tablename__ = "fed_outbox"
    __table_args__ = (UniqueConstraint("kind", "package_id", "partner_id", name="kind_package"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # package | receipt
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("fed_partner.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")  # queued|delivered|failed
    path: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[dt.datetime] = mapped_column(When)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(When)


class FedInbox(Base):
    """A package that arrived whole and verified, kept for a liaison officer to open."""

    __tablename__ = "fed_inbox"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    kind: Mapped[str] = mapped_column(String(32))
    tlp: Mapped[str] = mapped_column(String(16))
    relation: Mapped[str | None] = mapped_column(String(16))
    follows: Mapped[str | None] = mapped_column(String(36))
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    received_at: Mapped[dt.datetime] = mapped_column(When)
    opened_at: Mapped[dt.datetime | None] = mapped_column(When)
    opened_by: Mapped[str | None] = mapped_column(String(128))
    error: Mapped[str | None] = mapped_column(Text)
    receipt: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)


class FedReceipt(Base):
    """A signed receipt from a partner (delivered, opened), kept as proof."""

    __tablename__ = "fed_receipt"
    __table_args__ = (UniqueConstraint("package_id", "kind", name="package_kind"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # delivered | opened
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    document: Mapped[dict[str, Any]] = mapped_column(JsonType)
    received_at: Mapped[dt.datetime] = mapped_column(When)
