"""link: hub cut-offs per kind and the groups each hub was judged against (incremental runs)

Revision ID: 0004_link_state
Revises: 0004_link
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_link_state"
down_revision = "0004_link"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_kind",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("cutoff", sa.Float(), nullable=True),
        sa.Column("shared", sa.Integer(), nullable=False),
        sa.Column("above", sa.Integer(), nullable=False),
        sa.Column("full_shared", sa.Integer(), nullable=False),
        sa.Column("full_above", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_link_kind")),
    )
    op.create_table(
        "link_hub_group",
        sa.Column("identifier_id", ID, nullable=False, autoincrement=False),
        sa.Column("report_id", ID, nullable=False, autoincrement=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["identifier_id"],
            ["identifier.id"],
            name=op.f("fk_link_hub_group_identifier_id_identifier"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("identifier_id", "report_id", name=op.f("pk_link_hub_group")),
    )


def downgrade() -> None:
    op.drop_table("link_hub_group")
    op.drop_table("link_kind")
