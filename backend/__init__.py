"""The reference programme backend: journal ingest, enrollment, catalog bundles, fleet view and the
QR / one-time-code payment provider simulation. FastAPI + SQLAlchemy; SQLite or PostgreSQL."""
