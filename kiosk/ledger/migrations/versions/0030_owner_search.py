"""Indexes for the owner's order search (kiosk/owner/orders.py, docs/OWNER.md): a card's last four digits
(an expression index on `substr(masked_card, -4)`, the search's own expression) and an order's amount.
A year of history is searched in milliseconds instead of a scan of every payment (bench/owner.py). No
data changes; its own branch off the foundation, like every feature area (docs/LEDGER.md).

Revision ID: 0030
Revises: 0001
"""

from alembic import op

revision = "0030"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_payments_card_last4 ON payments (substr(masked_card, -4), business_date)")
    op.execute("CREATE INDEX ix_orders_total ON orders (total, business_date)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_orders_total")
    op.execute("DROP INDEX ix_payments_card_last4")
