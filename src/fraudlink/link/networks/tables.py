"""The link stage's tables: each report's network, each identifier's verdict, the allow-list.

A network's id is the smallest report id in it, so a network keeps its id
when new reports join it, and a merge keeps the older network's id.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base

Id = BigInteger().with_variant(Integer(), "sqlite")


class LinkReport(Base):
    """The network a report belongs to after the last ``fraudlink link``."""

    __tablename__ = "link_report"

    report_id: Mapped[int] = mapped_column(
        Id, ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    network_id: Mapped[int] = mapped_column(Id, index=True)


class LinkIdentifier(Base):
    """Why an identifier links or not: ``status`` is linked, hub or allowlisted."""

    __tablename__ = "link_identifier"

    identifier_id: Mapped[int] = mapped_column(
        Id, ForeignKey("identifier.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    degree: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text)


class AllowlistEntry(Base):
    """An identifier the agency declares benign (a platform, an official channel)."""

    __tablename__ = "link_allowlist"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(512), primary_key=True)
    note: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())


class LinkKind(Base):
    """A kind's hub cut-off from the last full run, and how its shared identifiers sat around it.

    Incremental runs judge with these cut-offs and count ``shared`` and
    ``above`` forward; a run whose counts drift too far recomputes in full.
    """

    __tablename__ = "link_kind"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    cutoff: Mapped[float | None] = mapped_column(Float)
    shared: Mapped[int] = mapped_column(Integer)
    above: Mapped[int] = mapped_column(Integer)
    full_shared: Mapped[int] = mapped_column(Integer)
    full_above: Mapped[int] = mapped_column(Integer)


class LinkHubGroup(Base):
    """One group a hub was judged against: a report in it and how many of the hub's reports."""

    __tablename__ = "link_hub_group"

    identifier_id: Mapped[int] = mapped_column(
        Id, ForeignKey("identifier.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    report_id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(Integer)


class LinkNameJoin(Base):
    """Two reports of different identifier networks joined by their persons' names."""

    __tablename__ = "link_name_join"

    report_a: Mapped[int] = mapped_column(
        Id, ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    report_b: Mapped[int] = mapped_column(
        Id, ForeignKey("report.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    name_a: Mapped[str] = mapped_column(String(512))
    name_b: Mapped[str] = mapped_column(String(512))
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
