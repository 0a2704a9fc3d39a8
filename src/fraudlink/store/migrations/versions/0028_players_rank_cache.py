"""link: the key-player ranking's betweenness, stored per network graph

Ranking a network's players recomputed betweenness on every read of a network
(~0.3 CPU-s for 100 reports); ``link_player_rank`` keeps it per network and
graph digest, and the link stage drops a network's rows when it rewrites it.
Empty at first: each graph is ranked on its first read.

Revision ID: 0028_players_rank_cache
Revises: 0004_link
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_players_rank_cache"
down_revision = "0004_link"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_player_rank",
        sa.Column("network_id", ID, nullable=False, autoincrement=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("centrality", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("network_id", "digest", name=op.f("pk_link_player_rank")),
    )


def downgrade() -> None:
    op.drop_table("link_player_rank")
