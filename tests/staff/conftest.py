"""A staff register on a real SQLite ledger file with a fake clock and a cheap PIN hash (the real cost is
tested once in test_pins.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.staff.service import StaffService
from tests.helpers.staff import CHEAP, OWNER_PIN

__all__ = ["CHEAP", "OWNER_PIN", "Shop", "open_ledger"]


@dataclass
class Shop:
    path: Path
    clock: FakeClock
    ledger: Ledger
    staff: StaffService

    def reopen(self) -> None:
        """A restart: a new ledger and service on the same file (and the same clock)."""
        self.ledger.close()
        self.ledger = open_ledger(self.path, self.clock)
        self.staff = StaffService(self.ledger, hasher=CHEAP)


def open_ledger(path: Path, clock: FakeClock) -> Ledger:
    return Ledger.open(path, device_id="TEST-01", clock=clock, tz=ZoneInfo("Asia/Seoul"))


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    path = tmp_path / "ledger.sqlite3"
    ledger = open_ledger(path, clock)
    s = Shop(path, clock, ledger, StaffService(ledger, hasher=CHEAP))
    yield s
    s.ledger.close()
