"""Tomorrow's expected sales (kiosk.forecast) on the one-year ledger of bench/history.py (about 300 sales
a day for 365 days, written by the real sale path). Target: < 2 s (issue 14; computed off the GUI thread).

Measured, interleaved in one run (A B A B ...), for several "today"s (the day after the history, the day
before Chuseok 2026, Christmas Eve 2025, a mid-year Monday):
- forecast: `forecast_next_business_day(path, today)` without a cache, in this process (the holiday
  calendar loaded once per process; the owner's worker keeps its process);
- bare: the least any forecast must do on the same file: a read-only sqlite3 connection and the one query
  of net sales per business day over the orders read model (kiosk.forecast.source.read_daily);
then a cache hit, and a cold forecast in a fresh interpreter (Python start, imports, the `holidays`
calendar, the queries, the model), which is the first forecast after the kiosk starts. Last, the
rolling-origin accuracy on this ledger's own sales (its last 180 days; kiosk.forecast.evaluate) - a
demo shop's year with weekly patterns but no holiday effects, so mostly the ordinary days.

Run: `.venv/bin/python -m bench.forecast [--quick]`.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.history import END, one_year
from kiosk.forecast import forecast_next_business_day
from kiosk.forecast.evaluate import rolling_origin
from kiosk.forecast.source import read_daily
from kiosk.ledger.readonly import open_readonly

TODAYS = (date(2026, 11, 21), date(2026, 9, 23), date(2025, 12, 24), date(2026, 6, 15))


def _bare(path: Path, today: date) -> float:
    start = time.perf_counter()
    conn = open_readonly(path)
    assert conn is not None
    try:
        read_daily(conn, today)
    finally:
        conn.close()
    return time.perf_counter() - start


def _forecast(path: Path, today: date, cache_dir: Path | None = None) -> float:
    start = time.perf_counter()
    forecast_next_business_day(path, today, cache_dir=cache_dir)
    return time.perf_counter() - start


def _cold(path: Path, today: date) -> float:
    code = (
        "import time; t = time.perf_counter(); from datetime import date; from pathlib import Path; "
        "from kiosk.forecast import forecast_next_business_day as f; "
        f"f(Path({str(path)!r}), date.fromisoformat({today.isoformat()!r})); print(time.perf_counter() - t)"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ.copy()
    )
    total = time.perf_counter() - start
    return total if not out.stdout.strip() else max(total, float(out.stdout))


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"


def main(quick: bool = False) -> list[str]:
    path = one_year()
    rounds = 2 if quick else 7
    lines = [f"forecast on {path.name} (history ends {END}), {rounds} interleaved rounds per day:"]
    _forecast(path, TODAYS[0])  # loads the holiday calendar once, as the owner's worker would
    worst = 0.0
    for today in TODAYS:
        fc: list[float] = []
        bare: list[float] = []
        for _ in range(rounds):
            fc.append(_forecast(path, today))
            bare.append(_bare(path, today))
        worst = max(worst, max(fc))
        f = forecast_next_business_day(path, today)
        lines.append(
            f"  today {today}: forecast {_ms(fc)}; bare daily query {_ms(bare)}; "
            f"ratio x{statistics.median(fc) / statistics.median(bare):.2f}"
        )
        lines.append(
            f"    -> {f.day}: {f.expected:,} won ({f.low:,}-{f.high:,}), {len(f.busy_hours)} hours; {f.reason_en}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        _forecast(path, TODAYS[0], Path(tmp))
        hits = [_forecast(path, TODAYS[0], Path(tmp)) for _ in range(rounds)]
    lines.append(f"  cache hit: {_ms(hits)}")
    cold = [_cold(path, TODAYS[0]) for _ in range(1 if quick else 3)]
    lines.append(f"  cold, in a fresh interpreter (start, imports, calendar, queries, model): {_ms(cold)}")
    conn = open_readonly(path)
    assert conn is not None
    try:
        daily = read_daily(conn, date(2026, 11, 21))
    finally:
        conn.close()
    acc = rolling_origin("one-year ledger", daily, END.fromordinal(END.toordinal() - 179), END)
    w, m = acc.wape, acc.mase
    lines.append(
        f"  accuracy on this ledger's last 180 days ({acc.targets} targets): WAPE model {w['model']:.1%}, "
        f"seasonal naive {w['seasonal_naive']:.1%}, mean of 4 {w['mean_last_4']:.1%}; MASE {m['model']:.2f} / "
        f"{m['seasonal_naive']:.2f} / {m['mean_last_4']:.2f}; 80 % range held {acc.coverage:.0%}"
    )
    verdict = "PASS" if max(worst, max(cold)) < 2.0 else "FAIL"
    lines.append(f"  target < 2 s (slowest of all above {max(worst, max(cold)) * 1000:.0f} ms): {verdict}")
    for line in lines:
        print(line, flush=True)
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
