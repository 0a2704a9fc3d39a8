"""Tables of the feeds stage: what an agency released to a partner's feed, frozen at approval.

A release is a snapshot: the STIX objects and the MISP event are built when a
supervisor approves it and stored as they were, so a partner's tool never
reads a record that was added to the case after the approval. They live on
their own Alembic branch (``0022_feeds``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, JsonType

COLLECTIONS = ("indicators", "networks")
FEED_TLPS = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT")  # never RED


class FeedRelease(Base):
    """One case's indicators released by ``agency`` to ``partner`` at ``tlp``, or withdrawn."""

    __tablename__ = "feed_release"
    __table_args__ = (
        CheckConstraint("tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')", name="tlp"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    tlp: Mapped[str] = mapped_column(String(16))
    event_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    misp_event: Mapped[dict[str, Any]] = mapped_column(JsonType)
    approved_by: Mapped[str] = mapped_column(String(128))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_by: Mapped[str | None] = mapped_column(String(128))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class FeedObject(Base):
    """One version of one STIX object in a partner's TAXII collection; ``id`` orders the feed."""

    __tablename__ = "feed_object"
    __table_args__ = (
        CheckConstraint("collection IN ('indicators', 'networks')", name="collection"),
        Index("ix_feed_object_partner_collection", "partner_id", "collection", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("feed_release.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    collection: Mapped[str] = mapped_column(String(16))
    stix_id: Mapped[str] = mapped_column(String(96), index=True)
    version: Mapped[str] = mapped_column(String(32))
    revocation: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    body: Mapped[dict[str, Any]] = mapped_column(JsonType)
