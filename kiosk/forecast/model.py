"""The forecast model: weekly-seasonal exponential smoothing of log sales times holiday factors.

Pure Python on a daily series (business day -> net sales in won; a day without sales is a closed day).

1. Ordinary open days (not a holiday, not next to a Seollal / Chuseok block, not a day the shop
   regularly closes) drive a damped-trend Holt-Winters recursion on log sales with a weekly season:
   level, trend and one seasonal term per weekday, updated by the one-step error (clipped, so that one
   odd day - a festival next door, a broken machine - moves nothing much). In log space the weekday
   pattern is multiplicative: a Saturday that sells 1.4 times a Monday stays 1.4 times as sales grow.
2. Every other kind of day (Seollal and Chuseok days, the day before a holiday block, a public holiday
   on a weekday ...; kiosk.forecast.calendar) is not used for the recursion; instead its ratio to what
   the recursion expected that day is remembered. A kind's factor is the mean of those log ratios
   shrunk toward a prior (half a pseudo-observation of PRIOR_FACTOR: shops differ a lot on holidays),
   and a named holiday (Christmas, Children's Day ...) is shrunk toward its kind's factor: one year of
   history already says what Christmas does to this shop, none falls back to the kind, then the prior.
3. A kind of day on which the shop was closed the times it came before (or a weekday it closes on) is
   predicted closed; the next business day skips it.
4. The range is an 80 % interval: the recent spread of one-step errors (robust: the median absolute
   error), widened for a holiday factor estimated from few days.

The baselines it is measured against (kiosk.forecast.evaluate): seasonal naive (the same weekday last
week) and the mean of the last four same weekdays."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.forecast.calendar import NORMAL, PRIOR_FACTOR, DayKind

KindOf = Callable[[date], DayKind]

MIN_HISTORY_DAYS = 14  # fewer calendar days of history (or fewer open days than MIN_OPEN_DAYS): too short
MIN_OPEN_DAYS = 10
Z80 = 1.2816  # an 80 % interval of a normal distribution (on log sales)


@dataclass(frozen=True, slots=True)
class Params:
    alpha: float = 0.1  # level gain
    beta: float = 0.004  # trend gain
    phi: float = 0.95  # trend damping per day
    gamma: float = 0.08  # weekday gain (per occurrence of the weekday)
    clip: float = 0.3  # largest one-step log error an ordinary day may apply (±35 %)
    prior_weight: float = 0.5  # pseudo-observations of the prior (kind) and of the kind (named holiday)


@dataclass(frozen=True, slots=True)
class DayForecast:
    day: date
    expected: float
    low: float
    high: float
    closed: bool
    kind: DayKind
    factor: float  # the holiday factor applied (1.0 on an ordinary day)
    seen: int  # past open days of the same sort the factor was estimated from (0: the prior alone)
    trend_4w: float  # the level now over the level four weeks ago, minus 1
    weekday_ratio: float  # this weekday over the average open weekday
    history_days: int  # days with sales in the history
    too_short: bool


@dataclass
class _Fit:
    level: float = 0.0
    trend: float = 0.0
    season: list[float] = field(default_factory=lambda: [0.0] * 7)
    level_4w_ago: float | None = None
    errors: list[float] = field(default_factory=list)  # recent one-step log errors of ordinary days
    closed_weekdays: frozenset[int] = frozenset()
    # per kind / per key: log ratios of open past days, and how many past days were closed
    ratios: dict[str, list[float]] = field(default_factory=dict)
    closed: dict[str, int] = field(default_factory=dict)


class Model:
    """Fitted on the days of `daily` before `origin`; predicts days on or after `origin`."""

    def __init__(
        self, daily: Mapping[date, float], origin: date, kind_of: KindOf, params: Params | None = None
    ) -> None:
        self.params = params or Params()
        self.origin = origin
        self.kind_of = kind_of
        open_days = sorted(d for d, v in daily.items() if d < origin and v > 0)
        self.first = open_days[0] if open_days else None
        self.history_days = len(open_days)
        self.span = (origin - self.first).days if self.first else 0
        self.too_short = self.span < MIN_HISTORY_DAYS or self.history_days < MIN_OPEN_DAYS
        self.daily = daily
        self._fit = None if self.too_short else self._run()

    # --- fitting --------------------------------------------------------------------------------

    def _closed_weekdays(self) -> frozenset[int]:
        """Weekdays the shop (almost) never opens on, over the last 8 weeks of ordinary days."""
        seen = [0] * 7
        opened = [0] * 7
        for i in range(1, min(56, self.span) + 1):
            d = self.origin - timedelta(days=i)
            if self.kind_of(d).kind != NORMAL:
                continue
            seen[d.weekday()] += 1
            opened[d.weekday()] += self.daily.get(d, 0) > 0
        return frozenset(w for w in range(7) if seen[w] >= 3 and opened[w] < 0.3 * seen[w])

    def _run(self) -> _Fit:
        p = self.params
        assert self.first is not None
        fit = _Fit(closed_weekdays=self._closed_weekdays())
        days = [self.first + timedelta(days=i) for i in range(self.span)]
        kinds = [self.kind_of(d) for d in days]
        values = [self.daily.get(d, 0) for d in days]

        def usable(i: int) -> bool:
            return values[i] > 0 and kinds[i].kind == NORMAL

        # Start: the mean log of the first four weeks and each weekday's mean difference from it.
        start = [i for i in range(min(28, len(days))) if usable(i)]
        logs = {i: math.log(values[i]) for i in start}
        fit.level = statistics.fmean(logs.values()) if logs else 0.0
        by_weekday: dict[int, list[float]] = {}
        for i, v in logs.items():
            by_weekday.setdefault(days[i].weekday(), []).append(v - fit.level)
        for w, diffs in by_weekday.items():
            fit.season[w] = statistics.fmean(diffs)
        recent_from = len(days) - 56
        level_4w_at = len(days) - 28
        for i, d in enumerate(days):
            if i == level_4w_at:
                fit.level_4w_ago = fit.level
            w = d.weekday()
            base = fit.level + p.phi * fit.trend
            expected = base + fit.season[w]
            kind = kinds[i]
            if kind.kind == NORMAL:
                if values[i] > 0:
                    error = math.log(values[i]) - expected
                    if i >= recent_from:
                        fit.errors.append(error)
                    e = max(-p.clip, min(p.clip, error))
                    fit.level = base + p.alpha * e
                    fit.trend = p.phi * fit.trend + p.beta * e
                    fit.season[w] += p.gamma * (1 - p.alpha) * e
                    continue
            elif w not in fit.closed_weekdays:
                for key in {kind.kind, kind.key}:
                    if values[i] > 0:
                        fit.ratios.setdefault(key, []).append(math.log(values[i]) - expected)
                    else:
                        fit.closed[key] = fit.closed.get(key, 0) + 1
            fit.level, fit.trend = base, p.phi * fit.trend
        if fit.level_4w_ago is None:
            fit.level_4w_ago = fit.level
        return fit

    # --- predicting -------------------------------------------------------------------------------

    def _factor(self, kind: DayKind) -> tuple[float, int, bool]:
        """(log factor, open past days it rests on, predicted closed) of a kind of day."""
        assert self._fit is not None
        if kind.kind == NORMAL:
            return 0.0, 0, False
        k = self.params.prior_weight
        group = self._fit.ratios.get(kind.kind, [])
        log_f = (sum(group) + k * math.log(PRIOR_FACTOR[kind.kind])) / (len(group) + k)
        seen = len(group)
        if kind.key != kind.kind:
            own = self._fit.ratios.get(kind.key, [])
            log_f = (sum(own) + k * log_f) / (len(own) + k)
            seen = len(own)
        own_open, own_closed = len(self._fit.ratios.get(kind.key, [])), self._fit.closed.get(kind.key, 0)
        if own_open + own_closed == 0:  # never seen this one: what the shop did on its kind
            own_open, own_closed = len(group), self._fit.closed.get(kind.kind, 0)
            if own_open + own_closed < 2:
                own_open, own_closed = 1, 0
        return log_f, seen, own_closed > own_open

    def predict(self, target: date) -> DayForecast:
        kind = self.kind_of(target)
        if self._fit is None:
            return self._predict_short(target, kind)
        p, fit = self.params, self._fit
        h = (target - self.origin).days + 1  # steps after the last day of history
        damp = sum(p.phi**j for j in range(1, h + 1))
        log_level = fit.level + fit.trend * damp
        log_f, seen, closed = self._factor(kind)
        if target.weekday() in fit.closed_weekdays:  # closed on Sundays: on a holiday Sunday too
            closed = True
        open_season = [fit.season[w] for w in range(7) if w not in fit.closed_weekdays] or [0.0]
        weekday_ratio = math.exp(fit.season[target.weekday()] - statistics.fmean(open_season))
        centre = log_level + fit.season[target.weekday()] + log_f
        spread = 1.4826 * statistics.median([abs(e) for e in fit.errors]) if fit.errors else 0.2
        spread = max(0.04, spread) * math.sqrt(1 + (h - 1) * p.alpha**2)
        if kind.kind != NORMAL:
            spread = math.sqrt(spread**2 + 0.3**2 / (seen + 1))
        expected = 0.0 if closed else math.exp(centre)
        return DayForecast(
            day=target,
            expected=expected,
            low=expected * math.exp(-Z80 * spread),
            high=expected * math.exp(Z80 * spread),
            closed=closed,
            kind=kind,
            factor=math.exp(log_f),
            seen=seen,
            trend_4w=math.exp(fit.level - (fit.level_4w_ago or fit.level)) - 1,
            weekday_ratio=weekday_ratio,
            history_days=self.history_days,
            too_short=False,
        )

    def _predict_short(self, target: date, kind: DayKind) -> DayForecast:
        """Too little history for a weekly pattern: the mean of the same weekdays seen (or of all days)."""
        days = [d for d, v in self.daily.items() if d < self.origin and v > 0]
        same = [self.daily[d] for d in days if d.weekday() == target.weekday()]
        values = same or [self.daily[d] for d in days]
        expected = statistics.fmean(values) if values else 0.0
        return DayForecast(
            day=target,
            expected=expected,
            low=expected * 0.6,
            high=expected * 1.4,
            closed=False,
            kind=kind,
            factor=1.0,
            seen=0,
            trend_4w=0.0,
            weekday_ratio=1.0,
            history_days=self.history_days,
            too_short=True,
        )

    @property
    def closed_weekdays(self) -> frozenset[int]:
        """Weekdays the shop regularly closes on (Monday = 0)."""
        return self._fit.closed_weekdays if self._fit is not None else frozenset()


def seasonal_naive(daily: Mapping[date, float], target: date) -> float:
    """The same weekday last week (0 if the shop was closed then)."""
    return float(daily.get(target - timedelta(days=7), 0))


def mean_of_last_4(daily: Mapping[date, float], target: date) -> float:
    """The mean of the last four same weekdays."""
    return statistics.fmean(float(daily.get(target - timedelta(days=7 * k), 0)) for k in range(1, 5))
