"""What the ledger does with a file that must not be opened as one: a 0-byte file, a text file, a directory,
another program's database, a truncated or bit-flipped ledger. Each is refused with the right error and
left exactly as it was (same bytes, no -wal or -shm beside it); a missing ledger is never created where
only reading was asked for; SQLite's quick_check and integrity_check find damage inside the file."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.ledger.db import (
    LedgerConfigError,
    LedgerDamagedError,
    LedgerMissingError,
    NotALedgerError,
    check_integrity,
    inspect_ledger_file,
    integrity_check,
    require_ledger,
)
from kiosk.ports import FakeClock
from tests.ledger.helpers import card_payment, make_order, open_ledger


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def good_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger with sales in it, closed cleanly (everything in the main file)."""
    path = tmp_path_factory.mktemp("good") / "ledger.sqlite3"
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(path, clock)
    try:
        for _ in range(200):
            order = make_order(clock)
            ledger.record_sale(order, card_payment(order))
    finally:
        ledger.close()
    return path


def _flip_page(page: int) -> Callable[[bytes], bytes]:
    def flip(data: bytes) -> bytes:
        size = int.from_bytes(data[16:18], "big") or 65536
        start = size * (page - 1)
        return data[:start] + bytes(b ^ 0xFF for b in data[start : start + size]) + data[start + size :]

    return flip


DAMAGE: dict[str, tuple[Callable[[bytes], bytes], type[Exception]]] = {
    "zero bytes": (lambda d: b"", NotALedgerError),
    "text file": (lambda d: "메뉴판이 아닙니다\n".encode() * 100, NotALedgerError),
    "flipped magic byte": (lambda d: d[:3] + bytes([d[3] ^ 0x20]) + d[4:], NotALedgerError),
    "truncated to half": (lambda d: d[: len(d) // 2], LedgerDamagedError),
    "truncated inside page 1": (lambda d: d[:1000], LedgerDamagedError),
    "flipped page size": (lambda d: d[:16] + b"\x00\x03" + d[18:], LedgerDamagedError),
    "flipped b-tree page": (_flip_page(3), LedgerDamagedError),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_or_foreign_file_is_refused_and_left_exactly_as_it_was(
    good_ledger: Path, tmp_path: Path, kind: str
) -> None:
    damage, error = DAMAGE[kind]
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(damage(good_ledger.read_bytes()))
    before = digest(path)
    with pytest.raises(error) as info:
        open_ledger(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    if error is LedgerDamagedError:
        assert "out of order" in message and "call staff" in message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite3"]  # no -wal, no -shm


def test_a_directory_and_another_programs_database_are_not_ledgers(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(NotALedgerError, match="is a directory"):
        open_ledger(folder)
    other = tmp_path / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('김한결')")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(NotALedgerError, match="not a kiosk ledger"):
        open_ledger(other)
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db", "folder"]


def test_an_empty_database_left_by_a_first_start_is_made_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # what a first start did before it stopped
    conn.close()
    ledger = open_ledger(path)
    try:
        assert ledger.last_seq() == 0
    finally:
        ledger.close()
    inspect_ledger_file(path)


def test_a_read_only_command_never_creates_a_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "ledgr.sqlite3"
    with pytest.raises(LedgerMissingError) as info:
        require_ledger(missing)
    assert str(missing) in str(info.value) and "Nothing was created" in str(info.value)
    assert not (tmp_path / "typo").exists()


def test_integrity_check_finds_damage_the_header_does_not_show(good_ledger: Path, tmp_path: Path) -> None:
    assert integrity_check(good_ledger) == []
    check_integrity(good_ledger)
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(_flip_page(4)(good_ledger.read_bytes()))
    before = digest(path)
    with pytest.raises(LedgerDamagedError, match="integrity_check"):
        check_integrity(path)
    assert digest(path) == before
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    check_integrity(text)  # not SQLite at all: the journal check reports that, not this one


def test_a_good_ledger_opens_after_inspection_with_its_sales(good_ledger: Path, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(good_ledger.read_bytes())
    ledger = open_ledger(path)
    try:
        assert ledger.last_seq() == 200
    finally:
        ledger.close()


def test_a_new_ledger_appears_whole_and_never_over_another_file(tmp_path: Path) -> None:
    from kiosk.ledger.db import _create_empty

    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path)
    ledger.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite3"]  # no temporary file left
    other = tmp_path / "theirs.sqlite3"
    other.write_bytes(b"made by another process a moment ago")
    _create_empty(other)  # lost the race: theirs stays
    assert other.read_bytes() == b"made by another process a moment ago"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite3", "theirs.sqlite3"]


def test_a_ledger_another_program_holds_is_busy_not_damaged(good_ledger: Path, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(good_ledger.read_bytes())
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(LedgerConfigError) as info:
            inspect_ledger_file(path, busy_timeout=0.05)
        assert not isinstance(info.value, LedgerDamagedError), str(info.value)
        assert "another program" in str(info.value) and info.value.exit_status == 3
    finally:
        holder.close()
    inspect_ledger_file(path)  # released: a sound ledger
