"""The customer's session without Qt: payments, the sale, the receipt's status and staff calls, with the
session's thread simulated by a queue that the test drains (as the GUI thread's event loop would)."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import REPO_ROOT
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.flow.checkout import Checkout
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import OrderRow
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock
from kiosk.session.customer import (
    BecameReady,
    CustomerSession,
    FlowChanged,
    FlowTimings,
    ReceiptChanged,
    ReceiptStatus,
    SessionEvent,
    SessionServices,
)


class Loop:
    """The session's thread: `post` queues a call from any thread, `run_until` runs them here."""

    def __init__(self) -> None:
        self.calls: queue.Queue[Callable[[], None]] = queue.Queue()

    def post(self, call: Callable[[], None]) -> None:
        self.calls.put(call)

    def run_until(self, done: Callable[[], bool], timeout: float = 5.0) -> None:
        while not done():
            self.calls.get(timeout=timeout)()


Running = tuple[CustomerSession, Loop, list[SessionEvent], Ledger]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Running]:
    catalog: Catalog = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
    clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
    ledger = Ledger.open(tmp_path / "ledger.sqlite3", clock=clock)
    provider = SimulatedPaymentProvider(delay_seconds=0.01)
    s = CustomerSession(catalog, "ko", clock, FlowTimings(90, 25, 20, 2.0))
    seen: list[SessionEvent] = []
    s.listener = seen.append
    loop = Loop()
    s.start()
    assert s.state.step is m.Step.ATTRACT  # not ready: touch to start does nothing
    s.attach(SessionServices(Checkout(ledger, provider, clock)), loop.post)
    yield s, loop, seen, ledger
    provider.close()
    ledger.close()


def order_cheesecake(s: CustomerSession, method: PaymentMethod = PaymentMethod.CARD) -> None:
    s.start()
    for e in (m.ChooseOrderType(OrderType.TAKE_OUT), m.OpenItem("cheesecake"), m.OpenCart(), m.ProceedToPay()):
        s.send(e)
    s.send(m.ChoosePaymentMethod(method))


def test_a_paid_order_is_recorded_and_its_receipt_has_a_typed_status(session: Running) -> None:
    s, loop, seen, ledger = session
    assert any(isinstance(e, BecameReady) for e in seen)
    order_cheesecake(s)
    loop.run_until(lambda: s.state.step is m.Step.RESULT)
    assert s.state.order_number == 1
    with ledger.reading() as db:
        assert list(db.execute(select(OrderRow.total)).scalars()) == [6000]
    sale = s.checkout.last_sale
    assert sale is not None and s.receipt.status is ReceiptStatus.NONE and s.receipt.order_id == sale.order_id
    # no ReceiptService attached: asking records the wish, nothing prints
    s.send(m.AnswerReceipt(True))
    assert s.receipts_requested == [1]
    assert s.receipt.status is ReceiptStatus.NONE
    s.send(m.Finish())
    assert s.receipt.order_id == "" and any(isinstance(e, ReceiptChanged) for e in seen)
    steps = [e.new.step for e in seen if isinstance(e, FlowChanged)]
    assert steps[-1] is m.Step.ATTRACT and m.Step.PAYING in steps


def test_a_declined_payment_then_retry(session: Running) -> None:
    s, loop, _seen, _ledger = session
    s.decline_next()
    order_cheesecake(s)
    loop.run_until(lambda: s.state.step is m.Step.PAYMENT_FAILED)
    s.send(m.RetryPayment())
    loop.run_until(lambda: s.state.step is m.Step.RESULT)
    assert s.state.order_number == 1


def test_staff_call_is_counted(session: Running) -> None:
    s, _loop, _seen, _ledger = session
    s.send(m.CallStaff())
    assert s.staff_calls == 1 and s.state.staff_called


def test_payment_methods_offered_in_screen_order(session: Running) -> None:
    s, _loop, _seen, _ledger = session
    assert s.payment_methods() == [PaymentMethod.CARD, PaymentMethod.QR, PaymentMethod.BARCODE]
