"""The wire protocol shared by the kiosk and the programme backend.

The journal's hash chain is defined here, because both sides recompute it: an entry's canonical bytes
are the canonical JSON of its fields, and `hash = SHA-256(prev_hash || canonical bytes)`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """One byte-exact JSON form: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    device_id: str
    seq: int
    id: str
    ts: str  # ISO 8601 UTC, e.g. 2026-11-21T03:04:05.123456+00:00
    kind: str
    payload: str  # canonical JSON
    prev_hash: str
    hash: str

    def canonical_bytes(self) -> bytes:
        return entry_canonical_bytes(self.device_id, self.seq, self.id, self.ts, self.kind, self.payload)

    def to_wire(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "seq": self.seq,
            "id": self.id,
            "ts": self.ts,
            "kind": self.kind,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def entry_canonical_bytes(device_id: str, seq: int, entry_id: str, ts: str, kind: str, payload: str) -> bytes:
    doc = {"device_id": device_id, "seq": seq, "id": entry_id, "ts": ts, "kind": kind, "payload": payload}
    return canonical_json(doc).encode("utf-8")


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical).hexdigest()
