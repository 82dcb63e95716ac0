"""The counter's targets (issue 15): a ticket to a paid cash sale < 50 ms of app time after the last tap; the
Z close of a day of 1,000 sales < 1 s; an X report < 200 ms. On a real ledger file (WAL, synchronous=FULL).

- sale: `CounterSession.add_cash` (the last tap: cash received) until the sale is committed and the session
  is ready for the next ticket: the order built, the tenders checked, the order number, the journal entry
  with every read model (orders, lines, payments, daily totals, cash movements, drawer openings). Baseline,
  interleaved in the same run: `Ledger.record_sale` of the same order (the kiosk's bare sale path).
- Z: `BusinessDay.close` after 1,000 counter sales (with 10 no-sales and paid-outs), including the check of
  unresolved intents and the journal entry. Baseline: a bare sqlite3 `SELECT count(*), sum(total)` over
  the day's orders on its own connection (the least a Z could cost).
- X: `BusinessDay.x_report` on the same open day (its journal entry included).

Run: `.venv/bin/python -m bench.counter [--quick]`.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.counter.day import BusinessDay, CashCount
from kiosk.counter.rules import DENOMINATIONS, CounterRules
from kiosk.counter.sales import Counter
from kiosk.counter.session import CounterSession
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ports import FakeClock
from kiosk.session.modes import Role, SignedIn

REPO = Path(__file__).resolve().parent.parent
STAFF = SignedIn(Role.STAFF, "bench-staff", "직원")
SEOUL = ZoneInfo("Asia/Seoul")


def _world(path: Path) -> tuple[Ledger, CounterSession, BusinessDay]:
    clock = FakeClock(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))
    ledger = Ledger.open(path, device_id="BENCH-C1", clock=clock, tz=SEOUL)
    catalog = load_catalog(REPO / "assets" / "demo" / "catalog.json")
    rules = CounterRules()
    day = BusinessDay(ledger, rules)
    counter = Counter(ledger, catalog, day, rules)
    session = CounterSession(counter, day)
    session.who = STAFF
    day.open(STAFF, 100_000)
    return ledger, session, day


def _ring_up(session: CounterSession) -> None:
    """A 3-item order with options (the taps before the last one)."""
    session.tap_item("cafe_latte")
    session.tap_option("temp", "iced")
    session.tap_item("americano")
    session.tap_option("size", "large")
    session.tap_item("croissant")
    session.begin_payment()


def _count(amount: int) -> dict[int, int]:
    out = {}
    for v in DENOMINATIONS:
        out[v], amount = divmod(amount, v)
    return out


def main(quick: bool = False) -> None:
    sales = 60 if quick else 300
    day_sales = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        ledger, session, day = _world(Path(tmp) / "counter.sqlite3")
        bare_ledger = Ledger.open(Path(tmp) / "bare.sqlite3", device_id="BENCH-B1", clock=ledger.clock, tz=SEOUL)
        app: list[float] = []
        bare: list[float] = []
        try:
            for _ in range(sales):
                _ring_up(session)
                order = session.ticket.to_order(session.catalog, ledger.clock.now())
                start = time.perf_counter()
                session.add_cash(50_000)  # the last tap
                app.append(time.perf_counter() - start)
                start = time.perf_counter()
                bare_ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total))
                bare.append(time.perf_counter() - start)
        finally:
            bare_ledger.close()
        a, b = statistics.median(app), statistics.median(bare)
        p95 = sorted(app)[int(len(app) * 0.95)]
        print(
            f"cash sale after the last tap: median {a * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"max {max(app) * 1000:.1f} ms"
        )
        print(f"  bare Ledger.record_sale (same order): median {b * 1000:.1f} ms; ratio x{a / b:.2f}  (target < 50 ms)")
        ledger.close()

        ledger, session, day = _world(Path(tmp) / "day.sqlite3")
        try:
            for i in range(day_sales):
                session.tap_item("americano" if i % 3 else "croissant")
                if i % 2:
                    session.tap_item("milk_1l")
                session.begin_payment()
                assert session.payment is not None
                session.add_cash(session.payment.due)
                if i % 100 == 0:
                    day.no_sale(STAFF, "잔돈")
                    day.paid(STAFF, 1_000, "소모품", out=True)
            xs = []
            for _ in range(5):
                start = time.perf_counter()
                day.x_report(STAFF)
                xs.append(time.perf_counter() - start)
            conn = sqlite3.connect(Path(tmp) / "day.sqlite3")
            base = []
            for _ in range(5):
                start = time.perf_counter()
                conn.execute("SELECT count(*), sum(total) FROM orders WHERE business_date = '2026-11-30'").fetchone()
                base.append(time.perf_counter() - start)
            conn.close()
            expected = day.drawer_balance()
            start = time.perf_counter()
            z = day.close(STAFF, CashCount(_count(expected)))
            zt = time.perf_counter() - start
            assert z["sales"]["count"] == day_sales and z["cash"]["difference"] == 0
            x, bb = statistics.median(xs), statistics.median(base)
            print(
                f"X report, {day_sales} sales: median {x * 1000:.1f} ms (max {max(xs) * 1000:.1f})  (target < 200 ms)"
            )
            print(f"Z close, {day_sales} sales: {zt * 1000:.1f} ms  (target < 1 s)")
            print(
                f"  bare sqlite3 count+sum over the day's orders: {bb * 1000:.2f} ms; Z x{zt / bb:.0f}, X x{x / bb:.0f}"
            )
        finally:
            ledger.close()


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
