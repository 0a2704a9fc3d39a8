"""share: a package the safeguards blocked is kept, with their reasons

Revision ID: 0027_fed2_blocked
Revises: 0002_share
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0027_fed2_blocked"
down_revision = "0002_share"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.add_column("share_package", sa.Column("problems", JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("share_package") as batch:
        batch.drop_column("problems")
