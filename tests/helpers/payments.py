"""Shared pieces of the payment tests: the pty terminal simulator rig, a fast fake clock, a listener, and the
invariants every payment scenario must keep (the fault matrix and the SIGKILL tests)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from hardware.card_terminal.driver import SerialCardTerminal
from hardware.card_terminal.simulator import TerminalSimulator
from kiosk.domain.order import Order, PaymentMethod
from kiosk.ledger import Ledger
from kiosk.ledger.models import OrderRow
from kiosk.payments.card import CardGateway
from kiosk.payments.intents import IntentState
from kiosk.payments.port import PaymentPrompt, PaymentRequest, PaymentResult
from kiosk.payments.service import PaymentService, payment_record
from kiosk.ports import FakeClock
from tests.ledger.helpers import make_order, open_ledger


class StepClock(FakeClock):
    """A fake clock whose monotonic time moves `step` seconds each time it is read: the adapter's
    60-second timeouts pass in a few real milliseconds, with no sleeps."""

    def __init__(self, step: float = 0.05) -> None:
        super().__init__(datetime(2026, 11, 21, 3, tzinfo=UTC))
        self.step = step

    def monotonic(self) -> float:
        self.advance(self.step)
        return super().monotonic()


@dataclass
class Listener:
    prompts: list[PaymentPrompt] = field(default_factory=list)
    results: list[PaymentResult] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)
    prompted: threading.Event = field(default_factory=threading.Event)

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        self.prompts.append(prompt)
        self.prompted.set()

    def on_result(self, result: PaymentResult) -> None:
        self.results.append(result)
        self.done.set()

    def wait(self, timeout: float = 20.0) -> PaymentResult:
        assert self.done.wait(timeout), "no payment result"
        return self.results[0]


def fast_terminal(port: str, clock: FakeClock | None = None, **timeouts: float) -> SerialCardTerminal:
    """Timeouts in fake seconds that pass one 0.05 s step per idle read of 1 ms: a lost reply costs
    ~60 real ms. `timeouts` overrides approval_timeout, reply_timeout, ack_timeout."""
    settings = {"approval_timeout": 3.0, "reply_timeout": 2.0, "ack_timeout": 0.5, **timeouts}
    return SerialCardTerminal(port, retries=3, clock=clock or StepClock(0.05), read_slice=0.001, **settings)


@dataclass
class Rig:
    sim: TerminalSimulator
    terminal: SerialCardTerminal
    ledger: Ledger
    service: PaymentService
    clock: FakeClock

    def pay(self, order: Order, intent_id: str, method: PaymentMethod = PaymentMethod.CARD) -> PaymentResult:
        listener = Listener()
        self.service.start(PaymentRequest(intent_id, order.id, order.total, method), listener)
        result = listener.wait()
        self.service.wait_idle()
        return result

    def checkout(self, order: Order, result: PaymentResult) -> None:
        """What the checkout does with an approval: record the sale (with the intent id)."""
        self.ledger.record_sale(order, payment_record(result))

    def order(self) -> Order:
        return make_order(self.clock)

    def reopen(self) -> None:
        self.service.close()
        self.ledger.close()
        self.ledger = open_ledger(self.ledger_path, self.clock)
        self.service = PaymentService(self.ledger, [CardGateway(self.terminal)])

    @property
    def ledger_path(self) -> Path:
        return Path(str(self.ledger.engine.url.database))


@contextmanager
def card_rig(tmp_path: Path, sim: TerminalSimulator | None = None) -> Iterator[Rig]:
    own = sim is None
    sim = sim or TerminalSimulator()
    if own:
        sim.start()
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    terminal = fast_terminal(sim.port)
    terminal.open()
    ledger = open_ledger(tmp_path / "ledger.sqlite3", clock)
    rig = Rig(sim, terminal, ledger, PaymentService(ledger, [CardGateway(terminal)]), clock)
    try:
        yield rig
    finally:
        rig.service.close()
        rig.ledger.close()
        terminal.close()
        if own:
            sim.stop()


def check_invariants(sim: TerminalSimulator, ledger: Ledger, service: PaymentService, intent_ids: list[str]) -> None:
    store = service.store
    order_ids = [i.order_id for i in map(store.find, intent_ids) if i is not None]
    with ledger.reading() as s:
        rows = s.execute(select(OrderRow).where(OrderRow.id.in_(order_ids))).scalars()
        orders = {r.id: r.status for r in rows}
    approvals = completed = net_cancelled = refunded = review = 0
    for intent_id in intent_ids:
        requests = sim.requests.count(f"A:{intent_id}")
        assert requests <= 1, f"{intent_id}: {requests} approval requests"
        bank = [b for b in sim.bank if b.intent_id == intent_id]
        open_bank = [b for b in bank if not b.cancelled]
        assert len(open_bank) <= 1
        intent = store.find(intent_id)
        if intent is None:  # crashed before the intent was written: nothing may have been sent
            assert requests == 0 and not bank
            continue
        assert intent.final, f"{intent_id} left {intent.state}"
        kept = intent.state is IntentState.APPROVED and intent.order_completed
        assert bool(open_bank) == kept, f"{intent_id}: bank open={bool(open_bank)} but intent {intent.state}"
        if kept:
            assert orders.get(intent.order_id) == "completed"
        if intent.state is IntentState.REFUNDED:
            assert orders.get(intent.order_id) == "refunded"
        if bank:
            assert intent.ever_approved, f"{intent_id}: approved at the bank, not in the ledger"
        if intent.ever_approved:
            approvals += 1
            completed += kept
            net_cancelled += intent.state is IntentState.NET_CANCELLED
            refunded += intent.state is IntentState.REFUNDED
            review += intent.state is IntentState.MANUAL_REVIEW
    assert approvals == completed + net_cancelled + refunded + review
    # no completed order without a committed approval (every sale in this ledger went through the guard)
    for order_id in orders:
        assert any(i.ever_approved and i.order_completed for i in store.for_order(order_id))
