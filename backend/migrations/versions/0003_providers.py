"""Payment providers' keys and the callbacks they sent (owner `provider`).

Revision ID: b0003
Revises: b0002
"""

from alembic import op

from backend.db import provider_events, providers

revision = "b0003"
down_revision = "b0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # b0001 creates the tables as declared today, so a new database already has them.
    for table in (providers, provider_events):
        table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    for table in (provider_events, providers):
        table.drop(op.get_bind(), checkfirst=True)
