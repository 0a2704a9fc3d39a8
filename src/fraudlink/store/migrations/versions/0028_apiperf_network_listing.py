"""link: the network list's figures per network part, stored when networks are written

Revision ID: 0028_apiperf_network_listing
Revises: 0004_link
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from fraudlink.store.types import ExactDecimal

revision = "0028_apiperf_network_listing"
down_revision = "0004_link"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
KEY = ("network_id", "agency_id", "red")


def _key() -> list[sa.Column[object]]:
    return [
        sa.Column("network_id", ID, nullable=False, autoincrement=False),
        sa.Column("agency_id", ID, nullable=False, autoincrement=False),
        sa.Column("red", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "link_network_part",
        *_key(),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint(*KEY, name=op.f("pk_link_network_part")),
    )
    op.create_index("ix_link_network_part_agency", "link_network_part", ["agency_id", "red"])
    op.create_table(
        "link_network_country",
        *_key(),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, "country", name=op.f("pk_link_network_country")),
    )
    op.create_table(
        "link_network_loss",
        *_key(),
        sa.Column("currency", sa.String(10), nullable=False),
        sa.Column("amount", ExactDecimal(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, "currency", name=op.f("pk_link_network_loss")),
    )
    op.create_table(
        "link_network_identifier",
        *_key(),
        sa.Column("identifier_id", ID, nullable=False, autoincrement=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*KEY, "identifier_id", name=op.f("pk_link_network_identifier")),
    )
    from fraudlink.link.networks.listing import refresh_listing

    refresh_listing(op.get_bind())  # networks linked before: listed without waiting for a run


def downgrade() -> None:
    for table in ("identifier", "loss", "country", "part"):
        op.drop_table(f"link_network_{table}")
