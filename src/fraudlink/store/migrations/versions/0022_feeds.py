"""feeds: releases of indicators to a partner's TAXII collections and MISP feed

Revision ID: 0022_feeds
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_feeds"
down_revision = "0001"
branch_labels = ("feeds",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feed_release",
        sa.Column("id", ID, primary_key=True),
        sa.Column("agency_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("partner_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("case_id", ID, sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("event_uuid", sa.String(36), nullable=False),
        sa.Column("misp_event", JSON, nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=False),
        sa.Column("approved_at", WHEN, nullable=False),
        sa.Column("withdrawn_by", sa.String(128), nullable=True),
        sa.Column("withdrawn_at", WHEN, nullable=True),
        sa.CheckConstraint(
            "tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT')", name=op.f("ck_feed_release_tlp")
        ),
        sa.UniqueConstraint("event_uuid", name=op.f("uq_feed_release_event_uuid")),
    )
    op.create_index("ix_feed_release_partner_id", "feed_release", ["partner_id"])
    op.create_table(
        "feed_object",
        sa.Column("id", ID, primary_key=True),
        sa.Column(
            "release_id", ID, sa.ForeignKey("feed_release.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("partner_id", ID, sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("collection", sa.String(16), nullable=False),
        sa.Column("stix_id", sa.String(96), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("revocation", sa.Boolean(), nullable=False),
        sa.Column("added_at", WHEN, nullable=False),
        sa.Column("body", JSON, nullable=False),
        sa.CheckConstraint(
            "collection IN ('indicators', 'networks')", name=op.f("ck_feed_object_collection")
        ),
    )
    op.create_index("ix_feed_object_release_id", "feed_object", ["release_id"])
    op.create_index("ix_feed_object_stix_id", "feed_object", ["stix_id"])
    op.create_index(
        "ix_feed_object_partner_collection", "feed_object", ["partner_id", "collection", "id"]
    )


def downgrade() -> None:
    op.drop_table("feed_object")
    op.drop_table("feed_release")
