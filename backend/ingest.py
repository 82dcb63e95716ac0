"""Journal ingest: verify each pushed entry against the chain and store it exactly once.

The terminal row is locked for the whole transaction, so two instances that receive the same batch
(a retry racing the original) take turns: the second finds everything already stored and only counts
duplicates.

The acknowledgement is the highest contiguous sequence the server holds, and its hash:
* an entry at the next sequence that fails verification (edited content, broken chain, another
  device, an id already taken) is kept in its place as `rejected` with its reason — the kiosk
  quarantines it and the queue moves on, the chain continuing from the hash the entry claims;
* an entry that is not at the next sequence (a gap, a far-future sequence) is refused and *not*
  stored: it never moves the acknowledgement, and every later entry of the batch, chained onto it, is
  refused too. The kiosk sends them again in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, select, text, update
from sqlalchemy.exc import DBAPIError

from backend.db import entries, terminals
from kiosk.protocol import (
    REASON_CONFLICT,
    REASON_DUPLICATE_ID,
    REASON_GAP,
    PushResult,
    Rejection,
    WireEntry,
    check_entry,
)

SALE_COMPLETED = "sale.completed"
SALE_REFUNDED = "sale.refunded"


@dataclass(frozen=True, slots=True)
class TerminalHead:
    """A terminal's row as ingest needs it, read (and locked) once per push by `backend.auth`."""

    terminal_id: str
    device_id: str
    ack_seq: int
    head_hash: str


# PostgreSQL: one array parameter, one plan, whatever the batch's size (an IN list is a new statement
# for every length).
_PG_TAKEN = text("SELECT id FROM entries WHERE id = ANY(:ids)")
_PG_STORED = text("SELECT seq, hash FROM entries WHERE terminal_id = :tid AND seq = ANY(:seqs)")


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BIGGEST = 2**62  # the figures' column is a bigint; a sale's amount is nowhere near


def _figures(kind: str, payload: str) -> tuple[str | None, int | None]:
    """Business date and signed amount of sales and refunds, for the daily totals; (None, None) when the
    payload does not hold them as a terminal writes them (the entry is stored all the same). Parsed by
    pydantic's JSON parser: 3.7 µs a sale where `json.loads` took 6.3, and nesting too deep for it is a
    ValueError where `json.loads` raised RecursionError."""
    if kind not in (SALE_COMPLETED, SALE_REFUNDED):
        return None, None
    try:
        doc = from_json(payload)
        day, amount = doc["business_date"], doc["totals"]["total"] if kind == SALE_COMPLETED else doc["amount"]
    except (ValueError, KeyError, TypeError, IndexError):
        return None, None
    if type(day) is not str or not _DATE.fullmatch(day) or type(amount) is not int or abs(amount) > _BIGGEST:
        return None, None
    return day, amount if kind == SALE_COMPLETED else -amount


# The order of a stored row's fields (ingest builds tuples in this order; COPY names the columns).
_COLUMNS = (
    "terminal_id", "seq", "id", "device_id", "ts", "kind", "payload", "prev_hash", "hash", "received_at",
    "status", "reason", "detail", "business_date", "amount",
)  # fmt: skip
_STATUS = _COLUMNS.index("status")
COPY_ENTRIES = f"COPY entries ({', '.join(_COLUMNS)}) FROM STDIN"
_COPY = COPY_ENTRIES


