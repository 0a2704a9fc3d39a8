"""operations: each operation's seized assets summed by legal state and currency

An operation's figures summed its seized assets exactly on every read; on SQLite that
sum runs in Python (``cases.sums``) and took 3.6 s of bench/stats.py's 4.6 s "one
operation" (half a million assets in one operation). ``asset_figure`` holds the exact
sums; triggers on ``seized_asset`` mark an operation whose assets change stale
(``asset_operation_stale``), a stale operation is summed from its assets as before (so
it is exact at every moment), and ``fraudlink stats --refresh`` recounts stale
operations into ``asset_figure``. Every operation with assets starts stale.

Revision ID: 0028_stats_asset_figures
Revises: 0028_stats_action_figures
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.store.types import ExactDecimal

revision = "0028_stats_asset_figures"
down_revision = "0028_stats_action_figures"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

PG_FUNCTION = """
CREATE FUNCTION asset_operation_stale_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO asset_operation_stale (operation_id) SELECT DISTINCT operation_id
      FROM old_rows WHERE operation_id IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO asset_operation_stale (operation_id) SELECT DISTINCT operation_id
      FROM new_rows WHERE operation_id IS NOT NULL ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$
"""
PG_EVENTS = {
    "insert": ("INSERT", "REFERENCING NEW TABLE AS new_rows"),
    "update": ("UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "delete": ("DELETE", "REFERENCING OLD TABLE AS old_rows"),
}

_MARK = (
    "INSERT OR IGNORE INTO asset_operation_stale (operation_id) "
    "SELECT {row}.operation_id WHERE {row}.operation_id IS NOT NULL;"
)
SQLITE_TRIGGERS = {
    "asset_stale_insert": "AFTER INSERT ON seized_asset BEGIN " + _MARK.format(row="NEW") + " END",
    "asset_stale_update": "AFTER UPDATE OF operation_id, state, currency, amount ON seized_asset "
    "BEGIN " + _MARK.format(row="OLD") + _MARK.format(row="NEW") + " END",
    "asset_stale_delete": "AFTER DELETE ON seized_asset BEGIN " + _MARK.format(row="OLD") + " END",
}


def upgrade() -> None:
    op.create_table(
        "asset_figure",
        sa.Column("operation_id", ID, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("assets", sa.BigInteger(), nullable=False),
        sa.Column("amount", ExactDecimal(), nullable=False),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_asset_figure_operation_id_operation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("operation_id", "state", "currency", name=op.f("pk_asset_figure")),
    )
    op.create_table(
        "asset_operation_stale",
        sa.Column("operation_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("operation_id", name=op.f("pk_asset_operation_stale")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for name, (event, referencing) in PG_EVENTS.items():
            op.execute(
                f"CREATE TRIGGER asset_stale_{name} AFTER {event} ON seized_asset "
                f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION asset_operation_stale_mark()"
            )
    else:
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(
        "INSERT INTO asset_operation_stale (operation_id) SELECT DISTINCT operation_id "
        "FROM seized_asset WHERE operation_id IS NOT NULL"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name in PG_EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS asset_stale_{name} ON seized_asset")
        op.execute("DROP FUNCTION IF EXISTS asset_operation_stale_mark()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("asset_operation_stale")
    op.drop_table("asset_figure")
