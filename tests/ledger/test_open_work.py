"""Start-up finds pending work (prints that failed, payment intents left open) by reading what is open,
not the history: a ledger with many completed prints and intents and a few open ones loads exactly the
open ones, and the SQLite work to find them does not grow with the completed ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.ids import uuid7
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.payments import intents
from kiosk.payments.intents import IntentState, IntentStore
from kiosk.ports import FakeClock
from kiosk.receipts import service as receipts
from kiosk.receipts.document import DocumentKind
from kiosk.receipts.port import PrintJob, PrintOutcome
from kiosk.receipts.service import ReceiptService
from tests.ledger.helpers import make_order, open_ledger
from tests.printer.helpers import SHOP, TERMINAL


class _Steps:
    """SQLite's virtual-machine steps on every connection of a ledger (a progress handler per step)."""

    def __init__(self) -> None:
        self.count = 0

    def on_connect(self, conn: sqlite3.Connection, _record: Any) -> None:
        conn.set_progress_handler(self._step, 1)

    def _step(self) -> int:
        self.count += 1
        return 0

    @contextmanager
    def measure(self) -> Iterator[list[int]]:
        out: list[int] = []
        start = self.count
        yield out
        out.append(self.count - start)


class _Unused:
    """Nothing prints in these tests: load_pending only reads."""

    def submit(self, job: PrintJob, done: Any) -> None:
        raise AssertionError(f"nothing should print here ({job.id})")


def _print(ledger: Ledger, order_id: str, number: int, document: str, result: str, job: str = "") -> None:
    """The entry ReceiptService writes for a print job's outcome (its payload, through its projector)."""
    prefix = "receipt" if document == "receipt" else "kitchen_ticket"
    ledger.record(
        f"{prefix}.{result}",
        {
            "job_id": job or f"{order_id}:{document}:1",
            "order_id": order_id,
            "order_number": number,
            "document": document,
            "reprint": result == "reprinted",
            "detail": "" if result != "print_failed" else "paper_end",
            "message": "" if result != "print_failed" else "용지가 없습니다",
        },
    )


def _history(ledger: Ledger, clock: FakeClock, completed: int) -> list[tuple[str, int]]:
    """`completed` card sales with their intent steps and printed kitchen ticket and receipt, then six
    more sales whose prints end up: open (3 receipts failed, one kitchen ticket failed twice), closed
    (failed then reprinted), and one printed. Returns the last six (order id, number)."""
    receipts.install(ledger)
    intents.install(ledger)
    sales: list[tuple[str, int]] = []
    with ledger.transaction():
        for _ in range(completed + 6):
            clock.advance(30)
            order = make_order(clock, "croissant")
            intent = uuid7()
            ledger.record(
                "payment.created",
                {"intent_id": intent, "order_id": order.id, "method": "card", "amount": order.total, "order_ref": ""},
            )
            ledger.record("payment.sent", {"intent_id": intent})
            ledger.record("payment.approved", {"intent_id": intent, "approval_no": "30012345"})
            payment = PaymentRecord(PaymentMethod.CARD, order.total, "KICC", "30012345", "신한카드", "", 0, intent)
            sale = ledger.record_sale(order, payment)
            sales.append((order.id, sale.order_number))
        for order_id, number in sales[:completed]:
            _print(ledger, order_id, number, "kitchen", "printed")
            _print(ledger, order_id, number, "receipt", "printed")
        last = sales[completed:]
        for order_id, number in last[:3]:
            _print(ledger, order_id, number, "receipt", "print_failed")
        kitchen_id, kitchen_no = last[3]
        _print(ledger, kitchen_id, kitchen_no, "kitchen", "print_failed")
        _print(ledger, kitchen_id, kitchen_no, "kitchen", "print_failed", job=f"{kitchen_id}:kitchen:r-2")
        _print(ledger, last[4][0], last[4][1], "receipt", "print_failed")
        _print(ledger, last[4][0], last[4][1], "receipt", "reprinted", job=f"{last[4][0]}:receipt:r-1")
        _print(ledger, last[5][0], last[5][1], "receipt", "printed")
    return last