def store_rows(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Insert the batch's rows in the caller's transaction. On PostgreSQL one COPY (a single statement
    streamed in one round trip; an executemany ran one INSERT per row: bench/sync.py measured COPY 2.2x
    faster for the same rows); on SQLite an executemany. A unique key violated meanwhile (another
    instance stored the rows first) is SQLAlchemy's IntegrityError either way, which the route retries."""
    if conn.dialect.name != "postgresql":
        conn.execute(entries.insert(), [dict(zip(_COLUMNS, row, strict=True)) for row in rows])
        return
    import psycopg

    raw: Any = conn.connection.driver_connection
    try:
        with raw.cursor() as cur, cur.copy(_COPY) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:
        # What SQLAlchemy does for its own statements: a connection the server dropped is invalidated
        # (not returned to the pool) and the error says so, so the push runs again on a fresh one.
        lost = bool(raw.closed or raw.broken)
        if lost:
            conn.invalidate(exc)
        raise DBAPIError.instance(_COPY, None, exc, psycopg.Error, connection_invalidated=lost) from exc


def lookups(term: TerminalHead, batch: list[WireEntry]) -> tuple[list[int], list[str]]:
    """What a batch needs from the database before `decide`: the sequences at or below the
    acknowledgement (their stored hashes: duplicates or conflicts) and the ids of the newer entries
    (any already taken)."""
    ack = term.ack_seq
    return [e["seq"] for e in batch if e["seq"] <= ack], [e["id"] for e in batch if e["seq"] > ack]


def decide(
    term: TerminalHead, batch: list[WireEntry], stored_hashes: dict[int, str], taken: set[str], now: str
) -> tuple[list[tuple[Any, ...]], PushResult]:
    """Everything ingest decides, without the database: the rows to store (stored or rejected, in the
    entries table's column order) and the receipt's figures. `stored_hashes` and `taken` answer
    `lookups`; the caller stores the rows and moves the terminal to the result's ack and hash."""
    terminal_id, device_id, ack, head = term.terminal_id, term.device_id, term.ack_seq, term.head_hash
    batch = sorted(batch, key=lambda e: e["seq"])
    rejected: list[Rejection] = []
    duplicates = 0
    rows_out: list[tuple[Any, ...]] = []
    seen_seq: set[int] = set()
    refused_at: int | None = None  # the first out-of-place sequence: it and everything after is refused
    for e in batch:
        seq = e["seq"]
        if seq in seen_seq:  # the same sequence twice in one batch: the first copy decides
            duplicates += 1
            continue
        seen_seq.add(seq)
        if seq <= ack:
            if stored_hashes.get(seq, e["hash"]) == e["hash"]:
                duplicates += 1
            else:
                rejected.append(
                    {
                        "seq": seq,
                        "id": e["id"],
                        "reason": REASON_CONFLICT,
                        "detail": f"seq {seq} is already stored with other content",
                    }
                )
            continue
        if refused_at is not None or seq > ack + 1:
            if refused_at is None:
                refused_at = seq
                detail = f"seq {ack + 1}..{seq - 1} missing before seq {seq}; send them first"
            else:
                detail = f"seq {seq} follows seq {refused_at}, which was refused"
            rejected.append({"seq": seq, "id": e["id"], "reason": REASON_GAP, "detail": detail})
            continue
        problem = check_entry(e, head, device_id)
        entry_id: str | None = e["id"]
        if e["id"] in taken:
            problem = (REASON_DUPLICATE_ID, f"entry id {e['id']} is already stored under another sequence")
            entry_id = None
        taken.add(e["id"])
        business_date, amount = _figures(e["kind"], e["payload"]) if problem is None else (None, None)
        rows_out.append(
            (
                terminal_id,
                seq,
                entry_id,
                e["device_id"],
                e["ts"],
                e["kind"],
                e["payload"],
                e["prev_hash"],
                e["hash"],
                now,
                "stored" if problem is None else "rejected",
                problem[0] if problem else "",
                problem[1] if problem else "",
                business_date,
                amount,
            )
        )
        if problem is not None:
            rejected.append({"seq": seq, "id": e["id"], "reason": problem[0], "detail": problem[1]})
        ack, head = seq, e["hash"]
    stored = sum(1 for r in rows_out if r[_STATUS] == "stored")
    return rows_out, {
        "ack_seq": ack,
        "ack_hash": head,
        "stored": stored,
        "duplicates": duplicates,
        "rejected": rejected,
    }


def received_at() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def ingest(conn: Connection, term: TerminalHead, batch: list[WireEntry]) -> PushResult:
    """Store a batch inside the caller's transaction, which holds `term` as read (and, on PostgreSQL,
    locked) at its start (`backend.auth.verify_terminal`)."""
    terminal_id = term.terminal_id
    pg = conn.dialect.name == "postgresql"
    now = received_at()
    old_seqs, new_ids = lookups(term, batch)
    stored_hashes: dict[int, str] = {}
    if old_seqs:
        if pg:
            rows = conn.execute(_PG_STORED, {"tid": terminal_id, "seqs": old_seqs})
        else:
            q = select(entries.c.seq, entries.c.hash).where(
                entries.c.terminal_id == terminal_id, entries.c.seq.in_(old_seqs)
            )
            rows = conn.execute(q)
        stored_hashes = {int(s): str(h) for s, h in rows}
    taken: set[str] = set()
    if new_ids:
        if pg:
            taken = set(conn.execute(_PG_TAKEN, {"ids": new_ids}).scalars())
        else:
            taken = set(conn.execute(select(entries.c.id).where(entries.c.id.in_(new_ids))).scalars())
    rows_out, result = decide(term, batch, stored_hashes, taken, now)
    if rows_out:
        store_rows(conn, rows_out)
    conn.execute(
        update(terminals)
        .where(terminals.c.id == terminal_id)
        .values(ack_seq=result["ack_seq"], head_hash=result["ack_hash"], last_seen=now)
    )
    return result
