"""Tables of joint operations, their actions, seized assets and dated exchange rates.

They live on their own Alembic branch (``0012_ops``) beside the core case tables.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id, JsonType, Money

ACTION_KINDS = ("raid", "arrest", "seizure", "rescue", "search", "other")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Operation(Base):
    """A named joint operation that groups cases, led by one agency with participants."""

    __tablename__ = "operation"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(512))
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    legal_basis: Mapped[str | None] = mapped_column(String(512))


class OperationAgency(Base):
    __tablename__ = "operation_agency"

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), primary_key=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)


class OperationCase(Base):
    __tablename__ = "operation_case"

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )


class OperationAction(Base):
    """A raid, arrest, seizure or rescue: where, when, by whom, how many people."""

    __tablename__ = "operation_action"
    __table_args__ = (CheckConstraint(_in("kind", ACTION_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    province: Mapped[str | None] = mapped_column(String(128))
    district: Mapped[str | None] = mapped_column(String(128))
    persons: Mapped[int] = mapped_column(default=0)
    officers: Mapped[list[str]] = mapped_column(JsonType, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class SeizedAsset(Base):
    """Cash, crypto, a frozen balance, a device or property, valued in its own currency."""

    __tablename__ = "seized_asset"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="SET NULL"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(String(1024))
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))


class AssetEvent(Base):
    """One step of an asset's legal course, with the order or basis behind it."""

    __tablename__ = "asset_event"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    asset_id: Mapped[int] = mapped_column(
        ForeignKey("seized_asset.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    basis: Mapped[str | None] = mapped_column(String(512))


class ExchangeRate(Base):
    """USD per unit of ``currency`` on a date, as the agency imported it."""

    __tablename__ = "exchange_rate"
    __table_args__ = (UniqueConstraint("currency", "on", name="currency_on"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    currency: Mapped[str] = mapped_column(String(10))
    on: Mapped[dt.date] = mapped_column(Date)
    usd: Mapped[Decimal] = mapped_column(Money)
    source: Mapped[str | None] = mapped_column(String(255))


class RescuedPerson(Base):
    """A worker rescued from a compound: the most protected record fraudlink holds.

    Read only by named roles of the owning agency, counted (never listed) in statistics.
    """

    __tablename__ = "rescued_person"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    operation_id: Mapped[int | None] = mapped_column(
        ForeignKey("operation.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(512))
    nationality: Mapped[str | None] = mapped_column(String(2))
    rescued_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(255))
    needs: Mapped[list[str]] = mapped_column(JsonType, default=list)
    trafficking_status: Mapped[str] = mapped_column(String(16), default="pending")
    status_authority: Mapped[str | None] = mapped_column(String(255))
    status_basis: Mapped[str | None] = mapped_column(String(512))
    repatriated_on: Mapped[dt.date | None] = mapped_column(Date)
    embassy: Mapped[str | None] = mapped_column(String(255))


class ReportFigure(Base):
    """Reports and losses of one day (``span`` 'd') or month ('m') and group.

    ``currency`` '' carries the count of reports; each other row the exact sum of the
    group's losses in that currency. Rows of a stale day are not read (see
    ``cases.rollup``); ``fraudlink stats --refresh`` recounts them.
    """

    __tablename__ = "report_figure"
    __table_args__ = (
        CheckConstraint("span IN ('d', 'm')", name="span"),
        Index("ix_report_figure_span_period", "span", "period"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    span: Mapped[str] = mapped_column(String(1))
    period: Mapped[dt.date] = mapped_column(Date)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    country: Mapped[str | None] = mapped_column(String(2))
    scam_type: Mapped[str | None] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(10))
    reports: Mapped[int] = mapped_column(BigInteger)
    losses: Mapped[Decimal] = mapped_column(Money)


class ReportDayStale(Base):
    """A UTC day whose reports or losses changed since ``report_figure`` counted it.

    Written by triggers on ``report`` and ``money_record`` (migration 0027), so no
    writer can forget it.
    """

    __tablename__ = "report_day_stale"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)


class ActionFigure(Base):
    """The actions of one month, agency, province ('' for none) and kind, and their persons.

    Kept exact by triggers on ``operation_action`` (migration 0028), so figures of
    arrests and rescues read these rows and never wait for a refresh.
    """

    __tablename__ = "action_figure"

    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    province: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    actions: Mapped[int] = mapped_column(BigInteger)
    persons: Mapped[int] = mapped_column(BigInteger)


class AssetFigure(Base):
    """The exact sum and number of one operation's assets in one legal state and currency.

    Not read for an operation in ``asset_operation_stale`` (its assets changed since):
    those are summed from the assets; ``fraudlink stats --refresh`` recounts them.
    """

    __tablename__ = "asset_figure"

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(16), primary_key=True)
    currency: Mapped[str] = mapped_column(String(10), primary_key=True)
    assets: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[Decimal] = mapped_column(Money)


class AssetOperationStale(Base):
    """An operation whose assets changed since ``asset_figure`` summed them (triggers on
    ``seized_asset``, migration 0028_stats_asset_figures)."""

    __tablename__ = "asset_operation_stale"

    operation_id: Mapped[int] = mapped_column(Id, primary_key=True)
