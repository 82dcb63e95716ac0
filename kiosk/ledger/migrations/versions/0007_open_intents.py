"""Payment intents: indexes so recovery and reconciliation read only what is open.

`IntentStore.pending` (state in created / sent / unknown, or approved without its order) is two
seeks on (state, order_completed); `PaymentService.reconcile_late` (cancelled QR / code intents of
the last day) is a range on (state, created_at). The single-column state index is replaced: both new
ones start with state.

Revision ID: 0007
Revises: 0005
"""

from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_payment_intents_state")
    op.create_index("ix_payment_intents_state_open", "payment_intents", ["state", "order_completed"])
    op.create_index("ix_payment_intents_state_created", "payment_intents", ["state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_payment_intents_state_created", "payment_intents")
    op.drop_index("ix_payment_intents_state_open", "payment_intents")
    op.create_index("ix_payment_intents_state", "payment_intents", ["state"])
