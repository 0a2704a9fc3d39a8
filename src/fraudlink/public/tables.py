"""The one table the public face adds to the agency database: identifiers withdrawn after review."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id


class PublicWithdrawal(Base):
    """An identifier the agency took out of the public index (a dispute upheld, an error)."""

    __tablename__ = "public_withdrawal"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_public_withdrawal_kind_value"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))
    reference: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    withdrawn_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())
