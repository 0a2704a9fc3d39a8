"""screen: watchlists, entries, identifiers, the stored name index, hits

Revision ID: 0006_screen
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_screen"
down_revision = "0001"
branch_labels = ("screen",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")


def _list_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["list_id"],
        ["screen_list.id"],
        name=op.f(f"fk_{table}_list_id_screen_list"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "screen_list",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("list_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(1024), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("names", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column(
            "imported_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_list")),
        sa.UniqueConstraint("name", name=op.f("uq_screen_list_name")),
    )
    op.create_table(
        "screen_entry",
        sa.Column("id", ID, nullable=False),
        sa.Column("list_id", ID, nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(255), nullable=False),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("caption", sa.String(512), nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        _list_fk("screen_entry"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_entry")),
        sa.UniqueConstraint("list_id", "ordinal", name=op.f("uq_screen_entry_ordinal")),
    )
    op.create_index("ix_screen_entry_list_external", "screen_entry", ["list_id", "external_id"])
    op.create_table(
        "screen_identifier",
        sa.Column("id", ID, nullable=False),
        sa.Column("list_id", ID, nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.String(512), nullable=False),
        _list_fk("screen_identifier"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_identifier")),
    )
    op.create_index("ix_screen_identifier_kind_value", "screen_identifier", ["kind", "value"])
    op.create_index("ix_screen_identifier_list_id", "screen_identifier", ["list_id"])
    op.create_table(
        "screen_index",
        sa.Column("id", ID, nullable=False),
        sa.Column("list_id", ID, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("hashes", sa.LargeBinary(), nullable=True),
        sa.Column("offsets", sa.LargeBinary(), nullable=True),
        sa.Column("postings", sa.LargeBinary(), nullable=False),
        _list_fk("screen_index"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_index")),
        sa.UniqueConstraint("list_id", "kind", "part", name=op.f("uq_screen_index_part")),
    )
    op.create_table(
        "screen_hit",
        sa.Column("id", ID, nullable=False),
        sa.Column("subject", sa.String(600), nullable=False),
        sa.Column("subject_label", sa.String(600), nullable=False),
        sa.Column("list_name", sa.String(128), nullable=False),
        sa.Column("entry_id", sa.String(255), nullable=False),
        sa.Column("caption", sa.String(512), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("explanation", JSON, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column(
            "first_seen", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "last_seen", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screen_hit")),
        sa.UniqueConstraint("subject", "list_name", "entry_id", name=op.f("uq_screen_hit_hit")),
    )
    op.create_index("ix_screen_hit_list_name", "screen_hit", ["list_name"])


def downgrade() -> None:
    op.drop_index("ix_screen_hit_list_name", table_name="screen_hit")
    op.drop_table("screen_hit")
    op.drop_table("screen_index")
    op.drop_index("ix_screen_identifier_list_id", table_name="screen_identifier")
    op.drop_index("ix_screen_identifier_kind_value", table_name="screen_identifier")
    op.drop_table("screen_identifier")
    op.drop_index("ix_screen_entry_list_external", table_name="screen_entry")
    op.drop_table("screen_entry")
    op.drop_table("screen_list")
