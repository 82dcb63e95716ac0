"""A realistic one-year ledger for the benchmarks, written by the code a real sale runs.

Every sale goes the way `kiosk run` sells (kiosk/flow/checkout.py, app/services.py):
- `PaymentService.pay` with the real gateways: card through the pty card-terminal simulator behind the
  real serial adapter, QR and customer-presented code through `SimulatedGateway` (the demo's providers).
  That writes the intent steps `payment.created`, `payment.sent`, `payment.approved` (about 2 % of card
  payments are declined first and paid on a second try, as customers do);
- `Ledger.record_sale` with `payment_record(result)` (the sale guard matches it to its approval):
  `sale.completed`;
- `ReceiptService.after_sale`: `kitchen_ticket.printed` always, `receipt.printed` when the customer asks
  (45 %); a printer that reports what `hardware.printer.driver.EscPosPrinter` reports for a printed job
  (and, once in a thousand, paper out: `*.print_failed`, then `*.reprinted` when staff reprint);
- about 1 % of sales refunded the next minutes through `PaymentService.refund`.
About 5.5 entries a sale. Baskets, hours and options come from kiosk/demo_sales.py (lunch and evening
peaks, busier weekend afternoons).

The only difference from a shop's own file is `PRAGMA synchronous=OFF` on the connections that build
it (no fsync per commit, so a year builds in minutes instead of an hour); the bytes written are the same.
The file is cached under ~/.cache/kiosk-bench, keyed by the builder's version (`code_version`: this
builder, the journal's hashing and FORMAT, bumped when a sale writes other entries), so every benchmark
(and every helper) gets the same year without building it again; opening it migrates its schema.

Use: `one_year()` → path of the cached file (read-only: copy it with `copy_of(dest)` before writing);
`KIOSK_BENCH_HISTORY=/path` uses a given file instead.
Run: `.venv/bin/python -m bench.history [--quick]` (builds if needed; prints size per 100,000 sales).
"""

from __future__ import annotations

import hashlib
import inspect
import os
import random
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("KIOSK_BENCH_CACHE", Path.home() / ".cache" / "kiosk-bench"))
SEOUL = ZoneInfo("Asia/Seoul")
DEVICE_ID = "BENCH-K1"
END = date(2026, 11, 20)
DAYS, PER_DAY = 365, 300
# What decides the cached file: the builder below, the journal's hashing (kiosk/protocol.py, committed
# version) and FORMAT, which says what the sale path writes. Bump FORMAT when a sale writes other entries
# or other payloads (new kinds, fields). Not every commit to the ledger or the payment code: a year takes
# 15-45 minutes to build on the 2-core machine, and a file built before a schema migration is brought
# up to date by `Ledger.open` like a shop's own ledger is.
FORMAT = 1  # payment.created/sent/approved(/declined), sale.completed, kitchen_ticket/receipt.printed, refunds
# The journal's hashing: the git blob id of kiosk/protocol.py when that file defined only the chain. Since
# the sync protocol moved into the same file, the whole file's id would change with every protocol edit;
# this stays until canonical_json / entry_canonical_bytes / chain_hash change (then set it anew, e.g. to
# the new blob id). tests/ledger/test_chain_vector.py pins what they produce, so such a change is seen.
CHAIN = "328f0eb97e64947976ce22502d232c970393b488"


def code_version() -> str:
    h = hashlib.sha256()
    for obj in (build, _Printed):
        h.update(inspect.getsource(obj).encode())
    h.update(f"{FORMAT} {DEVICE_ID} {END} {DAYS} {PER_DAY}".encode())
    h.update(f"{CHAIN}\n".encode())
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Built:
    path: Path
    sales: int
    entries: int
    bytes: int
    seconds: float

    def per_100k_sales(self) -> int:
        return self.bytes * 100_000 // max(1, self.sales)


class _Printed:
    """The receipt printer as the core sees it (kiosk.receipts.port.PrinterPort): a job is done at
    once, with the outcome EscPosPrinter reports for a printed job; `fail_next` reports paper out."""

    def __init__(self) -> None:
        self.fail_next = False

    def submit(self, job: Any, on_done: Callable[[Any], None]) -> None:
        from kiosk.receipts.port import PrintOutcome

        if self.fail_next:
            self.fail_next = False
            on_done(PrintOutcome(job.id, False, "paper_out", "용지가 없습니다. 용지를 넣어 주세요."))
        else:
            on_done(PrintOutcome(job.id, True, "printed", "인쇄됨"))


