"""The relational model every stage reads and writes.

Values keep their provenance (which report of which agency said them) so that
merges and packages can always answer "who said so". Money is ``Numeric``,
never float. Later issues extend this module through new Alembic revisions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fraudlink.store.types import ExactDecimal, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")
Money = ExactDecimal()
Id = BigInteger().with_variant(Integer(), "sqlite")

TLP_LEVELS = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
PERSON_ROLES = ("suspect", "recruiter", "boss", "money_mule", "victim", "witness", "other")
MONEY_KINDS = ("loss", "seized", "returned")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(2))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id"))


class Report(Base):
    """One victim or seizure report, as received; ``raw`` is the line exactly as read."""

    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("agency_id", "external_id", name="agency_external_id"),
        CheckConstraint(_in("tlp", TLP_LEVELS), name="tlp"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    external_id: Mapped[str] = mapped_column(String(255))
    reported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    language: Mapped[str | None] = mapped_column(String(35))
    language_detected: Mapped[bool] = mapped_column(default=False)
    scam_type: Mapped[str | None] = mapped_column(String(64))
    narrative: Mapped[str] = mapped_column(Text, default="")
    victim: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    extra: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    tlp: Mapped[str] = mapped_column(String(16), default="AMBER")
    raw: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str | None] = mapped_column(String(1024))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())
    #: only packages since retracted brought it here (``access.scope.settle_withdrawn`` keeps
    #: it): look-ups skip it without asking the share tables
    withdrawn: Mapped[bool] = mapped_column(default=False, server_default=false())


class ReportRevision(Base):
    """A superseded version of a report, kept when a changed line is re-imported."""

    __tablename__ = "report_revision"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    superseded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Identifier(Base):
    """One normalised identifier (a phone, a wallet...), shared by every report that names it."""

    __tablename__ = "identifier"
    __table_args__ = (UniqueConstraint("kind", "value", name="kind_value"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(512))
    valid: Mapped[bool] = mapped_column(default=True)
    attributes: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)


class ReportIdentifier(Base):
    """Provenance of an identifier: which report named it, as written, and where."""

    __tablename__ = "report_identifier"
    __table_args__ = (
        UniqueConstraint("report_id", "identifier_id", "origin", "raw", name="mention"),
        Index("ix_report_identifier_identifier", "identifier_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifier.id"))
    raw: Mapped[str] = mapped_column(String(1024))
    origin: Mapped[str] = mapped_column(String(16))  # "field" (structured) or "narrative"
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class Entity(Base):
    """A person or organisation as one agency's record names it; resolution happens in link."""

    __tablename__ = "entity"
    __table_args__ = (CheckConstraint("schema IN ('Person', 'Organization')", name="schema"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    schema: Mapped[str] = mapped_column(String(16), default="Person")
    name: Mapped[str] = mapped_column(String(512), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    nationality: Mapped[str | None] = mapped_column(String(2))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    source_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), index=True
    )
    properties: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    tlp: Mapped[str] = mapped_column(String(16), default="AMBER")


class EntityName(Base):
    __tablename__ = "entity_name"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(512))
    is_alias: Mapped[bool] = mapped_column(default=False)


class EntityDocument(Base):
    __tablename__ = "entity_document"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # passport, national_id, registration, ...
    number: Mapped[str] = mapped_column(String(128))
    country: Mapped[str | None] = mapped_column(String(2))


class ReportRole(Base):
    """The part a person or organisation plays in one report."""

    __tablename__ = "report_role"
    __table_args__ = (
        UniqueConstraint("report_id", "entity_id", "role", name="role"),
        CheckConstraint(_in("role", PERSON_ROLES), name="role"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))


class Case(Base):
    __tablename__ = "case_file"
    __table_args__ = (CheckConstraint(_in("tlp", TLP_LEVELS), name="tlp"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(String(512))
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    tlp: Mapped[str] = mapped_column(String(16), default="AMBER")
    flags: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())


class CaseAgency(Base):
    __tablename__ = "case_agency"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)


class CaseReport(Base):
    __tablename__ = "case_report"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True
    )
    report_id: Mapped[int] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), primary_key=True
    )


class CaseSubject(Base):
    """A person or organisation in a case, in one role (a suspect, a victim...)."""

    __tablename__ = "case_subject"
    __table_args__ = (
        UniqueConstraint("case_id", "entity_id", "role", name="subject"),
        CheckConstraint(_in("role", PERSON_ROLES), name="role"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id"))
    role: Mapped[str] = mapped_column(String(16))
    flags: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)


class SubjectStatus(Base):
    """One step of a subject's history; the lifecycle rules live in ``fraudlink.cases``."""

    __tablename__ = "subject_status"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("case_subject.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(32))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    legal_basis: Mapped[str | None] = mapped_column(String(512))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=func.now())


class MoneyRecord(Base):
    """A loss, a seizure or a return of assets, always with its currency."""

    __tablename__ = "money_record"
    __table_args__ = (CheckConstraint(_in("kind", MONEY_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(10))
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("report.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id"))
    occurred_on: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
