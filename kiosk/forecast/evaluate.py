"""Rolling-origin evaluation of the forecast against seasonal naive and the mean of the last 4 weekdays.

For every target day T the shop was open in the evaluation window, each method sees only the days
before T - 1 (the forecast is made during T - 1, whose sales are not complete yet: the same horizon as
the owner's "tomorrow") and predicts T's net sales. Reported per method:
- WAPE = sum |error| / sum actual;
- MASE = mean |error| / the mean |y_t - y_(t-7)| over the days before the window (the in-sample error
  of seasonal naive, the usual scale); the methods are compared on the same targets, so the model beats
  seasonal naive when its MASE is below seasonal naive's, and MASE < 1 means it beats seasonal naive's
  usual in-sample error too;
- the same on the days around holidays only, and how often the 80 % range held the actual value.

Run: `python -m kiosk.forecast.evaluate [--years 3] [--seeds 1 2]` (prints a Markdown table)."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kiosk.forecast.calendar import NORMAL, ORDINARY, DayKind, KoreanCalendar
from kiosk.forecast.model import Model, Params, mean_of_last_4, seasonal_naive
from kiosk.forecast.synthetic import PROFILES, generate

METHODS = ("model", "seasonal_naive", "mean_last_4")


@dataclass(frozen=True)
class Scores:
    name: str
    targets: int
    wape: dict[str, float]
    mase: dict[str, float]
    special_targets: int
    special_wape: dict[str, float]
    coverage: float  # share of targets inside the model's 80 % range

    def beats_seasonal_naive(self) -> bool:
        return self.mase["model"] < 1 and self.mase["model"] < self.mase["seasonal_naive"]


def rolling_origin(
    name: str,
    daily: Mapping[date, float],
    first: date,
    last: date,
    params: Params | None = None,
    *,
    holidays: bool = True,
) -> Scores:
    """Evaluate on the open days from `first` to `last` (inclusive). `holidays=False` gives the model
    no calendar (every day ordinary; the scores' holiday days are still the calendar's): what the
    holiday factors add."""
    start = min(daily)
    cal = KoreanCalendar(start, last + timedelta(days=30))
    kind_of = lru_cache(maxsize=None)(cal.kind)
    model_kind_of = kind_of if holidays else (lambda d: ORDINARY)
    errors: dict[str, list[float]] = {m: [] for m in METHODS}
    special: dict[str, list[float]] = {m: [] for m in METHODS}
    actuals: list[float] = []
    special_actuals: list[float] = []
    inside = 0
    day = first
    while day <= last:
        actual = float(daily.get(day, 0))
        if actual > 0:
            f = Model(daily, day - timedelta(days=1), model_kind_of, params).predict(day)
            guesses = {
                "model": f.expected,
                "seasonal_naive": seasonal_naive(daily, day),
                "mean_last_4": mean_of_last_4(daily, day),
            }
            kind: DayKind = kind_of(day)
            for m, g in guesses.items():
                errors[m].append(abs(actual - g))
                if kind.kind != NORMAL:
                    special[m].append(abs(actual - g))
            actuals.append(actual)
            if kind.kind != NORMAL:
                special_actuals.append(actual)
            inside += f.low <= actual <= f.high
        day += timedelta(days=1)
    scale_days = [start + timedelta(days=i) for i in range(7, (first - start).days)]
    scale = statistics.fmean(abs(daily.get(d, 0) - daily.get(d - timedelta(days=7), 0)) for d in scale_days)
    total = sum(actuals) or 1.0
    special_total = sum(special_actuals) or 1.0
    return Scores(
        name=name,
        targets=len(actuals),
        wape={m: sum(e) / total for m, e in errors.items()},
        mase={m: statistics.fmean(e) / scale for m, e in errors.items()},
        special_targets=len(special_actuals),
        special_wape={m: sum(e) / special_total for m, e in special.items()},
        coverage=inside / max(1, len(actuals)),
    )


def evaluate_profiles(
    years: int = 3, seeds: tuple[int, ...] = (1,), end: date = date(2026, 11, 20), *, holidays: bool = True
) -> list[Scores]:
    """Every synthetic shop profile, `years` of history, scored on its last year (with one year, from
    its seventh week: a new shop, no holiday of its own seen yet)."""
    start = end - timedelta(days=365 * years - 1)
    first = max(end - timedelta(days=364), start + timedelta(days=42))
    results = []
    for profile in PROFILES:
        for seed in seeds:
            history = generate(profile, start, end, seed)
            results.append(rolling_origin(f"{profile.name} #{seed}", history.daily, first, end, holidays=holidays))
    return results


def table(results: list[Scores]) -> str:
    head = (
        "| history | targets | WAPE model | WAPE seas. naive | WAPE mean of 4 | MASE model | MASE seas. naive "
        "| MASE mean of 4 | holiday-days WAPE model / seas. naive / mean of 4 | 80% range held |"
    )
    rows = [head, "|" + "---|" * 10]
    for r in results:
        w, m, s = r.wape, r.mase, r.special_wape
        rows.append(
            f"| {r.name} | {r.targets} | {w['model']:.1%} | {w['seasonal_naive']:.1%} | {w['mean_last_4']:.1%} "
            f"| {m['model']:.2f} | {m['seasonal_naive']:.2f} | {m['mean_last_4']:.2f} "
            f"| {s['model']:.1%} / {s['seasonal_naive']:.1%} / {s['mean_last_4']:.1%} ({r.special_targets} days) "
            f"| {r.coverage:.0%} |"
        )
    mean = {k: statistics.fmean(r.wape[k] for r in results) for k in METHODS}
    mase = {k: statistics.fmean(r.mase[k] for r in results) for k in METHODS}
    rows.append(
        f"| **mean of {len(results)}** | | {mean['model']:.1%} | {mean['seasonal_naive']:.1%} "
        f"| {mean['mean_last_4']:.1%} | {mase['model']:.2f} | {mase['seasonal_naive']:.2f} "
        f"| {mase['mean_last_4']:.2f} | | {statistics.fmean(r.coverage for r in results):.0%} |"
    )
    return "\n".join(rows).replace("%", " %")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kiosk.forecast.evaluate")
    parser.add_argument("--years", type=int, default=3, help="years of synthetic history per shop (default 3)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1], help="seeds of the synthetic histories")
    parser.add_argument("--no-holidays", action="store_true", help="the model without the holiday calendar")
    args = parser.parse_args()
    t0 = time.perf_counter()
    results = evaluate_profiles(args.years, tuple(args.seeds), holidays=not args.no_holidays)
    print(table(results))
    print(f"\n({len(results)} histories of {args.years} year(s), last year scored, {time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
