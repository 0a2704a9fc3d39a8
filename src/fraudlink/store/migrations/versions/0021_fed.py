"""federation: partners on the network, nonces, outbox, inbox, receipts

Revision ID: 0021_fed
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_fed"
down_revision = "0001"
branch_labels = ("federation",)
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def _agency(table: str, column: str = "agency_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["agency.id"], name=op.f(f"fk_{table}_{column}_agency"))


def upgrade() -> None:
    op.create_table(
        "fed_partner",
        sa.Column("id", ID, nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("url", sa.String(512), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("added_at", WHEN, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", WHEN, nullable=True),
        sa.Column("lease_until", WHEN, nullable=True),
        sa.Column("lease_by", sa.String(128), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_ok_at", WHEN, nullable=True),
        _agency("fed_partner"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fed_partner")),
        sa.UniqueConstraint("agency_id", name=op.f("uq_fed_partner_agency_id")),
    )
    op.create_table(
        "fed_nonce",
        sa.Column("id", ID, nullable=False),
        sa.Column("keyid", sa.String(64), nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("seen_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fed_nonce")),
        sa.UniqueConstraint("keyid", "nonce", name=op.f("uq_fed_nonce_keyid_nonce")),
    )
    op.create_index(op.f("ix_fed_nonce_seen_at"), "fed_nonce", ["seen_at"])
    op.create_table(
        "fed_outbox",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("partner_id", ID, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("body", JSON, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("queued_at", WHEN, nullable=False),
        sa.Column("delivered_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["fed_partner.id"], name=op.f("fk_fed_outbox_partner_id_fed_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fed_outbox")),
        sa.UniqueConstraint(
            "kind", "package_id", "partner_id", name=op.f("uq_fed_outbox_kind_package")
        ),
    )
    op.create_index(op.f("ix_fed_outbox_package_id"), "fed_outbox", ["package_id"])
    op.create_index(op.f("ix_fed_outbox_partner_id"), "fed_outbox", ["partner_id"])
    op.create_table(
        "fed_inbox",
        sa.Column("id", ID, nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("sender_id", ID, nullable=False),
        sa.Column("recipient_id", ID, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("tlp", sa.String(16), nullable=False),
        sa.Column("relation", sa.String(16), nullable=True),
        sa.Column("follows", sa.String(36), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        sa.Column("opened_at", WHEN, nullable=True),
        sa.Column("opened_by", sa.String(128), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("receipt", JSON, nullable=False),
        _agency("fed_inbox", "sender_id"),
        _agency("fed_inbox", "recipient_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fed_inbox")),
        sa.UniqueConstraint("package_id", name=op.f("uq_fed_inbox_package_id")),
    )
    op.create_table(
        "fed_receipt",
        sa.Column("id", ID, nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("agency_id", ID, nullable=False),
        sa.Column("document", JSON, nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        _agency("fed_receipt"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fed_receipt")),
        sa.UniqueConstraint("package_id", "kind", name=op.f("uq_fed_receipt_package_kind")),
    )


def downgrade() -> None:
    for table in ("fed_receipt", "fed_inbox", "fed_outbox", "fed_nonce", "fed_partner"):
        op.drop_table(table)
