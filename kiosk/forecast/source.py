"""The sales history the forecast reads: the ledger's read models (the `orders` table), never the journal.

Net sales: a refunded order is left out of the day it was sold (refunds here are whole orders, and the
refund's own day would otherwise look weaker for a sale it never had), so a day's value is the demand
it had. All reads run in one read transaction on a read-only connection (kiosk.ledger.readonly), with the
journal's last sequence number, which keys the cache."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date

TABLES = frozenset({"journal", "orders"})

_DAILY = (
    "SELECT business_date, sum(total) FROM orders WHERE status = 'completed' AND business_date < ? "
    "GROUP BY business_date"
)
# The hour's place in its business day: the local clock hour, plus 24 when the sale's local calendar date
# is after its business date (sales after midnight, before the business day's start hour). The local date
# is the stored instant moved by the difference between the local hour and the instant's UTC hour.
_SLOT = (
    "local_hour + 24 * CAST(julianday(date(created_at, "
    "((local_hour - CAST(strftime('%H', created_at) AS INTEGER) + 24) % 24) || ' hours')) "
    "- julianday(business_date) AS INTEGER)"
)
_HOURS = (
    f"SELECT business_date, {_SLOT} AS slot, sum(total) FROM orders "
    "WHERE status = 'completed' AND business_date IN ({days}) GROUP BY business_date, slot"
)


def last_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0])


def read_daily(conn: sqlite3.Connection, before: date) -> dict[date, int]:
    """Business day -> net sales (won) of every day with sales before `before`."""
    return {date.fromisoformat(d): int(v) for d, v in conn.execute(_DAILY, (before.isoformat(),)) if v and v > 0}


def read_hours(conn: sqlite3.Connection, days: Iterable[date]) -> dict[date, dict[int, int]]:
    """Business day -> slot (hours since local midnight of the business date: 23, 24 = 00:00 next day ...)
    -> net sales, for the given days."""
    wanted = sorted({d.isoformat() for d in days})
    if not wanted:
        return {}
    sql = _HOURS.format(days=", ".join("?" * len(wanted)))
    out: dict[date, dict[int, int]] = {}
    for d, slot, v in conn.execute(sql, wanted):
        if v:
            out.setdefault(date.fromisoformat(d), {})[int(slot)] = int(v)
    return out
