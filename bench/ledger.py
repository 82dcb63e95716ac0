"""Ledger benchmarks.

1. Sale commit: order + lines + payment + journal entry + daily totals in one transaction with
   synchronous=FULL, through Ledger.record_sale; against a bare sqlite3 script inserting the same rows
   with the same PRAGMAs, one transaction per sale, in the same run. Target ratio >= 0.5.
2. `kiosk report` queries on a ledger with one year of history at 300 sales a day: one day
   (target < 50 ms) and one month (target < 300 ms).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.config import REPO_ROOT
from kiosk.demo_sales import generate
from kiosk.domain.cart import Cart
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ports import FakeClock
from kiosk.reports import sales_report

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
CACHE = REPO_ROOT / "build" / "bench"


def _orders(n: int, clock: FakeClock) -> list:  # type: ignore[type-arg]
    orders = []
    for i in range(n):
        cart = Cart().add(CATALOG, "croissant").add(CATALOG, "milk_1l", (), 1 + i % 2)
        cart = cart.add(CATALOG, "americano", (("temp", ("iced",)), ("size", ("regular",))))
        orders.append(order_from_cart(CATALOG, cart, OrderType.TAKE_OUT, clock.now()))
    return orders


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_sale_commit(n: int, workdir: Path) -> list[str]:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = Ledger.open(workdir / "ledger.sqlite3", device_id="BENCH", clock=clock, tz=SEOUL)
    orders = _orders(n, clock)
    latencies = []
    start = time.perf_counter()
    for order in orders:
        t0 = time.perf_counter()
        ledger.record_sale(order, PaymentRecord(PaymentMethod.CARD, order.total, "KICC", "1", "BC", "", 0))
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    ledger.close()
    rate = n / elapsed

    # Baseline: the same rows with bare sqlite3, same PRAGMAs, one transaction per sale.
    # Baseline: the same rows into the same schema (created by the ledger's migrations, so the same
    # indexes and triggers) with bare sqlite3 and the same PRAGMAs, one transaction per sale.
    Ledger.open(workdir / "bare.sqlite3", device_id="BENCH", clock=clock, tz=SEOUL).close()
    conn = sqlite3.connect(workdir / "bare.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
        conn.execute(f"PRAGMA {pragma}")
    prev = "0" * 64
    start = time.perf_counter()
    for seq, order in enumerate(orders, start=1):
        payload = json.dumps(order.to_payload(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(bytes.fromhex(prev) + payload.encode()).hexdigest()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO journal VALUES (?,?,?,?,?,?,?,?)",
            (seq, order.id, "BENCH", "ts", "sale.completed", payload, prev, digest),
        )
        conn.execute(
            "INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (order.id, "2026-11-21", seq, "take_out", "ts", 12, "ko", order.total, 0, 0, 0, 0, "completed", seq),
        )
        conn.executemany(
            "INSERT INTO order_lines VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (order.id, i, "2026-11-21", ln.item_id, ln.name_ko, ln.quantity, ln.unit_price, ln.line_total, "t", "")
                for i, ln in enumerate(order.lines)
            ],
        )
        conn.execute(
            "INSERT INTO payments VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (f"p{seq}", order.id, "2026-11-21", "card", order.total, "KICC", "1", "BC", "", 0, "approved"),
        )
        conn.execute(
            "INSERT INTO daily_totals VALUES ('2026-11-21', 1, ?, 0, 0, 0, 0, 0, 0) ON CONFLICT(business_date) "
            "DO UPDATE SET sale_count = sale_count + 1, gross = gross + excluded.gross",
            (order.total,),
        )
        conn.execute("COMMIT")
        prev = digest
    bare = n / (time.perf_counter() - start)
    conn.close()
    return [
        f"sale commit (record_sale, synchronous=FULL): {rate:,.0f} sales/s, "
        f"p50 {statistics.median(latencies) * 1000:.2f} ms, p99 {_percentile(latencies, 99) * 1000:.2f} ms",
        f"bare sqlite3 baseline, same rows and PRAGMAs: {bare:,.0f} sales/s",
        f"ratio ledger / bare: {rate / bare:.2f} (target >= 0.5)",
    ]


def _history(days: int, per_day: int, end: date) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"history-{days}d-{per_day}-{end.isoformat()}.sqlite3"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    for leftover in CACHE.glob(tmp.name + "*"):
        leftover.unlink()
    clock = FakeClock(datetime(end.year, end.month, end.day, 12, tzinfo=SEOUL))
    ledger = Ledger.open(tmp, device_id="BENCH", clock=clock, tz=SEOUL)
    t0 = time.perf_counter()
    n = generate(ledger, CATALOG, clock, days=days, per_day=per_day, seed=1, end=end, tz=SEOUL)
    ledger.close()
    print(f"(generated {n:,} sales of history in {time.perf_counter() - t0:.0f} s, cached at {path})")
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    return path


def bench_report(days: int, per_day: int) -> list[str]:
    end = date(2026, 11, 20)
    path = _history(days, per_day, end)
    ledger = Ledger.open(path, device_id="BENCH", tz=SEOUL)
    day_times, month_times = [], []
    for _ in range(15):
        t0 = time.perf_counter()
        day = sales_report(ledger, end)
        day_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        month = sales_report(ledger, end - timedelta(days=29), end)
        month_times.append(time.perf_counter() - t0)
    ledger.close()
    cli = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kiosk", "report", "--db", str(path), "--date", end.isoformat()],
            check=True,
            capture_output=True,
            cwd=REPO_ROOT,
        )
        cli.append(time.perf_counter() - t0)
    return [
        f"history: {days} days x ~{per_day} sales/day "
        f"({day.sale_count} sales on the day, {month.sale_count:,} in the month)",
        f"report one day: median {statistics.median(day_times) * 1000:.1f} ms (target < 50 ms)",
        f"report one month (--from/--to): median {statistics.median(month_times) * 1000:.1f} ms (target < 300 ms)",
        f"`kiosk report --date` whole process incl. Python start-up: median {statistics.median(cli) * 1000:.0f} ms",
    ]


def main(quick: bool = False) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        lines += bench_sale_commit(200 if quick else 2000, Path(tmp))
    lines += bench_report(30 if quick else 365, 300)
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
