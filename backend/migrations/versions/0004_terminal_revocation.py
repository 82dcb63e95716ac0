"""Terminals can be revoked (`kiosk-backend terminal revoke`).

Revision ID: b0004
Revises: b0003
"""

import sqlalchemy as sa
from alembic import op

revision = "b0004"
down_revision = "b0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("terminals")}
    if "revoked_at" not in columns:  # b0001 creates it on a new database
        with op.batch_alter_table("terminals") as batch:
            batch.add_column(sa.Column("revoked_at", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("terminals") as batch:
        batch.drop_column("revoked_at")