def _open_intents(store: IntentStore) -> set[tuple[str, IntentState]]:
    """One intent sent and one unknown (a crash mid-payment), one approved without its order."""
    opened = set()
    for state in (IntentState.SENT, IntentState.UNKNOWN, IntentState.APPROVED):
        intent = uuid7()
        store.create(intent, uuid7(), PaymentMethod.CARD, 5000)
        store.transition(intent, IntentState.SENT)
        if state is not IntentState.SENT:
            store.transition(intent, state)
        opened.add((intent, state))
    return opened


def _expected_prints(last: list[tuple[str, int]]) -> set[tuple[str, DocumentKind, str]]:
    kitchen_id = last[3][0]
    return {(oid, DocumentKind.RECEIPT, f"{oid}:receipt:1") for oid, _ in last[:3]} | {
        (kitchen_id, DocumentKind.KITCHEN, f"{kitchen_id}:kitchen:r-2")
    }


def test_start_up_loads_exactly_the_open_prints_and_intents(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        last = _history(ledger, clock, completed=150)
        opened = _open_intents(IntentStore(ledger))
        service = ReceiptService(ledger, _Unused(), SHOP, TERMINAL)
        assert service.load_pending() == 4
        pending = service.pending()
        assert {(p.order_id, p.kind, p.failed_job_id) for p in pending} == _expected_prints(last)
        numbers = dict(last)
        assert all(p.order_number == numbers[p.order_id] for p in pending)
        assert all(p.detail == "paper_end" and p.message == "용지가 없습니다" for p in pending)
        receipt = next(p for p in pending if p.kind is DocumentKind.RECEIPT)
        assert receipt.qr_content.startswith(f"HKR1:{TERMINAL}:")  # what the screen shows instead
        assert {(i.id, i.state) for i in IntentStore(ledger).pending()} == opened
    finally:
        ledger.close()


def test_a_print_outcome_seen_during_the_load_wins(tmp_path: Path) -> None:
    """A print that completes while the pending prints are being read (the load runs off the GUI
    thread, beside the printer) is not brought back by the load."""
    clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        last = _history(ledger, clock, completed=2)
        service = ReceiptService(ledger, _Unused(), SHOP, TERMINAL)
        order_id = last[0][0]
        view = service.sale_view(order_id)
        doc = service.receipt(order_id)
        job = PrintJob(f"{order_id}:receipt:r-9", order_id, doc, reprint=True)
        service._done(view, DocumentKind.RECEIPT, job, PrintOutcome(job.id, True))  # the printer's callback
        assert service.load_pending() == 3
        assert order_id not in {p.order_id for p in service.pending()}
        assert ReceiptService(ledger, _Unused(), SHOP, TERMINAL).load_pending() == 3  # the ledger agrees
    finally:
        ledger.close()


def test_print_outcomes_are_not_kept_once_no_load_is_reading(tmp_path: Path) -> None:
    """The outcomes the service remembers (so that one seen during a load wins) are kept only while a load
    reads: a kiosk prints 1.5 documents an order for months (issue 11's soak: they were kept for good)."""
    clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        _history(ledger, clock, completed=40)
        service = ReceiptService(ledger, _Unused(), SHOP, TERMINAL)
        assert service.load_pending() == 4
        with ledger.reading() as s:
            completed = [r[0] for r in s.connection().exec_driver_sql("SELECT id FROM orders LIMIT 40").all()]
        for order_id in completed:
            view = service.sale_view(order_id)
            for kind in (DocumentKind.KITCHEN, DocumentKind.RECEIPT):
                job = PrintJob(f"{order_id}:{kind.value}:r-2", order_id, service.receipt(order_id), reprint=True)
                service._done(view, kind, job, PrintOutcome(job.id, True))  # the printer's callback
        assert service._seen == set()
        assert service.load_pending() == 4  # what the printed ones did is in the ledger: the same open prints
    finally:
        ledger.close()


def test_finding_open_work_does_not_grow_with_history(tmp_path: Path) -> None:
    """The same open prints and intents under 10 and under 300 completed sales: the SQLite work to find
    them is the same (reading the print history or scanning the approved intents would grow 30-fold)."""
    work = {}
    for completed in (10, 300):
        steps = _Steps()
        clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC))
        ledger = open_ledger(tmp_path / f"{completed}.db", clock, on_connect=steps.on_connect)
        try:
            _history(ledger, clock, completed)
            store = IntentStore(ledger)
            _open_intents(store)
            service = ReceiptService(ledger, _Unused(), SHOP, TERMINAL)
            with steps.measure() as prints:
                assert service.load_pending() == 4
            with steps.measure() as open_intents:
                assert len(store.pending()) == 3
            work[completed] = (prints[0], open_intents[0])
        finally:
            ledger.close()
    (prints_small, intents_small), (prints_big, intents_big) = work[10], work[300]
    assert prints_big <= prints_small * 1.2, work
    assert intents_big <= intents_small * 1.2, work


