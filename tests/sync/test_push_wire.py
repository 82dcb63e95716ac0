"""The push's request body, built from SQLite's json_object (kiosk/sync/push.py `read_batch`), is exactly
the JSON the kiosk always sent, and the batch stays under the push's size limit."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.sync.client import encode_body
from kiosk.sync.push import MAX_PUSH_BYTES, read_batch
from kiosk.sync.state import StateStore, SyncState
from tests.ledger.helpers import card_payment, make_order, open_ledger

AWKWARD = [
    '따뜻한 아메리카노 "샷 추가"',
    "back\\slash and \\u0041 written out",
    "controls \x00\x01\x08\t\n\x0c\r\x1f and DEL \x7f",
    "emoji 😀☕ and separators \u2028\u2029",
    "",
]


def _wire_json(ledger: Ledger, after: int, limit: int) -> bytes:
    """The body as kiosk/sync/client.py `encode_body` makes it from the entries' wire dicts."""
    return encode_body({"entries": [e.to_wire() for e in ledger.entries_after(after, limit)]})


def test_the_body_is_the_entries_wire_json_byte_for_byte(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "ledger.sqlite3")
    clock = ledger.clock
    assert isinstance(clock, FakeClock)
    try:
        for text in AWKWARD:
            ledger.record("test.event", {"text": text, "n": -1.5, "nested": {"list": [text, None, True]}})
        for _ in range(3):
            clock.advance(30)
            order = make_order(clock)
            ledger.record_sale(order, card_payment(order))
        entries = ledger.entries_after(0, 100)
        assert len(entries) == len(AWKWARD) + 3

        batch = read_batch(ledger, 0, 500)
        assert batch.body == _wire_json(ledger, 0, 500)
        assert json.loads(batch.body) == {"entries": [e.to_wire() for e in entries]}
        assert batch.seqs == [e.seq for e in entries]
        assert batch.hashes == [e.hash for e in entries]

        part = read_batch(ledger, 2, 3)  # from the middle, limited
        assert part.body == _wire_json(ledger, 2, 3)
        assert part.seqs == [3, 4, 5]

        empty = read_batch(ledger, entries[-1].seq, 500)
        assert (empty.seqs, empty.hashes, empty.body) == ([], [], b"")
    finally:
        ledger.close()


def test_big_entries_are_split_under_the_push_limit(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "ledger.sqlite3")
    try:
        big = MAX_PUSH_BYTES * 3 // 8  # two fit in a request, a third would not
        with ledger.transaction() as tx:
            for i in range(5):
                tx.append("test.event", {"i": i, "blob": "가" * (big // 3)})  # 3 bytes a character in UTF-8
        seen: list[int] = []
        after = 0
        while (batch := read_batch(ledger, after, 500)).seqs:
            assert len(batch.body) <= MAX_PUSH_BYTES
            assert batch.body == _wire_json(ledger, after, len(batch.seqs))
            seen += batch.seqs
            after = batch.seqs[-1]
        assert seen == [1, 2, 3, 4, 5]
        assert len(read_batch(ledger, 0, 500).seqs) == 2

        # One entry bigger than the limit still goes, alone (the server's own limit is twice as large).
        ledger.record("test.event", {"blob": "x" * (MAX_PUSH_BYTES + 10)})
        alone = read_batch(ledger, 5, 500)
        assert alone.seqs == [6] and len(alone.body) > MAX_PUSH_BYTES
    finally:
        ledger.close()


def test_set_acked_moves_only_the_acknowledgement(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "ledger.sqlite3")
    try:
        store = StateStore(ledger)
        store.set_acked(7)  # no row yet: written through the typed update, which makes it
        assert store.read() == SyncState(acked_seq=7)
        store.update(terminal_id="t1", backend_url="https://example.invalid", last_error="x")
        store.set_acked(42)
        assert store.read() == SyncState(
            backend_url="https://example.invalid", terminal_id="t1", acked_seq=42, last_error="x"
        )
    finally:
        ledger.close()