class _Quiet:
    def on_prompt(self, prompt: object) -> None:
        pass

    def on_result(self, result: object) -> None:
        pass


def _fast(conn: sqlite3.Connection, _record: Any) -> None:
    conn.execute("PRAGMA synchronous=OFF")


def build(path: Path, *, days: int = DAYS, per_day: int = PER_DAY, end: date = END, seed: int = 1) -> Built:
    """Write `days` business days of ~`per_day` sales ending at `end` into a new ledger at `path`."""
    from hardware.card_terminal.driver import SerialCardTerminal
    from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
    from kiosk.demo_sales import ISSUERS, WEEKDAY_HOURS, WEEKEND_HOURS, _basket
    from kiosk.domain.catalog import load_catalog
    from kiosk.domain.ids import uuid7
    from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
    from kiosk.ledger import db
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.card import CardGateway
    from kiosk.payments.port import PaymentRequest, PaymentStatus
    from kiosk.payments.service import PaymentService, payment_record
    from kiosk.payments.simulated import SimulatedGateway
    from kiosk.ports import FakeClock
    from kiosk.receipts.content import ShopInfo
    from kiosk.receipts.service import ReceiptService

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(REPO / "assets" / "demo" / "catalog.json")
    rng = random.Random(seed)
    items = [i for i in catalog.items if not i.sold_out]
    weights = [5.0 if "best" in i.badges else 2.0 if "new" in i.badges else 1.0 for i in items]
    methods = [(PaymentMethod.CARD, 80), (PaymentMethod.BARCODE, 12), (PaymentMethod.QR, 8)]
    start_day = end - timedelta(days=days - 1)
    clock = FakeClock(datetime(start_day.year, start_day.month, start_day.day, 6, tzinfo=SEOUL))
    engine = db.make_engine(path, on_connect=_fast)
    db.migrate(engine)
    ledger = Ledger(engine, device_id=DEVICE_ID, clock=clock, tz=SEOUL)
    shop = ShopInfo(
        "카페 한결", "2148710355", "김한결", "서울특별시 마포구 월드컵북로 12길 34", "02-335-1234", "감사합니다"
    )
    printer = _Printed()
    receipts = ReceiptService(ledger, printer, shop, DEVICE_ID)
    sim = TerminalSimulator()
    sim.start()
    terminal = SerialCardTerminal(sim.port, read_slice=0.001)
    terminal.open()
    service = PaymentService(
        ledger,
        [
            CardGateway(terminal),
            SimulatedGateway(PaymentMethod.QR, 0.0),
            SimulatedGateway(PaymentMethod.BARCODE, 0.0),
        ],
    )
    quiet = _Quiet()
    sales = 0
    t0 = time.perf_counter()
    try:
        for d in range(days):
            day = start_day + timedelta(days=d)
            weekend = day.weekday() >= 5
            hours = WEEKEND_HOURS if weekend else WEEKDAY_HOURS
            n = max(1, int(rng.gauss(per_day * (1.15 if weekend else 1.0), per_day * 0.08)))
            moments = sorted(
                datetime(day.year, day.month, day.day, h, rng.randrange(60), rng.randrange(60), tzinfo=SEOUL)
                for h in rng.choices(list(hours), list(hours.values()), k=n)
            )
            for at in moments:
                if at < clock.now():
                    at = clock.now() + timedelta(seconds=1)
                clock.set(at)
                cart = _basket(catalog, rng, weights, items)
                if not cart.lines:
                    continue
                order_type = OrderType.TAKE_OUT if rng.random() < 0.55 else OrderType.DINE_IN
                order = order_from_cart(catalog, cart, order_type, clock.now(), rng.choice(["ko"] * 9 + ["en"]))
                method = rng.choices([m for m, _ in methods], [w for _, w in methods])[0]
                sim.issuer = rng.choice(ISSUERS)
                if method is PaymentMethod.CARD and rng.random() < 0.02:
                    sim.queue(Behaviour.DECLINE_FUNDS)
                for _attempt in range(2):
                    request = PaymentRequest(uuid7(), order.id, order.total, method, order.id[-8:])
                    if method is PaymentMethod.BARCODE:
                        service.submit_code(request.intent_id, f"28{rng.randrange(10**16):016d}")
                    result = service.pay(request, quiet)
                    if result.status is PaymentStatus.APPROVED:
                        break
                    clock.advance(rng.randrange(5, 30))
                else:
                    raise RuntimeError(f"payment {request.intent_id} not approved: {result}")
                clock.advance(rng.randrange(1, 4))
                sale = ledger.record_sale(order, payment_record(result))
                sales += 1
                clock.advance(1)
                if rng.random() < 0.001:
                    printer.fail_next = True
                receipts.after_sale(sale, print_receipt=rng.random() < 0.45)
                for pending in receipts.pending():
                    clock.advance(rng.randrange(60, 300))
                    receipts.reprint(pending.order_id, pending.kind)
                if rng.random() < 0.01:
                    clock.advance(rng.randrange(60, 900))
                    service.refund(order.id, "고객 요청")
            if d % 30 == 29:
                print(f"  history: day {d + 1}/{days}, {sales:,} sales, {time.perf_counter() - t0:.0f} s", flush=True)
    finally:
        service.close()
        terminal.close()
        sim.stop()
        engine.dispose()
        conn = sqlite3.connect(path, isolation_level=None)
        entries = int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    seconds = time.perf_counter() - t0
    return Built(path, sales, entries, path.stat().st_size, seconds)


