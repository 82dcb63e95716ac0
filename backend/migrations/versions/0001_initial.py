"""The backend's first schema: terminals, enrollment codes, journal entries, programme key, catalog
bundles and the payment provider simulation.

Revision ID: b0001
Revises:
"""

from alembic import op

from backend.db import metadata

revision = "b0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The first revision creates the tables as declared in backend.db; later revisions alter them.
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
