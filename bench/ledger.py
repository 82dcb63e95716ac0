"""Ledger benchmarks.

1. Sale commit: order + lines + payment + journal entry + daily totals in one transaction with
   synchronous=FULL, through Ledger.record_sale, on realistic baskets; against a bare sqlite3 script
   doing the same (same rows, schema, PRAGMAs, canonical JSON and hash chain), interleaved sale by sale
   (A B A B ...) in one run so that the disk's sync drift hits both. Target ratio >= 0.8.
   `--profile` adds cProfile's view of the ledger side.
2. Opening the one-year ledger with and without the whole-file quick_check (skipped after a clean
   close, kiosk/ledger/cleanclose.py) against an empty ledger.
3. `kiosk report` queries on the one-year ledger of bench/history.py (about 300 sales a day through
   the real sale path): one day (target < 50 ms) and one month (target < 300 ms).

Run: `.venv/bin/python -m bench.ledger [--quick] [--profile]`.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.config import REPO_ROOT
from kiosk.domain.catalog import load_catalog
from kiosk.domain.ids import uuid7
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ports import FakeClock
from kiosk.reports import sales_report

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
CACHE = REPO_ROOT / "build" / "bench"


def _orders(n: int, clock: FakeClock, seed: int = 7) -> list:  # type: ignore[type-arg]
    """Realistic baskets (kiosk/demo_sales.py: 1-4 items, options as customers choose them)."""
    from kiosk.demo_sales import _basket

    rng = random.Random(seed)
    items = [i for i in CATALOG.items if not i.sold_out]
    weights = [5.0 if "best" in i.badges else 2.0 if "new" in i.badges else 1.0 for i in items]
    orders = []
    while len(orders) < n:
        cart = _basket(CATALOG, rng, weights, items)
        if cart.lines:
            orders.append(order_from_cart(CATALOG, cart, OrderType.TAKE_OUT, clock.now()))
    return orders


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _payment(order) -> PaymentRecord:  # type: ignore[no-untyped-def]
    return PaymentRecord(
        PaymentMethod.CARD, order.total, "card-terminal", "30012345", "신한카드", "5365-12**-****-1234", 0, uuid7()
    )


class _Bare:
    """The same sale with bare sqlite3: the same rows into the same schema (made by the ledger's own
    migrations, so the same indexes and triggers), the same PRAGMAs, one BEGIN IMMEDIATE ... COMMIT, the
    same canonical JSON and SHA-256 chain over the same bytes. What is left to the ledger is its own
    code: SQLAlchemy's connection and execution layer, the projector, the payload building."""

    def __init__(self, path: Path, device_id: str, clock: FakeClock) -> None:
        Ledger.open(path, device_id=device_id, clock=clock, tz=SEOUL).close()
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.device_id = device_id
        self.clock = clock

    def sale(self, order, payment: PaymentRecord) -> None:  # type: ignore[no-untyped-def]
        conn = self.conn
        day = order.created_at.astimezone(SEOUL).date().isoformat()
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, "0" * 64)
        number = (
            conn.execute("SELECT max(order_number) FROM orders WHERE business_date=?", (day,)).fetchone()[0] or 0
        ) + 1
        vat = order.vat
        totals = {
            "total": order.total,
            "taxable": vat.taxable_total,
            "tax_free": vat.tax_free_total,
            "supply_value": vat.supply_value,
            "vat": vat.vat,
        }
        body = {
            "order": order.to_payload(),
            "payment": payment.to_payload(),
            "business_date": day,
            "order_number": number,
            "local_hour": order.created_at.astimezone(SEOUL).hour,
            "totals": totals,
        }
        payload = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        ts = self.clock.now().isoformat(timespec="microseconds")
        eid = uuid7()
        doc = {
            "device_id": self.device_id,
            "seq": seq,
            "id": eid,
            "ts": ts,
            "kind": "sale.completed",
            "payload": payload,
        }
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        digest = hashlib.sha256(bytes.fromhex(prev) + canonical).hexdigest()
        conn.execute(
            "INSERT INTO journal (seq, id, device_id, ts, kind, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
            (seq, eid, self.device_id, ts, "sale.completed", payload, prev, digest),
        )
        conn.execute(
            "INSERT INTO orders (id, business_date, order_number, order_type, created_at, local_hour, language, "
            "total, taxable_total, tax_free_total, supply_value, vat, status, journal_seq) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                order.id,
                day,
                number,
                order.order_type.value,
                body["order"]["created_at"],
                body["local_hour"],
                order.language,
                order.total,
                vat.taxable_total,
                vat.tax_free_total,
                vat.supply_value,
                vat.vat,
                "completed",
                seq,
            ),
        )
        conn.executemany(
            "INSERT INTO order_lines (order_id, line_no, business_date, item_id, name_ko, quantity, unit_price, "
            "line_total, tax_type, options_ko) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    order.id,
                    i,
                    day,
                    ln.item_id,
                    ln.name_ko,
                    ln.quantity,
                    ln.unit_price,
                    ln.line_total,
                    ln.tax_type.value,
                    ", ".join(o.name_ko + (f" x{o.quantity}" if o.quantity > 1 else "") for o in ln.options),
                )
                for i, ln in enumerate(order.lines, start=1)
            ],
        )
        p = payment
        conn.execute(
            "INSERT INTO payments (id, order_id, business_date, method, amount, provider, approval_no, issuer, "
            "masked_card, installments, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                p.id,
                order.id,
                day,
                p.method.value,
                p.amount,
                p.provider,
                p.approval_no,
                p.issuer,
                p.masked_card,
                p.installments,
                "approved",
            ),
        )
        conn.execute(
            "INSERT INTO daily_totals (business_date, sale_count, gross, refund_count, refunds, taxable_total, "
            "tax_free_total, supply_value, vat) VALUES (?,1,?,0,0,?,?,?,?) ON CONFLICT(business_date) DO UPDATE SET "
            "sale_count = sale_count + 1, gross = gross + excluded.gross, "
            "taxable_total = taxable_total + excluded.taxable_total, "
            "tax_free_total = tax_free_total + excluded.tax_free_total, "
            "supply_value = supply_value + excluded.supply_value, vat = vat + excluded.vat",
            (day, order.total, vat.taxable_total, vat.tax_free_total, vat.supply_value, vat.vat),
        )
        conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def bench_sale_commit(n: int, workdir: Path, profile: bool = False) -> list[str]:
    """A B A B ...: one sale through `Ledger.record_sale`, then the same sale through bare sqlite3 (the
    order swapped every other pair), both files in the same directory, so disk-sync drift hits both."""
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = Ledger.open(workdir / "ledger.sqlite3", device_id="BENCH", clock=clock, tz=SEOUL)
    bare = _Bare(workdir / "bare.sqlite3", "BENCH", clock)
    orders = _orders(n, clock)
    pays = [_payment(o) for o in orders]
    ours: list[float] = []
    base: list[float] = []
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()

    def a(i: int) -> None:
        t0 = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        ledger.record_sale(orders[i], pays[i])
        if profiler is not None:
            profiler.disable()
        ours.append(time.perf_counter() - t0)

    def b(i: int) -> None:
        t0 = time.perf_counter()
        bare.sale(orders[i], pays[i])
        base.append(time.perf_counter() - t0)

    for i in range(n):
        clock.advance(7)
        first, second = (a, b) if i % 2 == 0 else (b, a)
        first(i)
        second(i)
    ledger.close()
    bare.close()
    rate, bare_rate = n / sum(ours), n / sum(base)
    lines = [
        f"sale commit, {n} realistic sales interleaved A B A B (record_sale, synchronous=FULL): {rate:,.0f} sales/s, "
        f"p50 {statistics.median(ours) * 1000:.2f} ms, p99 {_percentile(ours, 99) * 1000:.2f} ms",
        f"bare sqlite3, same rows, schema, PRAGMAs, JSON and hash chain: {bare_rate:,.0f} sales/s, "
        f"p50 {statistics.median(base) * 1000:.2f} ms",
        f"ratio ledger / bare: {rate / bare_rate:.2f} by throughput, "
        f"{statistics.median(base) / statistics.median(ours):.2f} by median (target >= 0.8)",
    ]
    if profiler is not None:
        import io
        import pstats

        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(25)
        lines.append(buf.getvalue())
    return lines


