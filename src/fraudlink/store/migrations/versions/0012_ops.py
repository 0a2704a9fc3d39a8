"""operations: joint operations, their actions, seized assets, dated exchange rates

Revision ID: 0012_ops
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.store.types import ExactDecimal

revision = "0012_ops"
down_revision = "0001"
branch_labels = ("operations",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")


def _agency(table: str, column: str = "agency_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["agency.id"], name=op.f(f"fk_{table}_{column}_agency")
    )


def _operation(table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["operation_id"],
        ["operation.id"],
        name=op.f(f"fk_{table}_operation_id_operation"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "operation",
        sa.Column("id", ID, nullable=False),
        sa.Column("reference", sa.String(128), nullable=False),
        sa.Column("name", sa.String(512), nullable=False),
        sa.Column("lead_agency_id", ID, nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("legal_basis", sa.String(512), nullable=True),
        _agency("operation", "lead_agency_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation")),
        sa.UniqueConstraint("reference", name=op.f("uq_operation_reference")),
    )
    op.create_table(
        "operation_agency",
        sa.Column("operation_id", ID, nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        _operation("operation_agency"),
        _agency("operation_agency"),
        sa.PrimaryKeyConstraint("operation_id", "agency_id", name=op.f("pk_operation_agency")),
    )
    op.create_table(
        "operation_case",
        sa.Column("operation_id", ID, nullable=False),
        sa.Column("case_id", ID, nullable=False),
        _operation("operation_case"),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_operation_case_case_id_case_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("operation_id", "case_id", name=op.f("pk_operation_case")),
    )
    op.create_table(
        "operation_action",
        sa.Column("id", ID, nullable=False),
        sa.Column("operation_id", ID, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("province", sa.String(128), nullable=True),
        sa.Column("district", sa.String(128), nullable=True),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("officers", JSON, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('raid', 'arrest', 'seizure', 'rescue', 'search', 'other')",
            name=op.f("ck_operation_action_kind"),
        ),
        _operation("operation_action"),
        _agency("operation_action"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation_action")),
    )
    op.create_index("ix_operation_action_operation_id", "operation_action", ["operation_id"])
    op.create_table(
        "seized_asset",
        sa.Column("id", ID, nullable=False),
        sa.Column("operation_id", ID, nullable=True),
        sa.Column("case_id", ID, nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("description", sa.String(1024), nullable=False),
        sa.Column("amount", ExactDecimal(), nullable=False),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("details", JSON, nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        _operation("seized_asset", "SET NULL"),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["case_file.id"],
            name=op.f("fk_seized_asset_case_id_case_file"),
            ondelete="SET NULL",
        ),
        _agency("seized_asset"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seized_asset")),
    )
    op.create_index("ix_seized_asset_operation_id", "seized_asset", ["operation_id"])
    op.create_table(
        "asset_event",
        sa.Column("id", ID, nullable=False),
        sa.Column("asset_id", ID, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("basis", sa.String(512), nullable=True),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["seized_asset.id"],
            name=op.f("fk_asset_event_asset_id_seized_asset"),
            ondelete="CASCADE",
        ),
        _agency("asset_event"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_event")),
    )
    op.create_index("ix_asset_event_asset_id", "asset_event", ["asset_id"])
    op.create_table(
        "exchange_rate",
        sa.Column("id", ID, nullable=False),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("usd", ExactDecimal(), nullable=False),
        sa.Column("source", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rate")),
        sa.UniqueConstraint("currency", "on", name=op.f("uq_exchange_rate_currency_on")),
    )


def downgrade() -> None:
    for table in (
        "exchange_rate",
        "asset_event",
        "seized_asset",
        "operation_action",
        "operation_case",
        "operation_agency",
        "operation",
    ):
        op.drop_table(table)
