"""resolve: person judgements, links and clusters; the money transaction ledger

Revision ID: 0005_resolve
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.store.types import ExactDecimal

revision = "0005_resolve"
down_revision = "0001"
branch_labels = ("resolve",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MONEY = ExactDecimal()
WHEN = sa.DateTime(timezone=True)


def _entity_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["entity.id"], name=op.f(f"fk_{table}_{column}_entity"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "person_judgement",
        sa.Column("id", ID, nullable=False),
        sa.Column("left_key", sa.String(800), nullable=False),
        sa.Column("right_key", sa.String(800), nullable=False),
        sa.Column("judgement", sa.String(16), nullable=False),
        sa.Column("user_name", sa.String(255), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "judgement IN ('same', 'not_same', 'unsure')",
            name=op.f("ck_person_judgement_judgement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_judgement")),
    )
    op.create_index("ix_person_judgement_pair", "person_judgement", ["left_key", "right_key"])
    _create_link_tables()
    _create_transaction_table()


def _create_link_tables() -> None:
    op.create_table(
        "person_link",
        sa.Column("id", ID, nullable=False),
        sa.Column("left_id", ID, nullable=False),
        sa.Column("right_id", ID, nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        _entity_fk("person_link", "left_id"),
        _entity_fk("person_link", "right_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_link")),
    )
    op.create_index(op.f("ix_person_link_left_id"), "person_link", ["left_id"])
    op.create_index(op.f("ix_person_link_right_id"), "person_link", ["right_id"])
    op.create_table(
        "person_cluster",
        sa.Column("entity_id", ID, nullable=False),
        sa.Column("cluster_id", ID, nullable=False),
        sa.Column("resolved_at", WHEN, nullable=False),
        _entity_fk("person_cluster", "entity_id"),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_person_cluster")),
    )
    op.create_index(op.f("ix_person_cluster_cluster_id"), "person_cluster", ["cluster_id"])


def _create_transaction_table() -> None:
    op.create_table(
        "money_transaction",
        sa.Column("id", ID, nullable=False),
        sa.Column("dedup_key", sa.String(600), nullable=False),
        sa.Column("from_account", sa.String(255), nullable=False),
        sa.Column("to_account", sa.String(255), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("reference", sa.String(255), nullable=True),
        sa.Column("source", sa.String(1024), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_transaction")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_money_transaction_dedup_key")),
    )
    op.create_index("ix_money_transaction_from_account", "money_transaction", ["from_account"])
    op.create_index("ix_money_transaction_to_account", "money_transaction", ["to_account"])


def downgrade() -> None:
    for table in ("money_transaction", "person_cluster", "person_link", "person_judgement"):
        op.drop_table(table)
