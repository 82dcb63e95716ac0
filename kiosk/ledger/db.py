"""The ledger's SQLite engine: durable PRAGMAs, real transactions, migrations at start.

pysqlite's default transaction handling issues BEGIN lazily (and not before SELECTs), so
SQLAlchemy's documented recipe is used: the driver's own handling is switched off and SQLAlchemy's
`begin` event emits BEGIN itself. Writes use BEGIN IMMEDIATE so a writer takes the lock up front
instead of failing later on a lock upgrade.
"""

from __future__ import annotations

import ast
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

BUSY_TIMEOUT_MS = 10_000
REQUIRED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
}
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class LedgerConfigError(RuntimeError):
    """The database cannot be used safely; the message says why and what to do."""


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see module doc
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path, *, on_connect: Callable[[sqlite3.Connection, Any], None] | None = None) -> Engine:
    """An engine on the ledger file. `on_connect` runs after ours (tests use it to inject faults)."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    if on_connect is not None:
        event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _begin)
    return engine


def check_pragmas(engine: Engine) -> None:
    """Refuse to run unless every durability PRAGMA is in force on a real connection."""
    with engine.connect() as conn:
        for name, wanted in REQUIRED_PRAGMAS.items():
            got = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            if isinstance(got, str):
                got = got.lower()
            if got != wanted:
                raise LedgerConfigError(
                    f"the ledger database has PRAGMA {name}={got}, but {wanted} is required so that no "
                    f"sale can be lost. Put the ledger on a local disk that supports SQLite's WAL mode "
                    f"(not a network share or tmpfs), and do not change the PRAGMA."
                )
        timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        if not timeout:
            raise LedgerConfigError("the ledger database has no busy timeout; it is required")
        conn.rollback()


def _revision_heads() -> set[str]:
    """The migration heads, read from the revision files without importing Alembic (which costs a third
    of a second of start-up, on every start, to find out that nothing needs doing)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            name = node.targets[0].id
            if name not in ("revision", "down_revision"):
                continue
            value = ast.literal_eval(node.value)
            values = {value} if isinstance(value, str) else set(value or ())
            (revisions if name == "revision" else parents).update(values)
    return revisions - parents


def _current_heads(conn: Connection) -> set[str]:
    if not table_exists(conn, "alembic_version"):
        return set()
    return {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def migrate(engine: Engine) -> None:
    """Bring the schema to every head (feature branches hang off the foundation revision)."""
    with engine.connect() as conn:
        current = _current_heads(conn)
        conn.rollback()
        if current and current == _revision_heads():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        conn.commit()


def table_exists(conn: Connection, name: str) -> bool:
    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": name})
    return row.first() is not None
