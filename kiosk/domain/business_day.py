"""Business days and order numbers.

The business day may start at a configured hour (e.g. 05:00) so that late-night trade stays in one
day. Order numbers restart each business day: sequential by default, or random 4-digit numbers that
hide the shop's volume.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class OrderNumberMode(StrEnum):
    SEQUENTIAL = "sequential"
    RANDOM = "random"


def business_date(at: datetime, tz: ZoneInfo, day_start_hour: int) -> date:
    """The business day a moment belongs to, in the shop's time zone."""
    if at.tzinfo is None:
        raise ValueError("business_date needs an aware datetime")
    local = at.astimezone(tz)
    return (local - timedelta(hours=day_start_hour)).date()


def business_day_bounds(day: date, tz: ZoneInfo, day_start_hour: int) -> tuple[datetime, datetime]:
    """[start, end) of a business day as aware datetimes in the shop's time zone."""
    start = datetime(day.year, day.month, day.day, day_start_hour, tzinfo=tz)
    return start, start + timedelta(days=1)


def next_order_number(mode: OrderNumberMode, used: Collection[int], last: int, rng: random.Random | None = None) -> int:
    """The next number for the day, given the numbers already used and the last sequential one."""
    if mode is OrderNumberMode.SEQUENTIAL:
        return last + 1
    rng = rng or random.SystemRandom()
    if len(used) >= 9000:
        raise RuntimeError("all 9,000 random order numbers of this business day are used")
    while True:
        candidate = rng.randint(1000, 9999)
        if candidate not in used:
            return candidate
