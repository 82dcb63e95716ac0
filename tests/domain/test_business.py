"""Business registration numbers, business days and order numbers."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.business import format_business_number, is_valid_business_number
from kiosk.domain.business_day import OrderNumberMode, business_date, next_order_number
from kiosk.domain.ids import uuid7

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize("number", ["214-87-10355", "2148710355", "124-81-00998", "220-81-62517"])
def test_valid_business_numbers(number: str) -> None:
    assert is_valid_business_number(number)


@pytest.mark.parametrize(
    "number",
    ["214-87-10356", "1208147522", "123456789", "12345678901", "abcdefghij", "", "124-81-00999", "220-81-62518"],
)
def test_invalid_business_numbers(number: str) -> None:
    assert not is_valid_business_number(number)


def test_format_business_number() -> None:
    assert format_business_number("2148710355") == "214-87-10355"


def test_business_day_starts_at_configured_hour() -> None:
    # 02:30 in Seoul on the 22nd belongs to the 21st's business day when the day starts at 05:00
    late = datetime(2026, 11, 21, 17, 30, tzinfo=UTC)  # 02:30 KST on the 22nd
    assert business_date(late, SEOUL, 5) == date(2026, 11, 21)
    assert business_date(late, SEOUL, 0) == date(2026, 11, 22)
    morning = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)  # 05:00 KST on the 22nd
    assert business_date(morning, SEOUL, 5) == date(2026, 11, 22)
    with pytest.raises(ValueError):
        business_date(datetime(2026, 11, 21), SEOUL, 5)


def test_order_numbers() -> None:
    assert next_order_number(OrderNumberMode.SEQUENTIAL, (), 41) == 42
    rng = random.Random(3)
    used: set[int] = set()
    for _ in range(500):
        n = next_order_number(OrderNumberMode.RANDOM, used, 0, rng)
        assert 1000 <= n <= 9999 and n not in used
        used.add(n)


def test_uuid7_is_time_ordered_and_unique() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(i[14] == "7" for i in ids)
