"""The whole-file quick_check at open is skipped only for a ledger the kiosk closed cleanly, untouched since,
checked in the last days; a crash, another process holding the file, a changed or damaged file, or an old
check runs it again, and damage is still refused."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.ledger import cleanclose
from kiosk.ledger.db import LedgerDamagedError
from kiosk.ports import FakeClock
from tests.ledger.helpers import card_payment, make_order, open_ledger, sell_and_close

START = datetime(2026, 11, 21, 3, tzinfo=UTC)


@pytest.fixture(autouse=True)
def checks_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "checks"
    monkeypatch.setenv("KIOSK_LEDGER_CHECKS_DIR", str(folder))
    yield folder


def _ran(path: Path, clock: FakeClock) -> bool:
    ledger = open_ledger(path, clock)
    try:
        assert ledger.file_check is not None
        return ledger.file_check.ran
    finally:
        ledger.close()


def test_a_cleanly_closed_ledger_opens_without_the_whole_file_check_until_it_is_due(tmp_path: Path) -> None:
    path = tmp_path / "data" / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 30)
    assert sorted(p.name for p in path.parent.iterdir()) == ["ledger.sqlite3"]  # the record lives elsewhere
    assert _ran(path, clock) is False
    clock.advance(6 * 86_400)
    assert _ran(path, clock) is False  # still within the week of the last check (done at the first open)
    clock.advance(2 * 86_400)
    assert _ran(path, clock) is True  # due: checked again
    assert _ran(path, clock) is False
    clock.set(START - timedelta(days=1))
    assert _ran(path, clock) is True  # a clock that went backwards does not extend the trust


def test_a_crash_while_open_means_the_next_open_checks(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 30)
    ledger = open_ledger(path, clock)
    order = make_order(clock)
    ledger.record_sale(order, card_payment(order))
    ledger.engine.dispose()  # the process dies here: close() never records a clean close
    ledger.close = lambda: None  # type: ignore[method-assign]
    record = cleanclose.record_path(path)
    assert record is not None and not record.exists()
    assert _ran(path, clock) is True


def test_another_process_holding_the_file_means_a_check(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 30)
    holder = sqlite3.connect(path)
    try:
        holder.execute("SELECT count(*) FROM journal").fetchone()  # an open connection: the -wal is there
        assert _ran(path, clock) is True
        record = cleanclose.record_path(path)
        assert record is not None and not record.exists()  # closed while another still has it: not recorded
    finally:
        holder.close()


def test_damage_after_a_clean_close_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 200)
    record = cleanclose.record_path(path)
    assert record is not None and record.exists()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big") or 65536
    start = size * 3  # page 4: a b-tree page, the header and size unchanged
    data[start : start + size] = bytes(b ^ 0xFF for b in data[start : start + size])
    st = path.stat()
    with open(path, "r+b") as fh:  # in place: same inode, same size, even the same mtime
        fh.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(LedgerDamagedError, match="quick_check"):
        open_ledger(path, clock)


def test_a_replaced_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    other = tmp_path / "other.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 30)
    sell_and_close(other, clock, 5)
    os.replace(other, path)  # a restore, a copy from another kiosk
    assert _ran(path, clock) is True


def test_without_a_cache_directory_every_open_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LEDGER_CHECKS_DIR", "relative/checks")  # as with no HOME: not usable
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 30)
    assert _ran(path, clock) is True
    assert not (tmp_path / "relative").exists() and not Path("relative").exists()
