"""share: a report withdrawn by retraction carries a flag; share records found by record

Look-ups used to ask the share tables on every call which reports only
retracted packages brought; the flag answers on the report row, and the new
index lets a retraction or an import settle it for exactly its records.

Revision ID: 0028_cleanup_report_withdrawn
Revises: 0002_share
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_cleanup_report_withdrawn"
down_revision = "0002_share"
branch_labels = None
depends_on = None

#: the rule of ``access.scope.withdrawn("report")``, for the reports already in a database
BACKFILL = """
UPDATE report SET withdrawn = TRUE WHERE id IN (
    SELECT r.record_id FROM share_record r
    JOIN share_package p ON p.id = r.package_id
    JOIN report rep ON rep.id = r.record_id
    WHERE p.direction = 'inbound' AND r.table_name = 'report' AND r.state = 'retracted'
      AND rep.agency_id != p.recipient_id
    EXCEPT
    SELECT r.record_id FROM share_record r
    JOIN share_package p ON p.id = r.package_id
    JOIN report rep ON rep.id = r.record_id
    WHERE p.direction = 'inbound' AND r.table_name = 'report' AND r.state = 'active'
      AND rep.agency_id != p.recipient_id
)
"""


def upgrade() -> None:
    op.add_column(
        "report", sa.Column("withdrawn", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.create_index(
        "ix_share_record_table_record", "share_record", ["table_name", "record_id", "state"]
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_index("ix_share_record_table_record", table_name="share_record")
    with op.batch_alter_table("report") as batch:
        batch.drop_column("withdrawn")
