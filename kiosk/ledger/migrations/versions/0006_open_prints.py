"""Open prints: the receipts and kitchen tickets whose last print failed, so start-up finds pending
prints with one indexed read over what is still open instead of parsing every print entry ever written.
Backfilled here, once, from the journal (the last print entry of each order and document).

Revision ID: 0006
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0001"
branch_labels = ("prints",)
depends_on = None

PRINT_KINDS = tuple(f"{p}.{s}" for p in ("receipt", "kitchen_ticket") for s in ("printed", "print_failed", "reprinted"))
FAILED_KINDS = ("receipt.print_failed", "kitchen_ticket.print_failed")


def upgrade() -> None:
    op.create_table(
        "open_prints",
        sa.Column("order_id", sa.String(36), primary_key=True),
        sa.Column("document", sa.String(16), primary_key=True),
        sa.Column("order_number", sa.Integer, nullable=False),
        sa.Column("job_id", sa.String(80), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )
    kinds = ", ".join(f"'{k}'" for k in PRINT_KINDS)
    failed = ", ".join(f"'{k}'" for k in FAILED_KINDS)
    # One pass over the print entries (the journal's kind index), in SQLite: the last entry per order and
    # document decides; a failure there is a pending print.
    op.execute(
        f"""
        INSERT INTO open_prints (order_id, document, order_number, job_id, detail, message, journal_seq)
        SELECT order_id, document, order_number, job_id, detail, message, seq FROM (
            SELECT seq, kind,
                json_extract(payload, '$.order_id') AS order_id,
                json_extract(payload, '$.document') AS document,
                json_extract(payload, '$.order_number') AS order_number,
                json_extract(payload, '$.job_id') AS job_id,
                coalesce(json_extract(payload, '$.detail'), '') AS detail,
                coalesce(json_extract(payload, '$.message'), '') AS message,
                row_number() OVER (
                    PARTITION BY json_extract(payload, '$.order_id'), json_extract(payload, '$.document')
                    ORDER BY seq DESC
                ) AS newest
            FROM journal WHERE kind IN ({kinds})
        ) WHERE newest = 1 AND kind IN ({failed})
        """
    )


def downgrade() -> None:
    op.drop_table("open_prints")
