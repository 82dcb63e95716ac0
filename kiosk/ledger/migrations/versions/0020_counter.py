"""The counter and the business day (kiosk/counter, docs/COUNTER.md): day sessions, the drawer's cash
movements and openings, discounts, cash receipts (현금영수증; identifiers masked + keyed hash only) and the
Z reports, plus an index on orders.journal_seq so a Z sums a day's sales by journal range. Nothing to
backfill: before this revision no day was ever opened. Its own branch off the foundation.

Revision ID: 0020
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    seq = sa.ForeignKey("journal.seq")
    op.create_table(
        "day_sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("start_seq", sa.Integer, nullable=False),
        sa.Column("opened_seq", sa.Integer, seq, nullable=False),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("opened_by", sa.String(36), nullable=False),
        sa.Column("opened_by_name", sa.String(64), nullable=False),
        sa.Column("float_amount", sa.Integer, nullable=False),
        sa.Column("auto", sa.Boolean, nullable=False),
        sa.Column("closed_seq", sa.Integer, nullable=True),
        sa.Column("closed_at", sa.String(40), nullable=False),
        sa.Column("z_number", sa.Integer, nullable=True),
    )
    op.create_table(
        "cash_movements",
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("order_id", sa.String(36), nullable=False),
    )
    op.create_table(
        "drawer_openings",
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), primary_key=True),
        sa.Column("session_id", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("person_name", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "counter_discounts",
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.String(36), nullable=False, index=True),
        sa.Column("order_id", sa.String(36), nullable=False, index=True),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("approved_by", sa.String(36), nullable=False),
    )
    op.create_table(
        "cash_receipts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_id", sa.String(36), nullable=False, index=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("id_kind", sa.String(16), nullable=False),
        sa.Column("id_masked", sa.String(32), nullable=False),
        sa.Column("id_hash", sa.String(64), nullable=False),
        sa.Column("id_last4", sa.String(4), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("approval_no", sa.String(32), nullable=False),
        sa.Column("approved_at", sa.String(40), nullable=False),
        sa.Column("due_by", sa.String(10), nullable=False),
        sa.Column("cancel_reason", sa.String(4), nullable=False),
        sa.Column("cancel_approval_no", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )
    op.create_table(
        "z_reports",
        sa.Column("z_number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("session_id", sa.String(36), nullable=False, index=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
        sa.Column("closed_at", sa.String(40), nullable=False),
        sa.Column("sale_count", sa.Integer, nullable=False),
        sa.Column("gross", sa.Integer, nullable=False),
        sa.Column("refunds", sa.Integer, nullable=False),
        sa.Column("cash_expected", sa.Integer, nullable=False),
        sa.Column("cash_counted", sa.Integer, nullable=False),
        sa.Column("valid", sa.Boolean, nullable=False),
    )
    op.create_index("ix_orders_journal_seq", "orders", ["journal_seq"])
    op.create_index("ix_refunds_journal_seq", "refunds", ["journal_seq"])


def downgrade() -> None:
    op.drop_index("ix_refunds_journal_seq", "refunds")
    op.drop_index("ix_orders_journal_seq", "orders")
    for table in ("z_reports", "cash_receipts", "counter_discounts", "drawer_openings", "cash_movements"):
        op.drop_table(table)
    op.drop_table("day_sessions")
