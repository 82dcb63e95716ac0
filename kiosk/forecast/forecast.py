"""Tomorrow's expected sales for the owner: the next business day's net sales with a range, its busy
hours, and the reason in words. Qt-free; the owner's screen calls it on a worker thread.

`forecast_next_business_day(db_path, today)`: `today` is the current business day
(kiosk.domain.business_day.business_date of now with the shop's start hour), whose sales are not
complete yet, so the history is the business days before it. The next business day is the first day
after `today` the shop is expected to open (it skips a weekday the shop closes on, and a holiday it
closed on before). See docs/FORECAST.md."""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import statistics
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.forecast.calendar import NORMAL, calendar_for
from kiosk.forecast.model import MIN_HISTORY_DAYS, Z80, DayForecast, Model
from kiosk.forecast.source import TABLES, last_seq, read_daily, read_hours
from kiosk.ledger.readonly import open_readonly

CACHE_FORMAT = 1  # bump when the model or the Forecast's fields change: old cache files are recomputed
LOOKAHEAD_DAYS = 14
HOUR_SAMPLE = 8  # recent same weekdays the hourly profile comes from
WEEKDAYS_KO = "월화수목금토일"
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class HourRange:
    hour: int  # local clock hour 0-23
    expected: int  # won, net sales in that hour
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Forecast:
    day: date
    expected: int  # next business day's net sales, won
    low: int  # an 80 % range
    high: int
    busy_hours: tuple[HourRange, ...]  # every hour the shop usually sells, in the business day's order
    reason_ko: str
    reason_en: str
    history_days: int  # days with sales before today
    too_short: bool

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["busy_hours"] = [asdict(h) for h in self.busy_hours]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Forecast:
        return cls(
            day=date.fromisoformat(data["day"]),
            expected=int(data["expected"]),
            low=int(data["low"]),
            high=int(data["high"]),
            busy_hours=tuple(
                HourRange(**{k: int(h[k]) for k in ("hour", "expected", "low", "high")}) for h in data["busy_hours"]
            ),
            reason_ko=str(data["reason_ko"]),
            reason_en=str(data["reason_en"]),
            history_days=int(data["history_days"]),
            too_short=bool(data["too_short"]),
        )


def forecast_next_business_day(db_path: Path, today: date, *, cache_dir: Path | None = None) -> Forecast:
    """The forecast for the first business day after `today`, from the ledger at `db_path` (read only).

    With `cache_dir`, the result is kept in a small JSON file there, valid for the same `today` and the
    same last journal sequence (any new entry - a sale, a refund - computes it again)."""
    conn = open_readonly(db_path, TABLES)
    if conn is None:
        return _no_history(today, readable=not db_path.exists())
    try:
        conn.execute("BEGIN")
        seq = last_seq(conn)
        key = {"format": CACHE_FORMAT, "ledger": str(db_path.resolve()), "day": today.isoformat(), "last_seq": seq}
        if cache_dir is not None:
            cached = _load(cache_dir, key)
            if cached is not None:
                return cached
        daily = read_daily(conn, today)
        if not daily:
            result = _no_history(today, readable=True)
        else:
            result = forecast_from_history(daily, today, lambda days: read_hours(conn, days))
    finally:
        with contextlib.suppress(Exception):
            conn.execute("ROLLBACK")
        conn.close()
    if cache_dir is not None:
        _store(cache_dir, key, result)
    return result


# --- computing -----------------------------------------------------------------------------------------


def forecast_from_history(
    daily: Mapping[date, int], today: date, hours_of: Callable[[list[date]], Mapping[date, Mapping[int, int]]]
) -> Forecast:
    """The forecast from a daily history (business day -> net sales, days before `today`) and a way to get
    given days' sales by slot (the hour of the business day: 0-23, then 24+ after midnight)."""
    if not daily:
        return _no_history(today, readable=True)
    cal = calendar_for(min(daily), today + timedelta(days=LOOKAHEAD_DAYS + 1))
    kind_of = lru_cache(maxsize=None)(cal.kind)
    model = Model(daily, today, kind_of)
    tomorrow = today + timedelta(days=1)
    target, skipped = tomorrow, list[DayForecast]()
    f = model.predict(target)
    while f.closed and len(skipped) < LOOKAHEAD_DAYS:
        skipped.append(f)
        target += timedelta(days=1)
        f = model.predict(target)
    if f.closed:  # no sales for weeks (every weekday looks closed): nothing to say about tomorrow
        last = max(daily)
        return Forecast(
            day=tomorrow,
            expected=0,
            low=0,
            high=0,
            busy_hours=(),
            reason_ko=f"{_day_ko(last)} 이후 매출이 없어 예상 매출을 낼 수 없습니다. 판매가 다시 생기면 예측합니다.",
            reason_en=f"No sales since {_day_en(last)}, so there is no forecast; it returns once sales come in again.",
            history_days=model.history_days,
            too_short=False,
        )
    samples = _hour_sample(daily, today, f, kind_of)
    hours = hours_of(samples)
    reason_ko, reason_en = _reason(f, skipped, model.span, model.closed_weekdays)
    expected = _won(f.expected)
    return Forecast(
        day=target,
        expected=expected,
        low=min(expected, _won(f.low)),
        high=max(expected, _won(f.high)),
        busy_hours=_busy_hours(hours, f),
        reason_ko=reason_ko,
        reason_en=reason_en,
        history_days=model.history_days,
        too_short=model.too_short,
    )


