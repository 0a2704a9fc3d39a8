"""The ledger of transactions that ``trace`` follows.

``dedup_key`` makes re-importing the same file change nothing: it is the
bank's reference when the row has one, otherwise sender, receiver and time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, Money
from fraudlink.store.types import UtcDateTime


class Transaction(Base):
    """One payment from one account to another, as a bank or exchange recorded it."""

    __tablename__ = "money_transaction"
    __table_args__ = (
        Index("ix_money_transaction_from_account", "from_account"),
        Index("ix_money_transaction_to_account", "to_account"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(600), unique=True)
    from_account: Mapped[str] = mapped_column(String(255))
    to_account: Mapped[str] = mapped_column(String(255))
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(10))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    reference: Mapped[str | None] = mapped_column(String(255))
    source: Mapped[str | None] = mapped_column(String(1024))
    line: Mapped[int | None] = mapped_column(Integer)
