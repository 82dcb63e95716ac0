"""Shared pieces of the counter tests (tests/counter) and their child processes: a ledger with the counter's
core on it, people signed in, card payments through the real PaymentService on a simulated gateway, and a
recomputation of a Z's totals straight from the journal (not from the read models the Z reads)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.counter.cash_receipts import CashReceipts, SimulatedCashReceiptProvider
from kiosk.counter.day import BusinessDay
from kiosk.counter.rules import CounterRules
from kiosk.counter.sales import Counter, Tender, approved_tender
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import Ledger
from kiosk.payments.port import PaymentPrompt, PaymentRequest, PaymentResult, PaymentStatus
from kiosk.payments.service import PaymentService
from kiosk.payments.simulated import SimulatedGateway
from kiosk.ports import FakeClock
from kiosk.session.modes import Role, SignedIn

REPO = Path(__file__).resolve().parents[2]
SEOUL = ZoneInfo("Asia/Seoul")
KEY = b"counter-test-key-0123456789abcdef"
STAFF = SignedIn(Role.STAFF, "person-staff", "김직원")
MANAGER = SignedIn(Role.MANAGER, "person-manager", "이점장")
OWNER = SignedIn(Role.OWNER, "person-owner", "박점주")
PHONE = "01012345678"  # a customer's mobile number: must never be written anywhere in clear
BUSINESS = "6178123455"  # a customer's business number (valid check digit)


def catalog() -> Catalog:
    return load_catalog(REPO / "assets" / "demo" / "catalog.json")


class _Listener:
    def on_prompt(self, prompt: PaymentPrompt) -> None:
        pass

    def on_result(self, result: PaymentResult) -> None:
        pass


@dataclass
class World:
    ledger: Ledger
    clock: FakeClock
    catalog: Catalog
    rules: CounterRules
    day: BusinessDay
    counter: Counter
    payments: PaymentService
    receipts: CashReceipts
    provider: SimulatedCashReceiptProvider
    drawer: Any = None
    _n: list[int] = field(default_factory=lambda: [0])

    def card(self, order_id: str, amount: int, method: PaymentMethod = PaymentMethod.CARD) -> Tender:
        """Pay `amount` of `order_id` through the real PaymentService (intent first) and return the part."""
        self._n[0] += 1
        request = PaymentRequest(f"intent-{order_id[-8:]}-{self._n[0]}", order_id, amount, method)
        result = self.payments.pay(request, _Listener(), threading.Event())
        assert result.status is PaymentStatus.APPROVED, result
        return approved_tender(result)

    def close(self) -> None:
        self.payments.close()
        self.ledger.close()


class CountingDrawer:
    """A drawer that counts kicks (the printer-backed one is tested against the printer simulator)."""

    def __init__(self) -> None:
        self.kicks = 0

    def kick(self) -> None:
        self.kicks += 1

    def is_open(self) -> bool | None:
        return None


def make_world(path: Path, rules: CounterRules | None = None, *, start: datetime | None = None) -> World:
    clock = FakeClock(start or datetime(2026, 11, 30, 0, 30, tzinfo=UTC))  # 09:30 in Seoul
    ledger = Ledger.open(path, device_id="COUNTER-01", clock=clock, tz=SEOUL)
    rules = rules or CounterRules()
    drawer = CountingDrawer()
    day = BusinessDay(ledger, rules, drawer)
    provider = SimulatedCashReceiptProvider(clock)
    receipts = CashReceipts(ledger, provider, KEY)
    gateways = [
        SimulatedGateway(m, delay_seconds=0) for m in (PaymentMethod.CARD, PaymentMethod.QR, PaymentMethod.BARCODE)
    ]
    payments = PaymentService(ledger, gateways)
    counter = Counter(ledger, catalog(), day, rules, cash_receipts=receipts, held_dir=path.parent)
    return World(ledger, clock, counter.catalog, rules, day, counter, payments, receipts, provider, drawer)


def journal(ledger: Ledger) -> list[tuple[int, str, dict[str, Any]]]:
    with ledger.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT seq, kind, payload FROM journal ORDER BY seq").all()
        conn.rollback()
    return [(int(s), str(k), json.loads(p)) for s, k, p in rows]


def recompute_from_journal(ledger: Ledger, from_seq: int, to_seq: int, session_id: str) -> dict[str, Any]:
    """The Z's money figures summed from journal payloads alone (independent of the read models)."""
    sales = refunds = count = r_count = discounts = 0
    by_method: dict[str, int] = {}
    vat = taxable = tax_free = 0
    cash = 0
    no_sales: dict[str, int] = {}
    orders: dict[str, dict[str, Any]] = {}
    first = last = None
    for seq, kind, p in journal(ledger):
        if kind == "sale.completed":
            orders[p["order"]["id"]] = p
        in_range = from_seq <= seq <= to_seq
        if kind == "sale.completed" and in_range:
            count += 1
            sales += p["totals"]["total"]
            vat += p["totals"]["vat"]
            taxable += p["totals"]["taxable"]
            tax_free += p["totals"]["tax_free"]
            parts = p["counter"]["payments"] if "counter" in p else [p["payment"]]
            for part in parts:
                by_method[part["method"]] = by_method.get(part["method"], 0) + part["amount"]
            first = p["order_number"] if first is None else first
            last = p["order_number"]
            discounts += sum(d["amount"] for d in p.get("counter", {}).get("discounts", []))
        if kind == "sale.refunded" and in_range:
            r_count += 1
            refunds += p["amount"]
            o = orders[p["order_id"]]["totals"]
            vat -= o["vat"]
            taxable -= o["taxable"]
            tax_free -= o["tax_free"]
        if kind == "drawer.no_sale" and in_range:
            no_sales[p["person_id"]] = no_sales.get(p["person_id"], 0) + 1
        # the drawer: everything of the session (a reopened day's too)
        if p.get("session_id") == session_id or p.get("counter", {}).get("session_id") == session_id:
            if kind == "day.opened":
                cash += p["float"]
            elif kind == "day.paid_in":
                cash += p["amount"]
            elif kind == "day.paid_out":
                cash -= p["amount"]
            elif kind == "drawer.opened":
                cash -= p.get("refund_amount", 0)
            elif kind == "sale.completed":
                for part in p["counter"]["payments"]:
                    if part["method"] == "cash":
                        cash += part["amount"]
                    elif part["method"] == "voucher":
                        cash -= part["change"]
    return {
        "count": count,
        "gross": sales,
        "by_method": by_method,
        "refund_count": r_count,
        "refunds": refunds,
        "vat": vat,
        "taxable": taxable,
        "tax_free": tax_free,
        "discounts": discounts,
        "no_sales": no_sales,
        "expected_cash": cash,
        "first": first,
        "last": last,
    }


def at(clock: FakeClock, hour: int, minute: int = 0) -> None:
    """Move the fake clock to HH:MM Seoul time on 2026-11-30."""
    clock.set(datetime(2026, 11, 30, hour, minute, tzinfo=SEOUL).astimezone(UTC))


def count_of(amount: int) -> Any:
    """The fewest notes and coins that make `amount` (a count that matches exactly)."""
    from kiosk.counter.day import CashCount
    from kiosk.counter.rules import DENOMINATIONS

    counts = {}
    for value in DENOMINATIONS:
        counts[value], amount = divmod(amount, value)
    assert amount == 0
    return CashCount(counts)