def _won(value: float) -> int:
    return int(round(value, -2))


def _hour_sample(daily: Mapping[date, int], today: date, f: DayForecast, kind_of: Any) -> list[date]:
    """The past days whose hours tell this day's: the same sort of holiday if the shop had one, else the
    last ordinary same weekdays (or, with a short history, every day)."""
    past = sorted((d for d in daily if d < today), reverse=True)
    if f.too_short:
        return past[:HOUR_SAMPLE]
    if f.kind.kind != NORMAL:
        same_kind = [d for d in past if kind_of(d).key == f.kind.key][:3]
        if same_kind:
            return same_kind
    same_day = [d for d in past if d.weekday() == f.day.weekday() and kind_of(d).kind == NORMAL]
    return same_day[:HOUR_SAMPLE] or past[:HOUR_SAMPLE]


def _busy_hours(hours: Mapping[date, Mapping[int, int]], f: DayForecast) -> tuple[HourRange, ...]:
    """Each slot (hour of the business day) with sales on at least half the sample days, its share of the
    day applied to the day's forecast; its range adds the hour's own day-to-day spread to the day's."""
    days = [h for h in hours.values() if sum(h.values()) > 0]
    if not days or f.expected <= 0:
        return ()
    shares: dict[int, list[float]] = {}
    for h in days:
        total = sum(h.values())
        for slot, v in h.items():
            shares.setdefault(slot, []).append(v / total)
    day_spread = math.log(f.high / f.expected) / Z80 if f.high > f.expected else 0.0
    out = []
    for slot in sorted(shares):
        seen = shares[slot]
        if len(seen) * 2 < len(days):
            continue
        share = sum(seen) / len(days)
        logs = [math.log(s) for s in seen]
        own = statistics.stdev(logs) if len(logs) >= 2 else 0.3
        spread = math.sqrt(day_spread**2 + own**2)
        expected = _won(f.expected * share)
        low, high = _won(expected * math.exp(-Z80 * spread)), _won(expected * math.exp(Z80 * spread))
        out.append(HourRange(slot % 24, expected, min(low, expected), max(high, expected)))
    return tuple(out)


# --- words --------------------------------------------------------------------------------------------


def _pct(factor: float) -> str:
    return f"{(factor - 1) * 100:+.0f} %"


def _copula(word: str) -> str:
    """이라 after a final consonant, 라 after a vowel (the last Hangul syllable of the word decides)."""
    for ch in reversed(word):
        if "가" <= ch <= "힣":
            return "이라" if (ord(ch) - 0xAC00) % 28 else "라"
    return "이라"


def _day_ko(d: date) -> str:
    return f"{d.month}/{d.day}({WEEKDAYS_KO[d.weekday()]})"


def _day_en(d: date) -> str:
    return f"{WEEKDAYS_EN[d.weekday()][:3]} {d.day} {d.strftime('%b')}"


def _closed_why(f: DayForecast, closed_weekdays: bool) -> tuple[str, str]:
    if not closed_weekdays and f.kind.kind != NORMAL:
        block = f.kind.kind.split("_")[0]
        if block in ("seollal", "chuseok"):  # one phrase for the whole block
            name_ko, name_en = ("설", "Seollal") if block == "seollal" else ("추석", "Chuseok")
            return f"지난 기록상 {name_ko} 연휴 휴무", f"closed over {name_en} before"
        return f"지난 기록상 {f.kind.label_ko} 휴무", f"closed on {f.kind.label_en} before"
    return f"{WEEKDAYS_KO[f.day.weekday()]}요일 정기 휴무", f"closed on {WEEKDAYS_EN[f.day.weekday()]}s"


