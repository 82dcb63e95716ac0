"""Payments: the payment-intent read model (the journal's payment.* entries are the truth).

Revision ID: 0005
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = ("payments",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payment_intents",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_id", sa.String(36), nullable=False, index=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("order_ref", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("ever_approved", sa.Boolean, nullable=False),
        sa.Column("order_completed", sa.Boolean, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("approval_no", sa.String(64), nullable=False),
        sa.Column("approved_at", sa.String(40), nullable=False),
        sa.Column("issuer", sa.String(64), nullable=False),
        sa.Column("masked_card", sa.String(32), nullable=False),
        sa.Column("installments", sa.Integer, nullable=False),
        sa.Column("code_hint", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("last_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("payment_intents")
