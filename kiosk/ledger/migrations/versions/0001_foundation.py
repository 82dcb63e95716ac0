"""The foundation: journal (append-only, hash-chained) and the sales read models.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = ("foundation",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("ts", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False, index=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute(
        "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal "
        "BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE refused'); END"
    )
    op.execute(
        "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal "
        "BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE refused'); END"
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("business_date", sa.String(10), nullable=False),
        sa.Column("order_number", sa.Integer, nullable=False),
        sa.Column("order_type", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("local_hour", sa.Integer, nullable=False),
        sa.Column("language", sa.String(4), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("taxable_total", sa.Integer, nullable=False),
        sa.Column("tax_free_total", sa.Integer, nullable=False),
        sa.Column("supply_value", sa.Integer, nullable=False),
        sa.Column("vat", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
        sa.UniqueConstraint("business_date", "order_number", name="uq_orders_day_number"),
    )
    op.create_index("ix_orders_business_date", "orders", ["business_date"])
    op.create_table(
        "order_lines",
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("name_ko", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.Integer, nullable=False),
        sa.Column("line_total", sa.Integer, nullable=False),
        sa.Column("tax_type", sa.String(8), nullable=False),
        sa.Column("options_ko", sa.Text, nullable=False),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False, index=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("approval_no", sa.String(64), nullable=False),
        sa.Column("issuer", sa.String(64), nullable=False),
        sa.Column("masked_card", sa.String(32), nullable=False),
        sa.Column("installments", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "refunds",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_id", sa.String(36), sa.ForeignKey("orders.id"), nullable=False, unique=True),
        sa.Column("business_date", sa.String(10), nullable=False, index=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )
    op.create_table(
        "daily_totals",
        sa.Column("business_date", sa.String(10), primary_key=True),
        sa.Column("sale_count", sa.Integer, nullable=False),
        sa.Column("gross", sa.Integer, nullable=False),
        sa.Column("refund_count", sa.Integer, nullable=False),
        sa.Column("refunds", sa.Integer, nullable=False),
        sa.Column("taxable_total", sa.Integer, nullable=False),
        sa.Column("tax_free_total", sa.Integer, nullable=False),
        sa.Column("supply_value", sa.Integer, nullable=False),
        sa.Column("vat", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("daily_totals", "refunds", "payments", "order_lines", "orders"):
        op.drop_table(table)
    op.execute("DROP TRIGGER journal_no_update")
    op.execute("DROP TRIGGER journal_no_delete")
    op.drop_table("journal")
