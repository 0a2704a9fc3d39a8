"""web: signed-in browser sessions and each user's page language

Revision ID: 0020_web
Revises: 0010_srv_access
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_web"
down_revision = "0010_srv_access"
branch_labels = ("web",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "web_session",
        sa.Column("id", ID, nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(500), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("seen_at", WHEN, nullable=False),
        sa.Column("ended_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["access_user.id"],
            name=op.f("fk_web_session_user_id_access_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_session")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_web_session_key_hash")),
    )
    op.create_index(op.f("ix_web_session_user_id"), "web_session", ["user_id"])
    op.create_table(
        "web_preference",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["access_user.id"],
            name=op.f("fk_web_preference_user_id_access_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_web_preference")),
    )


def downgrade() -> None:
    op.drop_table("web_preference")
    op.drop_index(op.f("ix_web_session_user_id"), table_name="web_session")
    op.drop_table("web_session")
