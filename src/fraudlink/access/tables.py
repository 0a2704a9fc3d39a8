"""Tables of the server: users, API tokens, joint cases, their released records, and jobs.

They live on their own Alembic branch (``server``) so sign-in and scoping can grow
without touching the pipeline's tables. An agency's parent is a core column
(``agency.parent_id``) added by the same branch.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fraudlink.store.schema import TLP_LEVELS, Base, Id, JsonType, _in

ROLES = ("analyst", "liaison", "supervisor", "admin", "auditor")
#: What an owner may release into a joint case (the record kinds the scoping layer knows).
RELEASABLE = ("report", "entity", "identifier", "evidence_item")
JOB_STATES = ("queued", "running", "done", "failed")


class User(Base):
    """A person who signs in; belongs to one agency, holds one or more roles."""

    __tablename__ = "access_user"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    roles: Mapped[list[str]] = mapped_column(JsonType, default=list)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A bearer token, kept only as its SHA-256: a stolen table signs nobody in."""

    __tablename__ = "access_token"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("access_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class NamedReader(Base):
    """A person named on a TLP:RED record: the only people who see it."""

    __tablename__ = "access_named"
    __table_args__ = (UniqueConstraint("record_type", "record_id", "user_id", name="named"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Id)
    user_id: Mapped[int] = mapped_column(ForeignKey("access_user.id"), index=True)


class JointCase(Base):
    """A joint investigation of several agencies; each keeps control of what it releases."""

    __tablename__ = "joint_case"
    __table_args__ = (CheckConstraint(_in("tlp", TLP_LEVELS), name="tlp"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(String(512))
    owner_agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    tlp: Mapped[str] = mapped_column(String(16), default="AMBER")
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class JointCaseMember(Base):
    __tablename__ = "joint_case_member"

    joint_case_id: Mapped[int] = mapped_column(
        ForeignKey("joint_case.id", ondelete="CASCADE"), primary_key=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class JointRelease(Base):
    """One record its owner released into a joint case; ``withdrawn_at`` ends it at once."""

    __tablename__ = "joint_release"
    __table_args__ = (
        CheckConstraint(_in("tlp", TLP_LEVELS), name="tlp"),
        CheckConstraint(_in("record_type", RELEASABLE), name="record_type"),
        Index("ix_joint_release_record", "record_type", "record_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    joint_case_id: Mapped[int] = mapped_column(
        ForeignKey("joint_case.id", ondelete="CASCADE"), index=True
    )
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Id)
    tlp: Mapped[str] = mapped_column(String(16))
    released_by: Mapped[str] = mapped_column(String(128))
    released_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_by: Mapped[str | None] = mapped_column(String(128))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Job(Base):
    """Long work (ingest of a file, link, screen all): queued, taken by one worker, reported."""

    __tablename__ = "job"
    __table_args__ = (
        CheckConstraint(_in("state", JOB_STATES), name="state"),
        Index("ix_job_state", "state", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="queued")
    params: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    error: Mapped[str | None] = mapped_column(Text)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int | None] = mapped_column(Integer)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    worker: Mapped[str | None] = mapped_column(String(128))
