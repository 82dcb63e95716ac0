"""The staff register and the wrong-PIN counters (kiosk/staff, docs/STAFF.md): `staff` (people, role,
PIN hash, card hash) and `sign_in_guard` (delays and locks that survive restarts). Nothing to backfill:
before this revision a terminal had no staff. Its own branch off the foundation, like every feature area
(docs/LEDGER.md): the ledger upgrades to all heads.

Revision ID: 0010
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("pin_params", sa.String(64), nullable=False),
        sa.Column("pin_salt", sa.String(64), nullable=False),
        sa.Column("pin_hash", sa.String(128), nullable=False),
        sa.Column("must_change_pin", sa.Boolean, nullable=False),
        sa.Column("pin_expires_at", sa.String(40), nullable=False),
        sa.Column("card_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("removed_at", sa.String(40), nullable=False),
        sa.Column("journal_seq", sa.Integer, sa.ForeignKey("journal.seq"), nullable=False),
    )
    op.create_table(
        "sign_in_guard",
        sa.Column("subject", sa.String(36), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("retry_at", sa.String(40), nullable=False),
        sa.Column("locked", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sign_in_guard")
    op.drop_table("staff")