def test_migration_backfills_open_prints_once_from_an_older_ledger(tmp_path: Path) -> None:
    """A ledger written before the open-prints read model existed: its print entries are in the journal
    only. Opening it runs migration 0006, which finds the open ones once; start-up then reads those."""
    path = tmp_path / "old.db"
    clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC))
    ledger = open_ledger(path, clock)
    try:
        last = _history(ledger, clock, completed=20)
    finally:
        ledger.close()
    conn = sqlite3.connect(path)
    with conn:  # back to the schema before 0006: no read model, the print entries stay
        conn.execute("DROP TABLE open_prints")
        conn.execute("DELETE FROM alembic_version WHERE version_num = '0006'")
    conn.close()
    ledger = open_ledger(path, clock)
    try:
        service = ReceiptService(ledger, _Unused(), SHOP, TERMINAL)
        assert service.load_pending() == 4
        assert {(p.order_id, p.kind, p.failed_job_id) for p in service.pending()} == _expected_prints(last)
    finally:
        ledger.close()


def _refunds(ledger: Ledger, store: IntentStore, settled: int) -> str:
    """`settled` refunds asked and committed, and one asked of the provider with its outcome never
    committed (a crash in between): returns that intent's id."""
    stuck = ""
    for n in range(settled + 1):
        intent = uuid7()
        store.create(intent, uuid7(), PaymentMethod.CARD, 5000)
        store.transition(intent, IntentState.SENT)
        store.transition(intent, IntentState.APPROVED, approval_no="30012345")
        ledger.record(intents.REFUND_REQUESTED_KIND, {"intent_id": intent, "order_id": "", "reason": f"요청 {n}"})
        if n < settled:
            store.transition(intent, IntentState.REFUNDED, reason="환불")
        else:
            stuck = intent
    return stuck


def test_open_refund_requests_are_the_unsettled_ones_and_cost_the_same_under_more_history(tmp_path: Path) -> None:
    work = {}
    for settled in (2, 40):
        steps = _Steps()
        ledger = open_ledger(tmp_path / f"{settled}.db", on_connect=steps.on_connect)
        try:
            store = IntentStore(ledger)
            stuck = _refunds(ledger, store, settled)
            with steps.measure() as found:
                requests = store.open_refund_requests()
            assert [(i.id, i.state, reason) for i, reason in requests] == [
                (stuck, IntentState.APPROVED, f"요청 {settled}")
            ]
            work[settled] = found[0]
        finally:
            ledger.close()
    assert work[40] <= work[2] * 1.2, work


def test_migration_backfills_open_refund_requests_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    ledger = open_ledger(path)
    try:
        stuck = _refunds(ledger, IntentStore(ledger), 3)
    finally:
        ledger.close()
    conn = sqlite3.connect(path)
    with conn:  # back to the schema before 0008: the requests are in the journal only
        conn.execute("DROP TABLE open_refund_requests")
        conn.execute("UPDATE alembic_version SET version_num = '0007' WHERE version_num = '0008'")
    conn.close()
    ledger = open_ledger(path)
    try:
        assert [(i.id, reason) for i, reason in IntentStore(ledger).open_refund_requests()] == [(stuck, "요청 3")]
    finally:
        ledger.close()
