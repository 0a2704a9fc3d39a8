"""operations: daily and monthly totals of reports and losses, and the days to recount

A dashboard figure over ten million reports is one GROUP BY over a few thousand
summary rows instead of a join of two ten-million-row tables. Triggers on ``report``
and ``money_record`` mark the day a write touches as stale (``report_day_stale``);
figures count stale days from the reports themselves, so they are exact at every
moment, and ``fraudlink stats --refresh`` (run by cron or after a large ingest)
recounts the stale days into ``report_figure``. Every day already held starts stale.

Revision ID: 0027_ops_report_figures
Revises: 0013_ops_rescued
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.store.types import ExactDecimal

revision = "0027_ops_report_figures"
down_revision = "0013_ops_rescued"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

PG_DAY = "(({alias}.reported_at AT TIME ZONE 'UTC')::date)"
PG_FUNCTIONS = [
    f"""
CREATE FUNCTION report_day_stale_from_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_day_stale (day)
      SELECT DISTINCT {PG_DAY.format(alias="n")} FROM new_rows n ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO report_day_stale (day)
      SELECT DISTINCT {PG_DAY.format(alias="o")} FROM old_rows o ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$
""",
    f"""
CREATE FUNCTION report_day_stale_from_money() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_day_stale (day)
      SELECT DISTINCT {PG_DAY.format(alias="r")} FROM new_rows m
      JOIN report r ON r.id = m.report_id WHERE m.kind = 'loss' ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO report_day_stale (day)
      SELECT DISTINCT {PG_DAY.format(alias="r")} FROM old_rows m
      JOIN report r ON r.id = m.report_id WHERE m.kind = 'loss' ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$
""",
]
PG_EVENTS = {
    "insert": ("INSERT", "REFERENCING NEW TABLE AS new_rows"),
    "update": ("UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "delete": ("DELETE", "REFERENCING OLD TABLE AS old_rows"),
}
SOURCES = {"report": "report_day_stale_from_reports", "money_record": "report_day_stale_from_money"}

_MARK = "INSERT OR IGNORE INTO report_day_stale (day) VALUES ({day});"
_MONEY_DAY = "(SELECT date(reported_at) FROM report WHERE id = {row}.report_id)"
SQLITE_TRIGGERS = {
    "report_stale_insert": "AFTER INSERT ON report BEGIN "
    + _MARK.format(day="date(NEW.reported_at)")
    + " END",
    "report_stale_update": "AFTER UPDATE OF reported_at, agency_id, country, scam_type ON report "
    "BEGIN "
    + _MARK.format(day="date(OLD.reported_at)")
    + _MARK.format(day="date(NEW.reported_at)")
    + " END",
    "report_stale_delete": "AFTER DELETE ON report BEGIN "
    + _MARK.format(day="date(OLD.reported_at)")
    + " END",
    "money_stale_insert": "AFTER INSERT ON money_record "
    "WHEN NEW.kind = 'loss' AND NEW.report_id IS NOT NULL BEGIN "
    + _MARK.format(day=_MONEY_DAY.format(row="NEW"))
    + " END",
    "money_stale_update": "AFTER UPDATE OF kind, amount, currency, report_id ON money_record "
    "WHEN 'loss' IN (OLD.kind, NEW.kind) BEGIN "
    + _MARK.format(day=_MONEY_DAY.format(row="OLD"))
    + _MARK.format(day=_MONEY_DAY.format(row="NEW"))
    + " END",
    "money_stale_delete": "AFTER DELETE ON money_record "
    "WHEN OLD.kind = 'loss' AND OLD.report_id IS NOT NULL BEGIN "
    + _MARK.format(day=_MONEY_DAY.format(row="OLD"))
    + " END",
}


def upgrade() -> None:
    op.create_table(
        "report_figure",
        sa.Column("id", ID, nullable=False),
        sa.Column("span", sa.String(1), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("scam_type", sa.String(64), nullable=True),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("reports", sa.BigInteger(), nullable=False),
        sa.Column("losses", ExactDecimal(), nullable=False),
        sa.CheckConstraint("span IN ('d', 'm')", name=op.f("ck_report_figure_span")),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_report_figure_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_figure")),
    )
    op.create_index("ix_report_figure_span_period", "report_figure", ["span", "period"])
    op.create_table(
        "report_day_stale",
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_report_day_stale")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for function in PG_FUNCTIONS:
            op.execute(function)
        for table, function in SOURCES.items():
            for name, (event, referencing) in PG_EVENTS.items():
                op.execute(
                    f"CREATE TRIGGER {table}_stale_{name} AFTER {event} ON {table} "
                    f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
                )
        op.execute(
            "INSERT INTO report_day_stale (day) SELECT DISTINCT "
            f"{PG_DAY.format(alias='report')} FROM report"
        )
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute(
            "INSERT INTO report_day_stale (day) SELECT DISTINCT date(reported_at) FROM report"
            " WHERE date(reported_at) IS NOT NULL"  # a time SQLite cannot read has no day
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in SOURCES:
            for name in PG_EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_stale_{name} ON {table}")
        for function in SOURCES.values():
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("report_day_stale")
    op.drop_index("ix_report_figure_span_period", table_name="report_figure")
    op.drop_table("report_figure")
