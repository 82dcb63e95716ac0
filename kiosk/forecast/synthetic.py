"""Synthetic but realistic sales histories of small Korean shops, to evaluate the forecast on.

Each shop has a weekly pattern (with closed weekdays), a trend, a yearly swing (a summer or winter
peak), day-to-day noise with some persistence (weather, a week of road works), occasional closed days
(the owner's holidays), a sudden level shift for some (a competitor opens), and what Korean holidays do
to it: closed on Seollal / Chuseok, the day before the block busier (gifts, bread, rice cakes),
Christmas at a bakery, office cafés empty on public holidays ... Some effects are ones the model does
not know about (two days before a block, weekend holidays slightly off): the evaluation is not a model
fitted to its own generator. Every day also gets hourly sales (a weekday or a weekend profile; holidays
sell like weekends), in the shop's local clock hours, a late shop's after-midnight hours included.

`generate(profile, start, end, seed)` -> History(daily, hourly). Deterministic for a seed."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.forecast.calendar import NORMAL, KoreanCalendar


@dataclass(frozen=True)
class ShopProfile:
    name: str
    base: float  # ordinary day's net sales at the start, won
    weekday: tuple[float, float, float, float, float, float, float]  # Mon..Sun multipliers; 0 = closed
    growth_per_year: float = 0.0
    yearly_swing: float = 0.0  # amplitude of the yearly cycle (peak in `peak_month`)
    peak_month: int = 7
    noise: float = 0.12  # sigma of the day's log noise
    persistence: float = 0.4  # AR(1) coefficient of a slower log shock
    effects: dict[str, float] = field(default_factory=dict)  # kind or "holiday:<name>" -> factor; 0 = closed
    two_days_before_block: float = 1.0  # not a kind the model knows
    shift: tuple[float, float] | None = None  # (fraction of the span, multiplier): a sudden level change
    closures_per_year: int = 3  # random days off
    weekday_hours: Mapping[int, float] = field(default_factory=dict)
    weekend_hours: Mapping[int, float] = field(default_factory=dict)


CAFE_WEEKDAY = {7: 6, 8: 12, 9: 8, 10: 5, 11: 6, 12: 12, 13: 14, 14: 7, 15: 6, 16: 5, 17: 5, 18: 4, 19: 2}
CAFE_WEEKEND = {9: 3, 10: 6, 11: 8, 12: 10, 13: 12, 14: 12, 15: 11, 16: 9, 17: 7, 18: 5, 19: 3}
DINNER = {11: 6, 12: 12, 13: 7, 14: 2, 17: 6, 18: 14, 19: 16, 20: 12, 21: 8, 22: 5, 23: 3, 0: 2, 1: 1}
DINNER_WEEKEND = {11: 5, 12: 11, 13: 10, 14: 5, 15: 3, 16: 4, 17: 8, 18: 13, 19: 14, 20: 11, 21: 8, 22: 5, 23: 4, 0: 3}
BAKERY = {8: 5, 9: 7, 10: 8, 11: 9, 12: 8, 13: 7, 14: 6, 15: 7, 16: 9, 17: 11, 18: 10, 19: 7, 20: 4}

PROFILES: tuple[ShopProfile, ...] = (
    ShopProfile(
        name="office_cafe",
        base=900_000,
        weekday=(1.0, 1.02, 1.0, 1.05, 1.1, 0.45, 0.0),
        growth_per_year=0.05,
        yearly_swing=0.08,
        peak_month=7,
        noise=0.11,
        effects={
            "holiday": 0.45,
            "seollal_eve": 0.0,
            "seollal": 0.0,
            "seollal_after": 0.0,
            "chuseok_eve": 0.0,
            "chuseok": 0.0,
            "chuseok_after": 0.0,
            "pre_seollal": 0.85,
            "pre_chuseok": 0.85,
            "pre_holiday": 0.95,
            "post_seollal": 0.9,
            "post_chuseok": 0.9,
        },
        weekday_hours=CAFE_WEEKDAY,
        weekend_hours=CAFE_WEEKEND,
    ),
    ShopProfile(
        name="neighbourhood_restaurant",
        base=1_400_000,
        weekday=(0.0, 0.85, 0.9, 0.95, 1.2, 1.4, 1.15),
        growth_per_year=0.10,
        yearly_swing=0.05,
        peak_month=12,
        noise=0.13,
        effects={
            "holiday": 1.25,
            "holiday:Christmas Day": 1.6,
            "seollal_eve": 1.2,
            "seollal": 0.0,
            "seollal_after": 0.75,
            "chuseok_eve": 1.3,
            "chuseok": 0.0,
            "chuseok_after": 0.8,
            "pre_seollal": 1.15,
            "pre_chuseok": 1.2,
            "pre_holiday": 1.1,
            "post_chuseok": 0.9,
        },
        two_days_before_block=1.08,
        shift=(0.55, 0.87),
        weekday_hours=DINNER,
        weekend_hours=DINNER_WEEKEND,
    ),
    ShopProfile(
        name="bakery",
        base=1_100_000,
        weekday=(0.9, 0.9, 0.95, 0.95, 1.05, 1.3, 1.2),
        growth_per_year=-0.06,
        yearly_swing=0.10,
        peak_month=12,
        noise=0.10,
        effects={
            "holiday": 1.1,
            "holiday:Christmas Day": 2.2,
            "pre_holiday:Christmas Day": 1.5,
            "seollal_eve": 1.2,
            "seollal": 0.45,
            "seollal_after": 0.7,
            "chuseok_eve": 1.3,
            "chuseok": 0.5,
            "chuseok_after": 0.7,
            "pre_seollal": 1.4,
            "pre_chuseok": 1.5,
        },
        two_days_before_block=1.15,
        closures_per_year=5,
        weekday_hours=BAKERY,
        weekend_hours=BAKERY,
    ),
    ShopProfile(
        name="snack_bar",
        base=600_000,
        weekday=(1.0, 1.0, 1.0, 1.05, 1.15, 1.2, 0.9),
        growth_per_year=0.02,
        yearly_swing=0.06,
        peak_month=1,
        noise=0.18,
        persistence=0.5,
        effects={
            "holiday": 0.85,
            "seollal_eve": 0.7,
            "seollal": 0.5,
            "seollal_after": 0.6,
            "chuseok_eve": 0.7,
            "chuseok": 0.5,
            "chuseok_after": 0.6,
            "pre_seollal": 1.1,
            "pre_chuseok": 1.1,
        },
        closures_per_year=6,
        weekday_hours=CAFE_WEEKDAY,
        weekend_hours=CAFE_WEEKEND,
    ),
)


@dataclass(frozen=True)
class History:
    profile: ShopProfile
    daily: dict[date, int]  # business day -> net sales (won); closed days absent
    hourly: dict[date, dict[int, int]]  # business day -> local clock hour -> net sales

    def slots(self, days: list[date], day_start_hour: int = 5) -> dict[date, dict[int, int]]:
        """The given days' sales by hour of the business day (as kiosk.forecast.source.read_hours gives
        them: an hour before the start hour belongs to the night after the business date, 24 + hour)."""
        return {
            d: {h + 24 if h < day_start_hour else h: v for h, v in self.hourly[d].items()}
            for d in days
            if d in self.hourly
        }


def _effect(profile: ShopProfile, cal: KoreanCalendar, day: date) -> float:
    kind = cal.kind(day)
    if kind.kind == NORMAL:
        factor = 1.0
        if cal.is_holiday(day):  # a public holiday on a weekend: a little off an ordinary weekend
            factor = 1 + (profile.effects.get("holiday", 1.0) - 1) * 0.3
    else:
        factor = profile.effects.get(kind.key, profile.effects.get(kind.kind, 1.0))
    if factor and kind.kind == NORMAL and not cal.is_holiday(day + timedelta(days=1)):
        after = cal.kind(day + timedelta(days=1))
        if after.kind in ("pre_seollal", "pre_chuseok"):
            factor *= profile.two_days_before_block
    return factor


def generate(profile: ShopProfile, start: date, end: date, seed: int = 1) -> History:
    """Days from `start` to `end` inclusive."""
    rng = random.Random(f"{profile.name}-{seed}")
    cal = KoreanCalendar(start, end)
    span = (end - start).days + 1
    closures = {start + timedelta(days=rng.randrange(span)) for _ in range(profile.closures_per_year * span // 365)}
    daily: dict[date, int] = {}
    hourly: dict[date, dict[int, int]] = {}
    slow = 0.0
    for i in range(span):
        day = start + timedelta(days=i)
        slow = profile.persistence * slow + rng.gauss(0, profile.noise * 0.5)
        level = profile.base * (1 + profile.growth_per_year) ** (i / 365)
        level *= 1 + profile.yearly_swing * math.cos(
            2 * math.pi * (day.timetuple().tm_yday - 30.4 * (profile.peak_month - 0.5)) / 365
        )
        if profile.shift and i >= profile.shift[0] * span:
            level *= profile.shift[1]
        factor = profile.weekday[day.weekday()] * _effect(profile, cal, day)
        if factor <= 0 or day in closures:
            continue
        value = level * factor * math.exp(slow + rng.gauss(0, profile.noise * 0.87))
        weekend = day.weekday() >= 5 or cal.is_holiday(day)
        weights = profile.weekend_hours if weekend else profile.weekday_hours
        shares = {h: rng.gammavariate(w * 4, 1.0) for h, w in weights.items()}
        total = sum(shares.values())
        hours = {h: int(round(value * s / total, -2)) for h, s in shares.items()}
        hours = {h: v for h, v in hours.items() if v > 0}
        if hours:
            hourly[day] = hours
            daily[day] = sum(hours.values())
    return History(profile, daily, hourly)
