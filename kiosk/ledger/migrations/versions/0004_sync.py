"""Sync state and quarantined entries (kiosk.sync.models).

Revision ID: 0004
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = ("sync",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("backend_url", sa.String(200), nullable=False, server_default=""),
        sa.Column("terminal_id", sa.String(32), nullable=False, server_default=""),
        sa.Column("programme_key", sa.String(64), nullable=False, server_default=""),
        sa.Column("acked_seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("catalog_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("catalog_journaled", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_success_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("offline_since", sa.String(40), nullable=False, server_default=""),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_quarantine")
    op.drop_table("sync_state")
