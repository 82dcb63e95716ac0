"""Alembic migrations of the ledger, run at start by kiosk.ledger.db.migrate."""
