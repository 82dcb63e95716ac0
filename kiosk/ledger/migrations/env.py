"""Alembic environment: always runs on the connection handed in by kiosk.ledger.db.migrate."""

from __future__ import annotations

from alembic import context

from kiosk.ledger.models import Base

connection = context.config.attributes["connection"]
# transactional_ddl: SQLite's DDL is transactional (with the deferred-BEGIN recipe), so every pending
# migration runs in one transaction: a migration that fails leaves the ledger as it was (Alembic would
# otherwise commit after each one and leave a half-migrated ledger behind).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
