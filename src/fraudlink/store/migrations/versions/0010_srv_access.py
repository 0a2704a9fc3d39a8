"""server: agency parents, users, API tokens, named readers, joint cases, jobs

Revision ID: 0010_srv_access
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_srv_access"
down_revision = "0001"
branch_labels = ("server",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
TLP = "tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')"
WHEN = sa.DateTime(timezone=True)


def _agency_parent() -> None:
    with op.batch_alter_table("agency") as batch:
        batch.add_column(sa.Column("parent_id", ID, nullable=True))
        batch.create_foreign_key(
            op.f("fk_agency_parent_id_agency"), "agency", ["parent_id"], ["id"]
        )


def _users() -> None:
    op.create_table(
        "access_user",
        sa.Column("id", ID, primary_key=True),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("roles", JSON, nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.UniqueConstraint("username", name=op.f("uq_access_user_username")),
    )
    op.create_index("ix_access_user_agency_id", "access_user", ["agency_id"])
    op.create_table(
        "access_token",
        sa.Column("id", ID, primary_key=True),
        sa.Column("user_id", ID, sa.ForeignKey("access_user.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=True),
        sa.Column("revoked_at", WHEN, nullable=True),
        sa.UniqueConstraint("token_hash", name=op.f("uq_access_token_token_hash")),
    )
    op.create_index("ix_access_token_user_id", "access_token", ["user_id"])
    op.create_table(
        "access_named",
        sa.Column("id", ID, primary_key=True),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("user_id", ID, sa.ForeignKey("access_user.id"), nullable=False),
        sa.UniqueConstraint("record_type", "record_id", "user_id", name="uq_access_named_named"),
    )
    op.create_index("ix_access_named_user_id", "access_named", ["user_id"])


def _joint_cases() -> None:
    op.create_table(
        "joint_case",
        sa.Column("id", ID, primary_key=True),
        sa.Column("reference", sa.String(128), nullable=False),
        sa.Column("title", sa.String(512), nullable=False),
        sa.Column("owner_agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.CheckConstraint(TLP, name=op.f("ck_joint_case_tlp")),
        sa.UniqueConstraint("reference", name=op.f("uq_joint_case_reference")),
    )
    op.create_table(
        "joint_case_member",
        sa.Column(
            "joint_case_id", ID, sa.ForeignKey("joint_case.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("added_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("joint_case_id", "agency_id", name=op.f("pk_joint_case_member")),
    )
    op.create_table(
        "joint_release",
        sa.Column("id", ID, primary_key=True),
        sa.Column(
            "joint_case_id", ID, sa.ForeignKey("joint_case.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("released_by", sa.String(128), nullable=False),
        sa.Column("released_at", WHEN, nullable=False),
        sa.Column("withdrawn_by", sa.String(128), nullable=True),
        sa.Column("withdrawn_at", WHEN, nullable=True),
        sa.CheckConstraint(TLP, name=op.f("ck_joint_release_tlp")),
        sa.CheckConstraint(
            "record_type IN ('report', 'entity', 'identifier', 'evidence_item')",
            name=op.f("ck_joint_release_record_type"),
        ),
    )
    op.create_index("ix_joint_release_joint_case_id", "joint_release", ["joint_case_id"])
    op.create_index("ix_joint_release_record", "joint_release", ["record_type", "record_id"])


def _jobs() -> None:
    op.create_table(
        "job",
        sa.Column("id", ID, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("params", JSON, nullable=False),
        sa.Column("result", JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("started_at", WHEN, nullable=True),
        sa.Column("finished_at", WHEN, nullable=True),
        sa.Column("worker", sa.String(128), nullable=True),
        sa.CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_job_state")
        ),
    )
    op.create_index("ix_job_state", "job", ["state", "id"])


def upgrade() -> None:
    _agency_parent()
    _users()
    _joint_cases()
    _jobs()


def downgrade() -> None:
    for table in ("job", "joint_release", "joint_case_member", "joint_case"):
        op.drop_table(table)
    for table in ("access_named", "access_token", "access_user"):
        op.drop_table(table)
    with op.batch_alter_table("agency") as batch:
        batch.drop_constraint(op.f("fk_agency_parent_id_agency"), type_="foreignkey")
        batch.drop_column("parent_id")
