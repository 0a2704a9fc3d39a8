"""share: exports that wait for a second person, as packages do

Revision ID: 0025_daily_export_request
Revises: 0025_daily_key_rotation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0025_daily_export_request"
down_revision = "0025_daily_key_rotation"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "share_export_request",
        sa.Column("id", ID, nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("out", sa.Text(), nullable=False),
        sa.Column("case_ref", sa.String(64), nullable=True),
        sa.Column("tlp_max", sa.String(16), nullable=False),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("purpose", sa.String(255), nullable=True),
        sa.Column("recipients", JSON, nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=True),
        sa.Column("approved_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_export_request")),
    )


def downgrade() -> None:
    op.drop_table("share_export_request")