_lock = threading.Lock()


def one_year(days: int = DAYS, per_day: int = PER_DAY) -> Path:
    """The cached one-year ledger (built once per code version). Treat it as read-only.

    `KIOSK_BENCH_HISTORY=/path/file.sqlite3` uses that file instead (one built by an older version)."""
    given = os.environ.get("KIOSK_BENCH_HISTORY")
    if given:
        return Path(given)
    with _lock:
        path = CACHE / f"history-{code_version()}-{days}d-{per_day}.sqlite3"
        if path.exists():
            return path
        # ~0.6 GB each: keep the newest other one (someone may still be reading it), remove older ones
        others = sorted(CACHE.glob(f"history-*-{days}d-{per_day}.sqlite3"), key=lambda p: p.stat().st_mtime)
        for old in others[:-1]:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{old}{suffix}").unlink(missing_ok=True)
        tmp = path.with_name(path.name + f".building-{os.getpid()}")
        print(f"(building {days} days x ~{per_day} sales of history at {path}; cached afterwards)", flush=True)
        built = build(tmp, days=days, per_day=per_day)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        tmp.rename(path)
        print(
            f"(built {built.sales:,} sales, {built.entries:,} entries in {built.seconds:.0f} s)",
            flush=True,
        )
        return path


def copy_of(dest: Path, days: int = DAYS, per_day: int = PER_DAY) -> Path:
    """A private, writable copy of the one-year ledger at `dest` (a file path)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(one_year(days, per_day), dest)
    return dest


def describe(path: Path) -> dict[str, Any]:
    """Sales, entries, entries by kind and the file's bytes per 100,000 sales."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sales = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        kinds = dict(conn.execute("SELECT kind, count(*) FROM journal GROUP BY kind ORDER BY 2 DESC").fetchall())
        payload = conn.execute("SELECT avg(length(payload)) FROM journal WHERE kind='sale.completed'").fetchone()[0]
    finally:
        conn.close()
    size = path.stat().st_size
    entries = sum(kinds.values())
    return {
        "sales": sales,
        "entries": entries,
        "kinds": kinds,
        "bytes": size,
        "per_100k": size * 100_000 // max(1, sales),
        "entries_per_sale": entries / max(1, sales),
        "sale_payload": payload or 0,
    }


def main(quick: bool = False) -> list[str]:
    if quick:
        with_tmp = CACHE / f"quick-{os.getpid()}.sqlite3"
        built = build(with_tmp, days=2)
        info = describe(with_tmp)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{with_tmp}{suffix}").unlink(missing_ok=True)
        head = f"history (quick, 2 days): built {built.sales:,} sales in {built.seconds:.1f} s"
    else:
        t0 = time.perf_counter()
        path = one_year()
        info = describe(path)
        head = f"history: {path.name} ({time.perf_counter() - t0:.1f} s to get, cached per code version)"
    lines = [
        head,
        f"  {info['sales']:,} sales, {info['entries']:,} journal entries ({info['entries_per_sale']:.2f} a sale), "
        f"{info['bytes'] / 2**20:,.1f} MiB: {info['per_100k'] / 2**20:,.1f} MiB per 100,000 sales; "
        f"sale entry payload {info['sale_payload']:,.0f} B on average",
        "  entries: " + ", ".join(f"{k} {v:,}" for k, v in info["kinds"].items()),
    ]
    for line in lines:
        print(line, flush=True)
    return lines


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
