"""public: identifiers withdrawn from the published index

Revision ID: 0011_pub_withdrawal
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_pub_withdrawal"
down_revision = "0001"
branch_labels = ("public",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "public_withdrawal",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.String(512), nullable=False),
        sa.Column("reference", sa.String(32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "withdrawn_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_withdrawal")),
        sa.UniqueConstraint("kind", "value", name=op.f("uq_public_withdrawal_kind_value")),
    )


def downgrade() -> None:
    op.drop_table("public_withdrawal")
