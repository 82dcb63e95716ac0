"""A ledger opened for reading only, with plain sqlite3: for commands that only read (`kiosk report`).

No SQLAlchemy, no migrations, no PRAGMA changes, nothing written (`mode=ro`): a command that only reads
costs Python's start, the settings and its queries. The file checks of a full open (kiosk.ledger.db:
not a ledger, damaged, SQLite's quick_check over the whole file) are not repeated here: whenever this
connection cannot read what it needs, `open_readonly` returns None and the caller opens the ledger the
full way, which says what is wrong with the file, with its exit status (docs/EXIT-STATUS.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

READ_MODELS = frozenset({"journal", "orders", "order_lines", "payments", "daily_totals"})
BUSY_TIMEOUT_S = 10.0


def open_readonly(path: Path, tables: frozenset[str] = READ_MODELS) -> sqlite3.Connection | None:
    """A read-only connection (autocommit; begin a read transaction yourself) on the ledger at `path`
    that has `tables`, or None: missing, not a file, not SQLite, unreadable, or without those tables."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        conn.close()
        return None
    if not tables <= found:
        conn.close()
        return None
    return conn
