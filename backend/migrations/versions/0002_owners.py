"""Owners for every endpoint: operator tokens, used nonces (no replay), enrollment failures (rate
limit) and an expiry on enrollment codes.

Revision ID: b0002
Revises: b0001
"""

import sqlalchemy as sa
from alembic import op

from backend.db import enroll_failures, operators, used_nonces

revision = "b0002"
down_revision = "b0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # b0001 creates the tables as declared today, so a new database already has all of this.
    for table in (enroll_failures, operators, used_nonces):
        table.create(bind, checkfirst=True)
    columns = {c["name"] for c in sa.inspect(bind).get_columns("enrollment_codes")}
    if "expires_at" not in columns:
        with op.batch_alter_table("enrollment_codes") as batch:
            batch.add_column(sa.Column("expires_at", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.drop_column("expires_at")
    for table in (used_nonces, operators, enroll_failures):
        table.drop(op.get_bind(), checkfirst=True)
