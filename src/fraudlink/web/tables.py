"""The web pages' own tables: signed-in sessions (revocable, idle-limited), languages."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id


class WebSession(Base):
    """One signed-in browser; the cookie holds a random key, the table only its SHA-256."""

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("access_user.id", ondelete="CASCADE"), index=True
    )
    csrf: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class WebPreference(Base):
    """The language a user chose on the pages; it follows them from browser to browser."""

    __tablename__ = "web_preference"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("access_user.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(8))
