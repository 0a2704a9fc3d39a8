"""link: each report's network, identifier verdicts (linked / hub / allowlisted), allow-list

Revision ID: 0004_link
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.link.networks.allowlist import shipped

revision = "0004_link"
down_revision = "0001"
branch_labels = ("link",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_report",
        sa.Column("report_id", ID, nullable=False, autoincrement=False),
        sa.Column("network_id", ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_link_report_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_link_report")),
    )
    op.create_index("ix_link_report_network_id", "link_report", ["network_id"])
    op.create_table(
        "link_identifier",
        sa.Column("identifier_id", ID, nullable=False, autoincrement=False),
        sa.Column("degree", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["identifier_id"],
            ["identifier.id"],
            name=op.f("fk_link_identifier_identifier_id_identifier"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("identifier_id", name=op.f("pk_link_identifier")),
    )
    op.create_index("ix_link_identifier_status", "link_identifier", ["status"])
    allowlist = op.create_table(
        "link_allowlist",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.String(512), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "added_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("kind", "value", name=op.f("pk_link_allowlist")),
    )
    rows = [{"kind": a.kind, "value": a.value, "note": a.note} for a in shipped()]
    op.bulk_insert(allowlist, rows)


def downgrade() -> None:
    op.drop_table("link_allowlist")
    op.drop_index("ix_link_identifier_status", table_name="link_identifier")
    op.drop_table("link_identifier")
    op.drop_index("ix_link_report_network_id", table_name="link_report")
    op.drop_table("link_report")