def bench_report(days: int, per_day: int) -> list[str]:
    from bench import history

    end = history.END
    path = history.one_year(days, per_day)
    ledger = Ledger.open(path, device_id=history.DEVICE_ID, tz=SEOUL)
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


def bench_open(days: int, per_day: int, workdir: Path, rounds: int = 5) -> list[str]:
    """`Ledger.open` (inspection, PRAGMAs, migrations check) on a copy of the one-year ledger, the whole-file
    quick_check run (no clean-close record: after a crash, or due) and skipped (closed cleanly, untouched,
    checked this week: kiosk/ledger/cleanclose.py), against an empty ledger; interleaved, medians."""
    import os

    from bench import history
    from kiosk.ledger import cleanclose

    os.environ["KIOSK_LEDGER_CHECKS_DIR"] = str(workdir / "checks")  # not the user's cache
    year = history.copy_of(workdir / "year" / "ledger.sqlite3", days, per_day)
    empty = workdir / "empty" / "ledger.sqlite3"
    Ledger.open(empty, device_id=history.DEVICE_ID).close()
    Ledger.open(year, device_id=history.DEVICE_ID).close()  # migrations, if the cached year is older
    times: dict[str, list[float]] = {"empty": [], "year, checked": [], "year, skipped": []}

    def one(kind: str, path: Path, forget: bool) -> None:
        if forget:
            cleanclose.forget(path)
        t0 = time.perf_counter()
        ledger = Ledger.open(path, device_id=history.DEVICE_ID)
        times[kind].append(time.perf_counter() - t0)
        ran = ledger.file_check is not None and ledger.file_check.ran
        ledger.close()
        assert ran == (kind == "year, checked"), (kind, ran)

    steps = [("empty", empty, False), ("year, checked", year, True), ("year, skipped", year, False)]
    for r in range(rounds):
        for kind, path, forget in steps[r % 3 :] + steps[: r % 3]:
            one(kind, path, forget)
    med = {k: statistics.median(v) for k, v in times.items()}
    size = year.stat().st_size / 2**20
    return [
        f"Ledger.open, medians of {rounds} interleaved: empty {med['empty'] * 1000:.0f} ms; one-year ({size:,.0f} MiB) "
        f"with the whole-file quick_check {med['year, checked'] * 1000:.0f} ms "
        f"({med['year, checked'] / med['empty']:.2f}x empty), after a clean close {med['year, skipped'] * 1000:.0f} ms "
        f"({med['year, skipped'] / med['empty']:.2f}x empty)",
    ]


def main(quick: bool = False, profile: bool = False) -> list[str]:
    lines = []
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:  # on disk (not tmpfs): the sync is what is measured
        lines += bench_sale_commit(200 if quick else 2000, Path(tmp), profile)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        lines += bench_open(30 if quick else 365, 300, Path(tmp))
    lines += bench_report(30 if quick else 365, 300)
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv, profile="--profile" in sys.argv)
