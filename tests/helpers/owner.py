"""Shared pieces of the owner tests: a shop's ledger with some days of realistic sales (kiosk/demo_sales.py,
the real `record_sale` path) ending today on a fake clock, and signed-in people of each role."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.demo_sales import generate
from kiosk.domain.business_day import business_date
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.session.modes import Role, SignedIn
from tests.ledger.helpers import CATALOG, SEOUL, open_ledger

# 2026-11-21 (a Saturday) 15:00 in Seoul: the shop is open, and has sold since the morning.
NOW = datetime(2026, 11, 21, 6, tzinfo=UTC)
OWNER = SignedIn(Role.OWNER, "p-owner", "김사장")
MANAGER = SignedIn(Role.MANAGER, "p-manager", "이매니저")
STAFF = SignedIn(Role.STAFF, "p-staff", "박직원")
INSTALLER = SignedIn(Role.INSTALLER, "p-installer", "설치기사")


def today() -> date:
    return business_date(NOW, SEOUL, 5)


def shop_ledger(path: Path, *, days: int = 9, per_day: int = 25, seed: int = 14) -> tuple[Ledger, FakeClock]:
    """A ledger with `days` days of sales ending yesterday, then part of today (up to NOW)."""
    clock = FakeClock(NOW)
    ledger = open_ledger(path, clock)
    generate(ledger, CATALOG, clock, days=days, per_day=per_day, seed=seed, end=today() - timedelta(days=1), tz=SEOUL)
    # today, until NOW: the generator's day has sales into the evening, so make a few by hand
    generate(ledger, CATALOG, clock, days=1, per_day=per_day // 2, seed=seed + 1, end=today(), tz=SEOUL,
             refund_rate=0.0)  # fmt: skip
    clock.set(NOW + timedelta(hours=8))  # after the day's last generated sale (21:xx Seoul), same business day
    return ledger, clock
