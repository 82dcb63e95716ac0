"""Verification of the journal's hash chain: finds the first entry that was edited, is missing or is
out of order. Reads with raw sqlite3 so a damaged schema cannot hide anything."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.protocol import GENESIS_HASH, chain_hash, entry_canonical_bytes


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
        rows = conn.execute("SELECT seq, id, device_id, ts, kind, payload, prev_hash, hash FROM journal").fetchall()
    finally:
        conn.close()
    known_hashes = {r[7]: r[0] for r in rows}
    by_seq = sorted(rows, key=lambda r: r[0])

    def bad(seq: int, problem: str, detail: str) -> VerifyResult:
        return VerifyResult(False, len(rows), by_seq[-1][0], "", seq, problem, detail)

    prev_hash = GENESIS_HASH
    expected = 1
    for seq, entry_id, device, ts, kind, payload, stored_prev, stored_hash in by_seq:
        if seq > expected:
            return bad(expected, "missing", f"entries {expected}..{seq - 1} are missing (the next present is {seq})")
        if seq < expected:
            return bad(seq, "reordered", "duplicate sequence")
        recomputed = chain_hash(stored_prev, entry_canonical_bytes(device, seq, entry_id, ts, kind, payload))
        if stored_prev != prev_hash:
            if stored_prev in known_hashes and known_hashes[stored_prev] != seq - 1:
                after = known_hashes[stored_prev]
                return bad(seq, "reordered", f"entry {seq} was written after entry {after}, not the one now before it")
            if recomputed != stored_hash:
                return bad(seq, "edited", f"entry {seq} does not match its hash: its content was changed")
            return bad(seq, "broken link", f"entry {seq} does not follow entry {seq - 1}: that entry was replaced")
        if recomputed != stored_hash:
            return bad(seq, "edited", f"entry {seq} ({kind}) does not match its hash: its content was changed")
        prev_hash = stored_hash
        expected += 1
    return VerifyResult(True, len(rows), expected - 1, prev_hash)
