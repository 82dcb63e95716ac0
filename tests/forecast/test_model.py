"""The forecast model on generated histories: it must beat seasonal naive (the same weekday last week)
by rolling-origin evaluation, and say in words what a holiday does."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.forecast.evaluate import rolling_origin
from kiosk.forecast.forecast import forecast_from_history
from kiosk.forecast.synthetic import PROFILES, History, generate

END = date(2026, 11, 20)


def _profile(name: str) -> History:
    profile = next(p for p in PROFILES if p.name == name)
    return generate(profile, END - timedelta(days=3 * 365), END, seed=3)


@pytest.mark.parametrize("name", [p.name for p in PROFILES])
def test_beats_seasonal_naive_by_rolling_origin(name: str) -> None:
    """Three years of history with Seollal, Chuseok, substitute days and closed days; the last 8 months
    (both lunar holidays of 2026 among them) scored one day at a time."""
    history = _profile(name)
    scores = rolling_origin(name, history.daily, date(2026, 2, 1), END)
    assert scores.targets > 150 and scores.special_targets >= 8
    assert scores.mase["model"] < 1, scores
    assert scores.mase["model"] < 0.9 * scores.mase["seasonal_naive"], scores
    assert scores.wape["model"] < scores.wape["mean_last_4"], scores
    assert scores.special_wape["model"] < scores.special_wape["seasonal_naive"], scores
    assert 0.65 <= scores.coverage <= 0.95, scores  # an 80 % range that means it


def test_the_holiday_calendar_is_what_gets_holidays_right() -> None:
    """The same model without the calendar (every day ordinary) misses the bakery's holiday days."""
    history = _profile("bakery")
    scores = rolling_origin("bakery", history.daily, date(2026, 2, 1), END)
    blind = rolling_origin("bakery", history.daily, date(2026, 2, 1), END, holidays=False)
    assert scores.special_wape["model"] < 0.75 * blind.special_wape["model"], (scores, blind)
    assert scores.wape["model"] < blind.wape["model"]


def _before(history: History, today: date) -> dict[date, int]:
    return {d: v for d, v in history.daily.items() if d < today}


def test_the_day_before_chuseok_says_so() -> None:
    """The bakery sells about +30 % on the day before Chuseok (rice cakes, gift sets): learnt from the
    2024 and 2025 ones, said in words, with a range that holds the day's actual sales."""
    history = _profile("bakery")
    today = date(2026, 9, 23)  # Wednesday; Thursday 9/24 is 추석 전날
    f = forecast_from_history(_before(history, today), today, history.slots)
    assert f.day == date(2026, 9, 24) and not f.too_short
    assert f.reason_ko.startswith("추석 전날이라 보통 +"), f.reason_ko
    assert "(이 가게의 지난 2번 기준)" in f.reason_ko
    assert f.reason_en.startswith("The day before Chuseok: usually +"), f.reason_en
    pct = int(f.reason_ko.split("보통 +")[1].split(" %")[0])
    assert 15 <= pct <= 50
    assert f.low < f.expected < f.high
    assert f.low <= history.daily[date(2026, 9, 24)] <= f.high


def test_a_holiday_it_was_closed_on_is_skipped() -> None:
    """Closed on Chuseok both years before: the day after 추석 전날 skips to the next day it opens."""
    history = _profile("neighbourhood_restaurant")
    today = date(2026, 9, 24)
    f = forecast_from_history(_before(history, today), today, history.slots)
    assert f.day == date(2026, 9, 26)  # Saturday, 추석 연휴
    assert f.reason_ko.startswith("9/25(금)은 지난 기록상 추석 연휴 휴무라 다음 영업일 9/26(토) 예상입니다."), (
        f.reason_ko
    )
    assert f.reason_en.startswith("Fri 25 Sep: closed over Chuseok before, so this is for the next business day")
    assert f.expected > 0


def test_a_closed_block_and_a_closed_sunday_are_skipped_together() -> None:
    """The office café closes over Chuseok and on Sundays: the day after the block is a Sunday, so the
    next business day is the Monday after."""
    history = _profile("office_cafe")
    today = date(2026, 9, 23)
    f = forecast_from_history(_before(history, today), today, history.slots)
    assert f.day == date(2026, 9, 28)
    assert f.reason_ko.startswith(
        "9/24(목)~9/27(일)은 지난 기록상 추석 연휴 휴무, 일요일 정기 휴무라 다음 영업일 9/28(월) 예상입니다."
    ), f.reason_ko
    assert f.reason_en.startswith("Thu 24 Sep to Sun 27 Sep: closed over Chuseok before; closed on Sundays")


def test_the_weekday_it_closes_on_is_skipped() -> None:
    history = _profile("neighbourhood_restaurant")  # closed on Mondays
    today = date(2026, 11, 15)  # Sunday
    f = forecast_from_history(_before(history, today), today, history.slots)
    assert f.day == date(2026, 11, 17)
    assert f.reason_ko.startswith("11/16(월)은 월요일 정기 휴무라 다음 영업일 11/17(화) 예상입니다. 평소 화요일 수준.")
    assert "Mon 16 Nov: closed on Mondays" in f.reason_en


def test_busy_hours_follow_the_business_day() -> None:
    """A restaurant selling until 1 am: its after-midnight hours come last, the peaks are dinner."""
    history = _profile("neighbourhood_restaurant")
    today = date(2026, 11, 19)
    f = forecast_from_history(_before(history, today), today, history.slots)
    hours = [h.hour for h in f.busy_hours]
    assert hours == [11, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 0, 1]
    assert max(f.busy_hours, key=lambda h: h.expected).hour in (18, 19)
    assert all(h.low <= h.expected <= h.high for h in f.busy_hours)
    assert abs(sum(h.expected for h in f.busy_hours) - f.expected) < 0.03 * f.expected


def test_three_days_of_history_is_too_short() -> None:
    history = _profile("office_cafe")
    today = date(2026, 11, 19)
    daily = {d: v for d, v in history.daily.items() if today - timedelta(days=3) <= d < today}
    assert len(daily) == 3
    f = forecast_from_history(daily, today, history.slots)
    assert f.too_short and f.history_days == 3 and f.day == date(2026, 11, 20)
    assert "매출 기록이 3일뿐이라" in f.reason_ko and "Only 3 days of sales so far" in f.reason_en
    mean = sum(daily.values()) / 3
    assert f.expected == round(mean, -2)
    assert f.low < f.expected < f.high
    assert f.busy_hours and all(h.expected > 0 for h in f.busy_hours)


def test_no_sales_for_weeks() -> None:
    """A shop that sold for a year and then stopped (a long renovation): no made-up number."""
    history = _profile("snack_bar")
    today = date(2026, 11, 19)
    daily = {d: v for d, v in history.daily.items() if d < today - timedelta(days=70)}
    f = forecast_from_history(daily, today, history.slots)
    assert f.expected == 0 and f.busy_hours == () and f.day == date(2026, 11, 20)
    assert f.reason_ko.startswith(f"{(max(daily)).month}/{max(daily).day}(") and "이후 매출이 없어" in f.reason_ko
    assert f.reason_en.startswith("No sales since ")


def test_no_history_at_all() -> None:
    f = forecast_from_history({}, date(2026, 11, 19), lambda days: {})
    assert f.too_short and f.history_days == 0 and f.expected == 0 and f.busy_hours == ()
    assert "아직 매출 기록이 없어" in f.reason_ko
