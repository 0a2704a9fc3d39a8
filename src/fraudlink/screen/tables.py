"""Watchlists, their entries, the stored name index and screening hits.

The index is partitioned by list: importing one list rebuilds only that list's
index rows, in the same transaction as its entries, so a reader sees either
the old version of a list or the new one, never half of each.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, JsonType


class WatchList(Base):
    """One imported list; ``version`` counts imports; ``token`` is new on each, for caches."""

    __tablename__ = "screen_list"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    format: Mapped[str] = mapped_column(String(32))
    list_date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(1024))
    sha256: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(Integer, default=0)
    names: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    token: Mapped[str] = mapped_column(String(32))  # new on every import: what caches compare
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())


class WatchEntry(Base):
    """A listed person, organisation or wallet holder; ``ordinal`` is its place in the index."""

    __tablename__ = "screen_entry"
    __table_args__ = (
        UniqueConstraint("list_id", "ordinal", name="ordinal"),
        Index("ix_screen_entry_list_external", "list_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("screen_list.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    external_id: Mapped[str] = mapped_column(String(255))
    schema: Mapped[str] = mapped_column(String(32))
    caption: Mapped[str] = mapped_column(String(512))
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    content_hash: Mapped[str] = mapped_column(String(64))


class WatchIdentifier(Base):
    """A wallet, passport or registration number of an entry, in normal form."""

    __tablename__ = "screen_identifier"
    __table_args__ = (
        Index("ix_screen_identifier_kind_value", "kind", "value"),
        Index("ix_screen_identifier_list_id", "list_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("screen_list.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))


class IndexPart(Base):
    """One slice of a list's name index, as arrays.

    ``kind`` "names" holds the list's names (newline-joined) with ``postings`` the
    entry ordinal of each name; kind "keys" holds sorted 64-bit key hashes, CSR
    ``offsets`` and ``postings`` (name ordinals, int32).
    """

    __tablename__ = "screen_index"
    __table_args__ = (UniqueConstraint("list_id", "kind", "part", name="part"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("screen_list.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    part: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    hashes: Mapped[bytes | None] = mapped_column(LargeBinary)
    offsets: Mapped[bytes | None] = mapped_column(LargeBinary)
    postings: Mapped[bytes] = mapped_column(LargeBinary)


class ScreenHit(Base):
    """A record of ours that resembles a listed entry; kept so re-screening reports changes."""

    __tablename__ = "screen_hit"
    __table_args__ = (UniqueConstraint("subject", "list_name", "entry_id", name="hit"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    subject: Mapped[str] = mapped_column(String(600))  # "entity:12", "identifier:7"
    subject_label: Mapped[str] = mapped_column(String(600))
    list_name: Mapped[str] = mapped_column(String(128), index=True)
    entry_id: Mapped[str] = mapped_column(String(255))
    caption: Mapped[str] = mapped_column(String(512))
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[list[Any]] = mapped_column(JsonType)
    fingerprint: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())
