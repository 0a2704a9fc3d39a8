"""operations: monthly totals of actions and the persons arrested or rescued in them

Figures of arrests and rescues by month, unit or province summed ``operation_action``
(a million rows at the bench's size) on every dashboard read. ``action_figure`` holds
one row per month, agency, province and kind with the number of actions and of
persons, kept exact by triggers on ``operation_action`` (actions are written by hand,
a few at a time, so the totals follow every write and never go stale). A window that
cuts a month reads that month's actions from ``ix_operation_action_occurred_at``.

Also a partial index of TLP:RED reports by agency, so the dashboard can read its counts
from ``report_figure`` and take away the agency's own RED reports the reader is not
named on without scanning the reports.

Revision ID: 0028_stats_action_figures
Revises: 0027_ops_report_figures
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_stats_action_figures"
down_revision = "0027_ops_report_figures"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
KEY = "month, agency_id, province, kind"

PG_MONTH = "(date_trunc('month', {row}.occurred_at AT TIME ZONE 'UTC'))::date"
PG_ADD = (
    "INSERT INTO action_figure ({key}, actions, persons) "
    "SELECT {month}, a.agency_id, coalesce(a.province, ''), a.kind, {sign}count(*), "
    "{sign}coalesce(sum(a.persons), 0) FROM {rows} a GROUP BY 1, 2, 3, 4 "
    "ON CONFLICT ({key}) DO UPDATE SET actions = action_figure.actions + excluded.actions, "
    "persons = action_figure.persons + excluded.persons;"
)


def _pg_add(rows: str, sign: str) -> str:
    return PG_ADD.format(key=KEY, month=PG_MONTH.format(row="a"), sign=sign, rows=rows)


PG_FUNCTION = f"""
CREATE FUNCTION action_figure_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {_pg_add("old_rows", "-")}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {_pg_add("new_rows", "")}
  END IF;
  RETURN NULL;
END $$
"""
PG_EVENTS = {
    "insert": ("INSERT", "REFERENCING NEW TABLE AS new_rows"),
    "update": ("UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "delete": ("DELETE", "REFERENCING OLD TABLE AS old_rows"),
}

_SQLITE_MONTH = "date({row}.occurred_at, 'start of month')"
_SQLITE_ADD = (
    "INSERT INTO action_figure ({key}, actions, persons) VALUES ({month}, {row}.agency_id, "
    "coalesce({row}.province, ''), {row}.kind, {sign}1, {sign}{row}.persons) "
    "ON CONFLICT ({key}) DO UPDATE SET actions = actions + excluded.actions, "
    "persons = persons + excluded.persons;"
)


def _sqlite_add(row: str, sign: str) -> str:
    return _SQLITE_ADD.format(key=KEY, month=_SQLITE_MONTH.format(row=row), row=row, sign=sign)


SQLITE_TRIGGERS = {
    "action_figure_insert": "AFTER INSERT ON operation_action BEGIN "
    + _sqlite_add("NEW", "")
    + " END",
    "action_figure_update": "AFTER UPDATE OF occurred_at, agency_id, province, kind, persons "
    "ON operation_action BEGIN " + _sqlite_add("OLD", "-") + _sqlite_add("NEW", "") + " END",
    "action_figure_delete": "AFTER DELETE ON operation_action BEGIN "
    + _sqlite_add("OLD", "-")
    + " END",
}


def upgrade() -> None:
    op.create_table(
        "action_figure",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("province", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("actions", sa.BigInteger(), nullable=False),
        sa.Column("persons", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_action_figure_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint(
            "month", "agency_id", "province", "kind", name=op.f("pk_action_figure")
        ),
    )
    op.create_index("ix_operation_action_occurred_at", "operation_action", ["occurred_at"])
    op.create_index(
        "ix_report_red_agency",
        "report",
        ["agency_id"],
        postgresql_where=sa.text("tlp = 'RED'"),
        sqlite_where=sa.text("tlp = 'RED'"),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for name, (event, referencing) in PG_EVENTS.items():
            op.execute(
                f"CREATE TRIGGER action_figure_{name} AFTER {event} ON operation_action "
                f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION action_figure_follow()"
            )
        month = PG_MONTH.format(row="operation_action")
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        month = _SQLITE_MONTH.format(row="operation_action")
    op.execute(
        f"INSERT INTO action_figure ({KEY}, actions, persons) SELECT {month}, agency_id, "
        "coalesce(province, ''), kind, count(*), coalesce(sum(persons), 0) "
        f"FROM operation_action WHERE {month} IS NOT NULL GROUP BY 1, 2, 3, 4"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name in PG_EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS action_figure_{name} ON operation_action")
        op.execute("DROP FUNCTION IF EXISTS action_figure_follow()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_report_red_agency", table_name="report")
    op.drop_index("ix_operation_action_occurred_at", table_name="operation_action")
    op.drop_table("action_figure")
