"""The audit tables: the entries themselves and the one row that holds the chain's head.

The head row exists so that every writer locks the same row before appending:
two writers can then never both take ``seq`` n + 1 and fork the chain, and a
truncated tail is detected because the head still names the last hash.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base

Seq = BigInteger().with_variant(Integer(), "sqlite")
GENESIS = "0" * 64
HEAD_ID = 1


class AuditEntryRow(Base):
    """One append-only entry; ``hash`` covers every other column plus ``prev_hash``."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "record_type", "record_id"),)

    seq: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, hashed exactly as stored
    action: Mapped[str] = mapped_column(String(16))
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(255))
    user: Mapped[str] = mapped_column("user_name", String(255))
    agency: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed exactly as stored
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The single row (``id`` = 1) naming the last entry; writers lock it to append."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Seq)
    hash: Mapped[str] = mapped_column(String(64))
