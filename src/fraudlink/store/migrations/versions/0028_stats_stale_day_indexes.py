"""report: indexes that make a stale day's reports and losses cheap to count

A figure counts the reports of the days written since ``stats --refresh`` from the
reports themselves. At ten million reports one day holds 14,000 of them, spread over
as many heap pages of ``report`` and ``money_record``: 0.7 s on PostgreSQL
(bench/stats.py, EXPLAIN ANALYZE). ``ix_report_day`` holds what a figure reads of a
report (its instant, id, agency, country and scam type) in order of time, so a day is
a few index pages; ``ix_money_record_loss`` holds each report's losses with their
currency and amount. Both serve index-only scans once VACUUM (autovacuum) has marked
the pages visible.

Revision ID: 0028_stats_stale_day_indexes
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0028_stats_stale_day_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_report_day ON report (reported_at) "
            "INCLUDE (id, agency_id, country, scam_type)"
        )
        op.execute(
            "CREATE INDEX ix_money_record_loss ON money_record (report_id) "
            "INCLUDE (currency, amount) WHERE kind = 'loss'"
        )
        return
    # SQLite: every index carries the rowid (report.id) and has no INCLUDE; it reads a
    # partial index's own condition column, so kind is in the index rather than its WHERE
    op.create_index("ix_report_day", "report", ["reported_at", "agency_id", "country", "scam_type"])
    op.create_index(
        "ix_money_record_loss", "money_record", ["report_id", "kind", "currency", "amount"]
    )


def downgrade() -> None:
    op.drop_index("ix_money_record_loss", table_name="money_record")
    op.drop_index("ix_report_day", table_name="report")
