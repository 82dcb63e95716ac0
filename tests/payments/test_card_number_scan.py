"""The card-number scan itself. The scan runs on every test's files (tests/conftest.py: each test's tmp_path
after it, the whole base temporary directory at the end of the session); here it must be able to fail.
"""

from __future__ import annotations

import pytest

from kiosk.payments.masking import luhn_valid
from tests.helpers.card_numbers import card_numbers_in


def test_the_scanner_finds_a_planted_number(tmp_path_factory: pytest.TempPathFactory) -> None:
    # the scan must be able to fail: a number like the simulator's, in a WAL-like binary blob
    d = tmp_path_factory.mktemp("planted")
    pan = next(f"536512{n:09d}{c}" for n in range(10) for c in "0123456789" if luhn_valid(f"536512{n:09d}{c}"))
    (d / "ledger.sqlite3-wal").write_bytes(b"\x00\x01abc" + pan.encode() + b"\xff")
    (d / "x.log").write_text(f"card {pan[:8]} {pan[8:]} ok")  # split: not one run, not a hit
    try:
        assert card_numbers_in(d) == [(d / "ledger.sqlite3-wal", pan)]
    finally:
        (d / "ledger.sqlite3-wal").unlink()


def test_a_uuid_in_an_index_is_not_a_card_number(tmp_path_factory: pytest.TempPathFactory) -> None:
    # seen in a real ledger index: a UUID's last 12 hex digits, then the row key byte b"1"
    d = tmp_path_factory.mktemp("uuid")
    (d / "ledger.sqlite3").write_bytes(b"(\x03U\x0101a1fd89-f21e-70e0-875e-5263697475241(\x03U\x01")
    try:
        assert luhn_valid("5263697475241")
        assert card_numbers_in(d) == []
    finally:
        (d / "ledger.sqlite3").unlink()
