"""link: reports joined by their persons' names (``fraudlink link --names``)

Revision ID: 0004_link_names
Revises: 0004_link_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_link_names"
down_revision = "0004_link_state"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_name_join",
        sa.Column("report_a", ID, nullable=False, autoincrement=False),
        sa.Column("report_b", ID, nullable=False, autoincrement=False),
        sa.Column("name_a", sa.String(512), nullable=False),
        sa.Column("name_b", sa.String(512), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_a"],
            ["report.id"],
            name=op.f("fk_link_name_join_report_a_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_b"],
            ["report.id"],
            name=op.f("fk_link_name_join_report_b_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_a", "report_b", name=op.f("pk_link_name_join")),
    )


def downgrade() -> None:
    op.drop_table("link_name_join")