def _reason(f: DayForecast, skipped: list[DayForecast], span: int, closed_weekdays: frozenset[int]) -> tuple[str, str]:
    ko: list[str] = []
    en: list[str] = []
    if skipped:
        whys = list(dict.fromkeys(_closed_why(s, s.day.weekday() in closed_weekdays) for s in skipped))
        why_ko = ", ".join(w[0] for w in whys)
        why_en = "; ".join(w[1] for w in whys)
        first, last = skipped[0].day, skipped[-1].day
        days_ko = _day_ko(first) if first == last else f"{_day_ko(first)}~{_day_ko(last)}"
        days_en = _day_en(first) if first == last else f"{_day_en(first)} to {_day_en(last)}"
        ko.append(f"{days_ko}은 {why_ko}{_copula(why_ko)} 다음 영업일 {_day_ko(f.day)} 예상입니다.")
        en.append(f"{days_en}: {why_en}, so this is for the next business day, {_day_en(f.day)}.")
    if f.too_short:
        n = f.history_days
        weekday_ko, weekday_en = WEEKDAYS_KO[f.day.weekday()], WEEKDAYS_EN[f.day.weekday()]
        ko.append(
            f"매출 기록이 {n}일뿐이라 아직 믿을 만한 예측이 어렵습니다. 지금까지의 평균으로 어림했습니다"
            f" ({weekday_ko}요일·휴일 반영은 기록이 {MIN_HISTORY_DAYS}일 쌓인 뒤부터)."
        )
        en.append(
            f"Only {n} day{'s' if n != 1 else ''} of sales so far, too short for a reliable forecast: a rough "
            f"guess from the days so far ({weekday_en}s and holidays count once there are {MIN_HISTORY_DAYS} days)."
        )
        return " ".join(ko), " ".join(en)
    if f.kind.kind != NORMAL:
        label_ko, label_en = f.kind.label_ko, f.kind.label_en
        if abs(f.factor - 1) < 0.03:
            effect_ko, effect_en = "평소와 비슷", "about as usual"
        else:
            effect_ko, effect_en = _pct(f.factor), _pct(f.factor)
        if f.seen and effect_ko == "평소와 비슷":
            ko.append(f"{label_ko}에도 보통 평소와 비슷합니다 (이 가게의 지난 {f.seen}번 기준).")
            en.append(f"{label_en[0].upper()}{label_en[1:]}: usually about as usual (this shop's last {f.seen}).")
        elif f.seen:
            ko.append(f"{label_ko}{_copula(label_ko)} 보통 {effect_ko} (이 가게의 지난 {f.seen}번 기준).")
            en.append(f"{label_en[0].upper()}{label_en[1:]}: usually {effect_en} (this shop's last {f.seen}).")
        else:
            assumed_ko = "평소와 비슷하게" if effect_ko == "평소와 비슷" else f"{effect_ko}로"
            ko.append(f"{label_ko}{_copula(label_ko)} {assumed_ko} 잡았습니다 (지난 기록이 없어 일반적인 경향).")
            en.append(
                f"{label_en[0].upper()}{label_en[1:]}: assumed {effect_en} (none in this shop's history yet; "
                "the usual pattern)."
            )
    else:
        ko.append(f"평소 {WEEKDAYS_KO[f.day.weekday()]}요일 수준.")
        en.append(f"An ordinary {WEEKDAYS_EN[f.day.weekday()]}.")
    if abs(f.trend_4w) >= 0.05 and span >= 42:
        ko.append(f"최근 4주 추세 {_pct(1 + f.trend_4w)}.")
        en.append(f"Recent 4-week trend {_pct(1 + f.trend_4w)}.")
    return " ".join(ko), " ".join(en)


def _no_history(today: date, *, readable: bool) -> Forecast:
    if readable:
        ko = "아직 매출 기록이 없어 예상 매출을 낼 수 없습니다. 판매가 쌓이면 다음 날 예상이 나옵니다."
        en = "No sales recorded yet, so there is nothing to forecast from; it appears once sales come in."
    else:
        ko = (
            "매출 장부를 읽을 수 없어 예상 매출을 낼 수 없습니다. "
            "설치 기사에게 'kiosk ledger verify' 점검을 요청하세요."
        )
        en = "The sales ledger cannot be read, so there is no forecast; ask the installer to run 'kiosk ledger verify'."
    return Forecast(today + timedelta(days=1), 0, 0, 0, (), ko, en, 0, True)


# --- cache ----------------------------------------------------------------------------------------------


def _cache_file(cache_dir: Path, key: dict[str, Any]) -> Path:
    return cache_dir / f"forecast-{hashlib.sha256(key['ledger'].encode()).hexdigest()[:12]}.json"


def _load(cache_dir: Path, key: dict[str, Any]) -> Forecast | None:
    try:
        data = json.loads(_cache_file(cache_dir, key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return Forecast.from_json(data["forecast"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, damaged or of another format: computed again


def _store(cache_dir: Path, key: dict[str, Any], result: Forecast) -> None:
    """Atomically (a crash leaves the old file or the new one); a cache that cannot be written is no error."""
    path = _cache_file(cache_dir, key)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=cache_dir, suffix=".tmp", delete=False) as tmp:
            json.dump({"key": key, "forecast": result.to_json()}, tmp, ensure_ascii=False)
        os.replace(tmp.name, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp.name)
