"""Tables of the share stage: keys, officers, packages, provenance, evidence and custody.

They live on their own Alembic branch (``0002_share``) so the stage can grow
without touching the core schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, JsonType

ROLES = ("liaison", "supervisor")
DIRECTIONS = ("outbound", "inbound")
RECORD_STATES = ("active", "retracted", "superseded")


class AgencyKey(Base):
    """Public keys of an agency; the local agency also keeps its private keys, encrypted.

    An agency has one current key and any number of earlier ones: a rotated-out key
    (``retired_at``) still verifies what it signed before; a revoked one (``revoked_at``)
    verifies nothing signed at or after its revocation.
    """

    __tablename__ = "share_agency_key"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    local: Mapped[bool] = mapped_column(default=False)
    signing_public: Mapped[str] = mapped_column(String(64))
    encryption_public: Mapped[str] = mapped_column(String(64))
    signing_private: Mapped[str | None] = mapped_column(Text)
    encryption_private: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str | None] = mapped_column(String(255))
    #: the previous key's signature over this key's fingerprint: a partner's proof of rotation
    endorsement: Mapped[str | None] = mapped_column(String(128))


class Officer(Base):
    """A person who creates or approves packages; only supervisors approve."""

    __tablename__ = "share_officer"
    __table_args__ = (CheckConstraint("role IN ('liaison', 'supervisor')", name="role"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))


class SharePackage(Base):
    """One package sent or received, with its markings and what happened to it."""

    __tablename__ = "share_package"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    direction: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(24))
    sender_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    tlp: Mapped[str] = mapped_column(String(16))
    handling: Mapped[list[str]] = mapped_column(JsonType, default=list)
    reliability: Mapped[str] = mapped_column(String(1))
    accuracy: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(64))
    request: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    relation: Mapped[str | None] = mapped_column(String(16))
    follows: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(128))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    #: why the safeguards blocked it (status "blocked"), one sentence per failing rule
    problems: Mapped[list[str] | None] = mapped_column(JsonType)


class ShareRecord(Base):
    """Provenance: a record that a package carried in (inbound) or out (outbound)."""

    __tablename__ = "share_record"
    __table_args__ = (
        CheckConstraint("state IN ('active', 'retracted', 'superseded')", name="state"),
        Index("ix_share_record_table_record", "table_name", "record_id", "state"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("share_package.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Id)
    state: Mapped[str] = mapped_column(String(16), default="active")


class EvidenceItem(Base):
    """A file of evidence: its hash, size and how it was acquired, under which authority."""

    __tablename__ = "evidence_item"
    __table_args__ = (UniqueConstraint("case_id", "sha256", name="case_sha256"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(512))
    acquired_by: Mapped[str] = mapped_column(String(128))
    acquired_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    method: Mapped[str] = mapped_column(Text)
    authorisation: Mapped[str] = mapped_column(Text)
    stored_path: Mapped[str | None] = mapped_column(Text)
    tlp: Mapped[str] = mapped_column(String(16), default="AMBER")


class CustodyEvent(Base):
    """One link of an evidence item's chain of custody; each includes the previous hash."""

    __tablename__ = "custody_event"
    __table_args__ = (UniqueConstraint("evidence_id", "seq", name="evidence_seq"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(128))
    agency: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    package_id: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ConsularRecord(Base):
    """VCCR Art. 36: when a detained foreign national was told, what they asked, who was told."""

    __tablename__ = "consular_record"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("case_subject.id", ondelete="CASCADE"), index=True
    )
    informed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    requested: Mapped[bool] = mapped_column()
    notified_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    consulate: Mapped[str | None] = mapped_column(String(2))
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)


class ExportRequest(Base):
    """A standard export (STIX, MISP, FtM) that waits for a second person, as a package does.

    What it selects is kept, not its output: the approver releases the records as they are
    when approving, marked by the strictest of them, after `export show` listed them.
    """

    __tablename__ = "share_export_request"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    format: Mapped[str] = mapped_column(String(8))
    out: Mapped[str] = mapped_column(Text)
    case_ref: Mapped[str | None] = mapped_column(String(64))
    tlp_max: Mapped[str] = mapped_column(String(16))
    tlp: Mapped[str] = mapped_column(String(16))
    purpose: Mapped[str | None] = mapped_column(String(255))
    recipients: Mapped[list[str]] = mapped_column(JsonType, default=list)
    status: Mapped[str] = mapped_column(String(24))
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(128))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
