"""Verification of the journal's hash chain: finds the first entry that was edited, is missing or is
out of order. Reads with raw sqlite3 so a damaged schema cannot hide anything.

It streams: one pass over the journal in sequence order (the primary key: no sort), a row at a time,
holding only the previous hash, so memory stays flat and time linear however long the journal is
(bench/verify.py measures both against a bare sqlite3 loop). Only on a failure does it look further
(one more query to name the entry a reordered one was written after, and the totals)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.protocol import GENESIS_HASH, chain_hash, entry_canonical_bytes

ROWS_PER_FETCH = 1000


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    entries: int
    last_seq: int
    last_hash: str
    bad_seq: int | None = None
    problem: str = ""  # edited | missing | reordered | broken link
    detail: str = ""


def verify_journal(path: Path) -> VerifyResult:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no ledger here; check --db or the ledger path in the config")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _verify(conn)
    finally:
        conn.close()


def _verify(conn: sqlite3.Connection) -> VerifyResult:
    def bad(seq: int, problem: str, detail: str) -> VerifyResult:
        entries, last_seq = conn.execute("SELECT count(*), coalesce(max(seq), 0) FROM journal").fetchone()
        return VerifyResult(False, entries, last_seq, "", seq, problem, detail)

    def written_after(stored_prev: str) -> int | None:
        """The seq of the entry whose hash `stored_prev` is, if any (failure path only: a scan)."""
        row = conn.execute("SELECT seq FROM journal WHERE hash = ? ORDER BY seq LIMIT 1", (stored_prev,)).fetchone()
        return None if row is None else int(row[0])

    cursor = conn.execute("SELECT seq, id, device_id, ts, kind, payload, prev_hash, hash FROM journal ORDER BY seq")
    cursor.arraysize = ROWS_PER_FETCH
    prev_hash = GENESIS_HASH
    expected = 1
    while rows := cursor.fetchmany():
        for seq, entry_id, device, ts, kind, payload, stored_prev, stored_hash in rows:
            if seq > expected:
                detail = f"entries {expected}..{seq - 1} are missing (the next present is {seq})"
                return bad(expected, "missing", detail)
            if seq < expected:
                return bad(seq, "reordered", "duplicate sequence")
            recomputed = chain_hash(stored_prev, entry_canonical_bytes(device, seq, entry_id, ts, kind, payload))
            if stored_prev != prev_hash:
                after = written_after(stored_prev)
                if after is not None and after != seq - 1:
                    detail = f"entry {seq} was written after entry {after}, not the one now before it"
                    return bad(seq, "reordered", detail)
                if recomputed != stored_hash:
                    return bad(seq, "edited", f"entry {seq} does not match its hash: its content was changed")
                return bad(seq, "broken link", f"entry {seq} does not follow entry {seq - 1}: that entry was replaced")
            if recomputed != stored_hash:
                return bad(seq, "edited", f"entry {seq} ({kind}) does not match its hash: its content was changed")
            prev_hash = stored_hash
            expected += 1
    return VerifyResult(True, expected - 1, expected - 1, prev_hash)
