"""Person resolution as data: human judgements, the links Splink found, the clusters.

Judgements name persons by a stable key (agency/report/name) rather than by
``entity.id``, because re-importing a changed report re-creates its entities
with new ids and a human decision must survive that. The table is append-only:
the newest judgement on a pair wins, so every decision can be reversed by
judging again and the history stays readable.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import Base, Id

JUDGEMENTS = ("same", "not_same", "unsure")


class PersonJudgement(Base):
    """One human decision on a pair of person records; ``left_key`` < ``right_key``."""

    __tablename__ = "person_judgement"
    __table_args__ = (
        CheckConstraint("judgement IN ('same', 'not_same', 'unsure')", name="judgement"),
        Index("ix_person_judgement_pair", "left_key", "right_key"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    left_key: Mapped[str] = mapped_column(String(800))
    right_key: Mapped[str] = mapped_column(String(800))
    judgement: Mapped[str] = mapped_column(String(16))
    user: Mapped[str] = mapped_column("user_name", String(255))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(Text)


class PersonLink(Base):
    """A pair the model scored above the threshold in the last run, with its evidence."""

    __tablename__ = "person_link"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    left_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    right_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    probability: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)  # JSON: comparison levels per feature


class PersonCluster(Base):
    """Which resolved person each entity belongs to after the last run."""

    __tablename__ = "person_cluster"

    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[int] = mapped_column(Id, index=True)
    resolved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
