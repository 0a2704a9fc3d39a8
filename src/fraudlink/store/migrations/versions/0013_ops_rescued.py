"""operations: rescued workers, readable only by named roles of their agency

Revision ID: 0013_ops_rescued
Revises: 0012_ops
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_ops_rescued"
down_revision = "0012_ops"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "rescued_person",
        sa.Column("id", ID, nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("operation_id", ID, nullable=True),
        sa.Column("name", sa.String(512), nullable=False),
        sa.Column("nationality", sa.String(2), nullable=True),
        sa.Column("rescued_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(255), nullable=True),
        sa.Column("needs", JSON, nullable=False),
        sa.Column("trafficking_status", sa.String(16), nullable=False),
        sa.Column("status_authority", sa.String(255), nullable=True),
        sa.Column("status_basis", sa.String(512), nullable=True),
        sa.Column("repatriated_on", sa.Date(), nullable=True),
        sa.Column("embassy", sa.String(255), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_rescued_person_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_rescued_person_operation_id_operation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescued_person")),
    )
    op.create_index("ix_rescued_person_agency_id", "rescued_person", ["agency_id"])


def downgrade() -> None:
    op.drop_table("rescued_person")
