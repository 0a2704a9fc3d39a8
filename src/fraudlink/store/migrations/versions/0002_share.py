"""share: agency keys, officers, packages, provenance, evidence, custody, consular records

Revision ID: 0002_share
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002_share"
down_revision = "0001"
branch_labels = ("share",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
WHEN = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", ID, nullable=False)


def _fk(
    column: str, table: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "share_agency_key",
        _id(),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("local", sa.Boolean(), nullable=False),
        sa.Column("signing_public", sa.String(64), nullable=False),
        sa.Column("encryption_public", sa.String(64), nullable=False),
        sa.Column("signing_private", sa.Text(), nullable=True),
        sa.Column("encryption_private", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("added_at", WHEN, nullable=False),
        _fk("agency_id", "share_agency_key", "agency"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_agency_key")),
        sa.UniqueConstraint("agency_id", name=op.f("uq_share_agency_key_agency_id")),
    )
    op.create_table(
        "share_officer",
        _id(),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.CheckConstraint("role IN ('liaison', 'supervisor')", name=op.f("ck_share_officer_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_officer")),
        sa.UniqueConstraint("username", name=op.f("uq_share_officer_username")),
    )
    _create_package_tables()
    _create_evidence_tables()


def _create_package_tables() -> None:
    op.create_table(
        "share_package",
        _id(),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("sender_id", ID, nullable=False),
        sa.Column("recipient_id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("handling", JSON, nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("accuracy", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(64), nullable=False),
        sa.Column("request", JSON, nullable=False),
        sa.Column("relation", sa.String(16), nullable=True),
        sa.Column("follows", sa.String(36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("approved_at", WHEN, nullable=True),
        sa.Column("opened_at", WHEN, nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        _fk("sender_id", "share_package", "agency"),
        _fk("recipient_id", "share_package", "agency"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_share_package_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_package")),
        sa.UniqueConstraint("package_id", name=op.f("uq_share_package_package_id")),
    )
    op.create_table(
        "share_record",
        _id(),
        sa.Column("package_id", ID, nullable=False),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.CheckConstraint(
            "state IN ('active', 'retracted', 'superseded')", name=op.f("ck_share_record_state")
        ),
        _fk("package_id", "share_record", "share_package", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_record")),
    )
    op.create_index(op.f("ix_share_record_package_id"), "share_record", ["package_id"])


def _create_evidence_tables() -> None:
    op.create_table(
        "evidence_item",
        _id(),
        sa.Column("case_id", ID, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(512), nullable=False),
        sa.Column("acquired_by", sa.String(128), nullable=False),
        sa.Column("acquired_at", WHEN, nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("authorisation", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=True),
        sa.Column("tlp", sa.String(16), nullable=False),
        _fk("case_id", "evidence_item", "case_file", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_item")),
        sa.UniqueConstraint("case_id", "sha256", name="case_sha256"),
    )
    op.create_index(op.f("ix_evidence_item_sha256"), "evidence_item", ["sha256"])
    op.create_table(
        "custody_event",
        _id(),
        sa.Column("evidence_id", ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(64), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("package_id", sa.String(36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        _fk("evidence_id", "custody_event", "evidence_item", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_event")),
        sa.UniqueConstraint("evidence_id", "seq", name="evidence_seq"),
    )
    op.create_table(
        "consular_record",
        _id(),
        sa.Column("subject_id", ID, nullable=False),
        sa.Column("informed_at", WHEN, nullable=False),
        sa.Column("requested", sa.Boolean(), nullable=False),
        sa.Column("notified_at", WHEN, nullable=True),
        sa.Column("consulate", sa.String(2), nullable=True),
        sa.Column("recorded_by", sa.String(128), nullable=False),
        sa.Column("recorded_at", WHEN, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _fk("subject_id", "consular_record", "case_subject", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consular_record")),
    )
    op.create_index(op.f("ix_consular_record_subject_id"), "consular_record", ["subject_id"])


def downgrade() -> None:
    for table in (
        "consular_record",
        "custody_event",
        "evidence_item",
        "share_record",
        "share_package",
        "share_officer",
        "share_agency_key",
    ):
        op.drop_table(table)
