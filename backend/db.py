"""Tables of the programme backend, the engine factory (SQLite or PostgreSQL) and migrations.

The backend keeps no state in the process: everything is in the database, so several instances can
serve one PostgreSQL. Per-terminal ingest is serialised by a row lock on the terminal (PostgreSQL) or
by SQLite's single writer (BEGIN IMMEDIATE); unique keys on (terminal, seq) and on the entry id are the
backstop that makes a double store impossible.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_SQLITE = "sqlite:///kiosk-backend.sqlite3"
# Kept PostgreSQL connections per process (+10 overflow) for every route but the push, which has its own 50
# (backend.fastpush): max_connections >= processes x 100.
POOL_SIZE = 40
POOL_RECYCLE = 600  # seconds

metadata = MetaData()

terminals = Table(
    "terminals",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("business_number", String(10), nullable=False, index=True),
    Column("device_id", String(64), nullable=False),
    Column("public_key", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("last_seen", String(40)),
    Column("health", Text, nullable=False, server_default="[]"),
    Column("clock_skew_ms", BigInteger),
    Column("pending", Integer, nullable=False, server_default="0"),
    Column("catalog_version", Integer, nullable=False, server_default="0"),
    Column("ack_seq", BigInteger, nullable=False, server_default="0"),
    Column("head_hash", String(64), nullable=False),
    Column("revoked_at", String(40)),  # `kiosk-backend terminal revoke`: its key no longer signs
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("business_number", String(10), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("terminal_id", String(32)),
    Column("used_at", String(40)),
    Column("expires_at", String(40)),  # NULL (codes from before 0002): created_at + 7 days
)

# Failed enrollment attempts per source address, for the rate limit (old rows are deleted as we go).
enroll_failures = Table(
    "enroll_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("at", Float, nullable=False),  # unix time
    Index("ix_enroll_failures_source_at", "source", "at"),
)

# Programme operators: API tokens with roles. Only the SHA-256 of the token's secret is kept.
operators = Table(
    "operators",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False),
    Column("roles", String(200), nullable=False),  # space-separated
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

# Payment providers allowed to call back (`kiosk-backend provider add`), and what they reported.
providers = Table(
    "providers",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("public_key", String(64), nullable=False),  # Ed25519, base64 raw
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

provider_events = Table(
    "provider_events",
    metadata,
    Column("provider", String(32), primary_key=True),
    Column("event_id", String(64), primary_key=True),  # the provider's id: a replay is a duplicate
    Column("intent_id", String(64), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("approval_no", String(32), nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("received_at", String(40), nullable=False),
)

# Nonces a terminal has used (until they expire): a signed request is accepted once.
used_nonces = Table(
    "used_nonces",
    metadata,
    Column("nonce", String(32), primary_key=True),
    Column("terminal_id", String(32), nullable=False),
    Column("expires_at", BigInteger, nullable=False),  # unix time
    Index("ix_used_nonces_terminal_expiry", "terminal_id", "expires_at"),
)

entries = Table(
    "entries",
    metadata,
    Column("terminal_id", String(32), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("id", String(36), unique=True),  # NULL only for an entry refused because its id was taken
    Column("device_id", String(64), nullable=False),
    Column("ts", String(40), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("status", String(16), nullable=False),  # stored | rejected
    Column("reason", String(32), nullable=False, server_default=""),
    Column("detail", Text, nullable=False, server_default=""),
    # Extracted at ingest for the per-terminal daily totals (sales and refunds only).
    Column("business_date", String(10)),
    Column("amount", BigInteger),
)

programme_key = Table(
    "programme_key",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("private_key", String(64), nullable=False),
    Column("public_key", String(64), nullable=False),
)

bundles = Table(
    "bundles",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("terminal_id", String(32), index=True),  # NULL: every terminal
    Column("issued_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("body", Text, nullable=False),
)

qr_payments = Table(
    "qr_payments",
    metadata,
    Column("intent_id", String(64), primary_key=True),
    Column("amount", BigInteger, nullable=False),
    Column("order_ref", String(64), nullable=False),
    Column("merchant_name", String(64), nullable=False),
    Column("merchant_city", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("approval_no", String(32), nullable=False, server_default=""),
    Column("provider", String(32), nullable=False, server_default=""),
    Column("paid_at", String(40)),
)

code_payments = Table(
    "code_payments",
    metadata,
    Column("intent_id", String(64), primary_key=True),
    Column("code_last4", String(4), nullable=False),  # never the whole one-time code
    Column("amount", BigInteger, nullable=False),
    Column("order_ref", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", String(64), nullable=False, server_default=""),
    Column("approval_no", String(32), nullable=False, server_default=""),
    Column("provider", String(32), nullable=False, server_default=""),
    Column("created_at", String(40), nullable=False),
)

sim_clock = Table(
    "sim_clock",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("offset_seconds", Float, nullable=False),
)


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use psycopg 3 for them."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # One writer at a time, decided at BEGIN: a read-then-write transaction can then never fail
    # half-way with "database is locked".
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # No ping before each checkout (it was a round trip on every request): connections are recycled after
    # POOL_RECYCLE seconds, and one the server dropped meanwhile (a restart) fails its first statement,
    # which makes SQLAlchemy discard every older pooled connection; the push runs its transaction again
    # (backend.routes.journal), any other request is answered 503 (backend.errors) and retried by the
    # kiosk. The pool keeps as many connections as the server's worker threads (anyio's 40) can use at
    # once, so a busy instance does not open and close overflow connections on every request.
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=10, pool_pre_ping=False, pool_recycle=POOL_RECYCLE)


def migrate(engine: Engine) -> None:
    """Bring the schema to head. On PostgreSQL an advisory lock lets instances start together."""
    with engine.connect() as conn:
        if not is_sqlite(engine):
            conn.execute(text("SELECT pg_advisory_lock(7262001)"))
            conn.commit()
        try:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
        finally:
            if not is_sqlite(engine):
                conn.execute(text("SELECT pg_advisory_unlock(7262001)"))
                conn.commit()
