"""Open refund requests: refunds asked of a provider whose outcome is not committed yet, so payment
recovery reads what is open instead of every `payment.refund_requested` entry ever written (and a
json_extract join over them). Backfilled here, once, from the journal: the newest request of each intent
that is still approved.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "open_refund_requests",
        sa.Column("intent_id", sa.String(36), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )
    op.execute(
        """
        INSERT INTO open_refund_requests (intent_id, reason, journal_seq)
        SELECT r.intent_id, coalesce(json_extract(j.payload, '$.reason'), ''), r.seq
        FROM (
            SELECT json_extract(payload, '$.intent_id') AS intent_id, max(seq) AS seq
            FROM journal WHERE kind = 'payment.refund_requested' GROUP BY 1
        ) AS r
        JOIN journal AS j ON j.seq = r.seq
        JOIN payment_intents AS i ON i.id = r.intent_id AND i.state = 'approved'
        """
    )


def downgrade() -> None:
    op.drop_table("open_refund_requests")
