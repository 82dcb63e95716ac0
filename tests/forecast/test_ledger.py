"""The forecast on a real ledger: sales and a refund written by kiosk.ledger.Ledger (the code path of a
real sale), read back from the read models through a read-only connection; the cache per day and last
journal sequence; what an owner sees with no ledger or a damaged one; no Qt in kiosk.forecast."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.forecast import Forecast, forecast_next_business_day
from kiosk.forecast.source import read_daily
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ledger.readonly import open_readonly
from kiosk.ports import FakeClock
from kiosk.reports import read_sales_report

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
TODAY = date(2026, 11, 26)  # Thursday
# A day's sales (local time, hour and minute; an hour before 5 is the night after, still that business
# day) and what each sells: lunch, dinner, and one late sale after midnight.
SALES = [(12, 10, 2), (12, 40, 1), (13, 20, 1), (19, 5, 3), (19, 30, 2), (25, 30, 1)]


def _sell(ledger: Ledger, clock: FakeClock, day: date, hour: int, minute: int, croissants: int) -> str:
    clock.set(datetime(day.year, day.month, day.day, tzinfo=SEOUL) + timedelta(hours=hour, minutes=minute))
    cart = Cart().add(CATALOG, "croissant", (), croissants)
    if day.weekday() >= 5:
        cart = cart.add(CATALOG, "milk_1l")
    order = order_from_cart(CATALOG, cart, OrderType.TAKE_OUT, clock.now())
    ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total))
    return order.id


def _build(path: Path, days: int, *, refund_on: date | None = None) -> None:
    """`days` business days of sales ending the day before TODAY (day start 05:00, Asia/Seoul)."""
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=SEOUL))
    ledger = Ledger.open(path, device_id="TEST-FC", clock=clock, tz=SEOUL, day_start_hour=5)
    try:
        for i in range(days, 0, -1):
            day = TODAY - timedelta(days=i)
            with ledger.transaction():
                ids = [_sell(ledger, clock, day, h, m, n) for h, m, n in SALES]
                if day == refund_on:
                    clock.advance(600)
                    ledger.record_refund(ids[3], reason="고객 요청")
    finally:
        ledger.close()


@pytest.fixture(scope="module")
def three_weeks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forecast") / "ledger.sqlite3"
    _build(path, 21, refund_on=TODAY - timedelta(days=2))
    return path


def _copy(path: Path, dest: Path) -> Path:
    for suffix in ("", "-wal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", f"{dest}{suffix}")
    return dest


def test_reads_net_sales_by_business_day_from_the_read_models(three_weeks: Path) -> None:
    conn = open_readonly(three_weeks)
    assert conn is not None
    try:
        daily = read_daily(conn, TODAY)
        assert len(daily) == 21 and max(daily) == TODAY - timedelta(days=1)
        for day, net in daily.items():  # the same net sales as `kiosk report` (the refund was that day)
            assert net == read_sales_report(conn, day).net
        refunded = read_sales_report(conn, TODAY - timedelta(days=2))
        assert refunded.refunds > 0 and daily[TODAY - timedelta(days=2)] == refunded.gross - refunded.refunds
    finally:
        conn.close()


def test_forecast_from_a_real_ledger(three_weeks: Path) -> None:
    f = forecast_next_business_day(three_weeks, TODAY)
    assert f.day == TODAY + timedelta(days=1) and not f.too_short and f.history_days == 21
    assert f.low < f.expected < f.high
    fridays = [TODAY - timedelta(days=d) for d in (6, 13, 20)]
    conn = open_readonly(three_weeks)
    assert conn is not None
    try:
        usual = [read_sales_report(conn, d).net for d in fridays]
    finally:
        conn.close()
    assert min(usual) * 0.9 <= f.expected <= max(usual) * 1.1
    # The business day's hours in its order: lunch, dinner, then 01:00 of the night after
    assert [h.hour for h in f.busy_hours] == [12, 13, 19, 1]
    assert f.reason_ko == "평소 금요일 수준." and f.reason_en == "An ordinary Friday."


def test_three_days_of_history(tmp_path: Path) -> None:
    path = tmp_path / "new-shop.sqlite3"
    _build(path, 3)
    f = forecast_next_business_day(path, TODAY)
    assert f.too_short and f.history_days == 3 and f.day == TODAY + timedelta(days=1)
    assert "매출 기록이 3일뿐이라" in f.reason_ko and "Only 3 days of sales so far" in f.reason_en
    assert 0 < f.low < f.expected < f.high
    assert [h.hour for h in f.busy_hours] == [12, 13, 19, 1]


def test_cache_per_day_and_last_journal_entry(three_weeks: Path, tmp_path: Path) -> None:
    path = _copy(three_weeks, tmp_path / "ledger.sqlite3")
    cache = tmp_path / "cache"
    first = forecast_next_business_day(path, TODAY, cache_dir=cache)
    (file,) = cache.glob("forecast-*.json")
    stored = json.loads(file.read_text(encoding="utf-8"))
    assert stored["key"]["day"] == TODAY.isoformat() and Forecast.from_json(stored["forecast"]) == first

    # A hit: what the file says is what comes back (marked here so that a recomputation would show)
    stored["forecast"]["reason_en"] = "from the cache"
    file.write_text(json.dumps(stored), encoding="utf-8")
    assert forecast_next_business_day(path, TODAY, cache_dir=cache).reason_en == "from the cache"

    # Another day: computed again
    other = forecast_next_business_day(path, TODAY + timedelta(days=1), cache_dir=cache)
    assert other.day == TODAY + timedelta(days=2) and other.reason_en != "from the cache"
    assert forecast_next_business_day(path, TODAY, cache_dir=cache) == first

    # A new journal entry (a refund of yesterday's sale): computed again, with the refund left out
    stored = json.loads(file.read_text(encoding="utf-8"))
    stored["forecast"]["reason_en"] = "from the cache"
    file.write_text(json.dumps(stored), encoding="utf-8")
    conn = sqlite3.connect(path)
    try:
        (order_id,) = conn.execute(
            "SELECT id FROM orders WHERE business_date = ? ORDER BY total DESC LIMIT 1",
            ((TODAY - timedelta(days=1)).isoformat(),),
        ).fetchone()
    finally:
        conn.close()
    clock = FakeClock(datetime(TODAY.year, TODAY.month, TODAY.day, 10, tzinfo=SEOUL))
    ledger = Ledger.open(path, device_id="TEST-FC", clock=clock, tz=SEOUL)
    try:
        ledger.record_refund(order_id, reason="고객 요청")
    finally:
        ledger.close()
    after = forecast_next_business_day(path, TODAY, cache_dir=cache)
    assert after.reason_en == "An ordinary Friday." and json.loads(file.read_text())["key"]["last_seq"] > 0

    # A damaged cache file: computed again and rewritten
    file.write_text("{not json", encoding="utf-8")
    assert forecast_next_business_day(path, TODAY, cache_dir=cache) == after
    assert Forecast.from_json(json.loads(file.read_text(encoding="utf-8"))["forecast"]) == after
    assert [p.name for p in cache.iterdir()] == [file.name]  # no temporary files left


def test_no_ledger_and_a_damaged_one(tmp_path: Path) -> None:
    none = forecast_next_business_day(tmp_path / "missing.sqlite3", TODAY)
    assert none.too_short and none.history_days == 0 and none.expected == 0
    assert "아직 매출 기록이 없어" in none.reason_ko and "No sales recorded yet" in none.reason_en
    damaged = tmp_path / "ledger.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    bad = forecast_next_business_day(damaged, TODAY, cache_dir=tmp_path / "cache")
    assert bad.too_short and bad.expected == 0
    assert "kiosk ledger verify" in bad.reason_ko and "cannot be read" in bad.reason_en
    assert not (tmp_path / "cache").exists()  # nothing cached for a ledger it could not read


def test_kiosk_forecast_imports_no_qt_and_no_sqlalchemy(three_weeks: Path) -> None:
    """In a fresh interpreter: importing and running a forecast loads neither Qt nor SQLAlchemy (the
    read-only path), and importing alone does not load the holiday calendar (no work at import)."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "import kiosk.forecast\n"
        "assert 'holidays' not in sys.modules\n"
        f"f = kiosk.forecast.forecast_next_business_day(Path({str(three_weeks)!r}), date.fromisoformat('{TODAY}'))\n"
        "assert f.expected > 0\n"
        "import json\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ.copy(), timeout=60
    ).stdout
    loaded = set(json.loads(out))
    assert "holidays" in loaded
    assert not {"PySide6", "shiboken6", "sqlalchemy", "ui"} & loaded
