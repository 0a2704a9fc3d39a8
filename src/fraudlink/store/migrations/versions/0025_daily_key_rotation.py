"""share: several keys per agency over time (rotation) and revoked keys

Revision ID: 0025_daily_key_rotation
Revises: 0002_share
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_daily_key_rotation"
down_revision = "0002_share"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("share_agency_key") as batch:
        batch.drop_constraint("uq_share_agency_key_agency_id", type_="unique")
        batch.add_column(sa.Column("retired_at", WHEN, nullable=True))
        batch.add_column(sa.Column("revoked_at", WHEN, nullable=True))
        batch.add_column(sa.Column("revoked_reason", sa.String(255), nullable=True))
        batch.add_column(sa.Column("endorsement", sa.String(128), nullable=True))
        batch.create_index("ix_share_agency_key_agency_id", ["agency_id"])


def downgrade() -> None:
    with op.batch_alter_table("share_agency_key") as batch:
        batch.drop_index("ix_share_agency_key_agency_id")
        batch.drop_column("endorsement")
        batch.drop_column("revoked_reason")
        batch.drop_column("revoked_at")
        batch.drop_column("retired_at")
        batch.create_unique_constraint("uq_share_agency_key_agency_id", ["agency_id"])
