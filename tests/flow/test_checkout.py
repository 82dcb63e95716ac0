"""Checkout with the simulated provider and a real ledger file; the controller's clock-driven timers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.flow.checkout import NOT_PAID_IN_TIME, Checkout
from kiosk.flow.controller import FlowController
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import OrderRow, PaymentRow
from kiosk.payments.port import Instruction, PaymentPrompt, PaymentResult, PaymentStatus
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock


class Collector:
    def __init__(self) -> None:
        self.prompts: list[PaymentPrompt] = []
        self.results: list[PaymentResult] = []
        self.done = threading.Event()

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        self.prompts.append(prompt)

    def on_result(self, result: PaymentResult) -> None:
        self.results.append(result)
        self.done.set()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))


@pytest.fixture
def ledger(tmp_path: Path, clock: FakeClock) -> Iterator[Ledger]:
    ledger = Ledger.open(tmp_path / "ledger.sqlite3", clock=clock)
    yield ledger
    ledger.close()


@pytest.fixture
def provider() -> Iterator[SimulatedPaymentProvider]:
    p = SimulatedPaymentProvider(delay_seconds=0.05)
    yield p
    p.close()


def orders(ledger: Ledger) -> list[dict[str, object]]:
    with ledger.reading() as s:
        return [dict(r) for r in s.execute(select(OrderRow.__table__)).mappings()]


def test_approved_payment_records_one_sale(
    catalog: Catalog, ledger: Ledger, provider: SimulatedPaymentProvider, clock: FakeClock
) -> None:
    cart = Cart().add(catalog, "americano", (("temp", ("iced",)), ("size", ("large",))), 2).add(catalog, "milk_1l")
    checkout = Checkout(ledger, provider, clock)
    listener = Collector()
    request = checkout.begin(catalog, cart, OrderType.TAKE_OUT, PaymentMethod.CARD, listener, "en")
    assert listener.done.wait(5)
    assert listener.prompts[0].instruction is Instruction.CARD
    event = checkout.finish(listener.results[0])
    assert event == m.PaymentApproved(1)
    rows = orders(ledger)
    assert len(rows) == 1
    total = 2 * (3500 + 500 + 700) + 3200
    row = rows[0]
    assert (row["total"], row["tax_free_total"], row["vat"]) == (total, 3200, 9400 - 8545)
    assert row["order_type"] == "take_out" and row["language"] == "en" and row["id"] == request.order_id
    with ledger.reading() as s:
        pay = s.execute(select(PaymentRow.id, PaymentRow.amount, PaymentRow.approval_no, PaymentRow.masked_card)).one()
    assert pay.id == request.intent_id  # the payment is recorded under its intent id (the sale guard's key)
    assert pay.amount == total and pay.approval_no.startswith("SIM") and "*" in pay.masked_card


def test_declined_then_cancelled_records_nothing(
    catalog: Catalog, ledger: Ledger, provider: SimulatedPaymentProvider, clock: FakeClock
) -> None:
    cart = Cart().add(catalog, "cheesecake")
    checkout = Checkout(ledger, provider, clock)
    provider.decline_next()
    listener = Collector()
    checkout.begin(catalog, cart, OrderType.DINE_IN, PaymentMethod.QR, listener)
    assert listener.done.wait(5)
    assert listener.prompts[0].instruction is Instruction.SCAN_QR and listener.prompts[0].qr_payload
    assert checkout.finish(listener.results[0]) == m.PaymentDeclined("잔액 부족")
    provider.delay_seconds = 30
    listener = Collector()
    checkout.begin(catalog, cart, OrderType.DINE_IN, PaymentMethod.BARCODE, listener)
    checkout.cancel()
    assert listener.done.wait(5)
    assert listener.results[0].status is PaymentStatus.CANCELLED
    assert checkout.finish(listener.results[0]) == m.PaymentCancelled()
    assert orders(ledger) == []


def test_a_payment_that_ends_without_the_customer_cancelling_offers_retry(
    catalog: Catalog, ledger: Ledger, provider: SimulatedPaymentProvider, clock: FakeClock
) -> None:
    # What PaymentService reports when the QR's time runs out with nobody paying: CANCELLED, unasked.
    checkout = Checkout(ledger, provider, clock)
    listener = Collector()
    request = checkout.begin(catalog, Cart().add(catalog, "cheesecake"), OrderType.DINE_IN, PaymentMethod.QR, listener)
    expired = PaymentResult(request.intent_id, PaymentStatus.CANCELLED, PaymentMethod.QR, reason="QR 시간 초과")
    assert listener.done.wait(5)
    assert checkout.finish(expired) == m.PaymentDeclined(NOT_PAID_IN_TIME)
    assert orders(ledger) == []
    # the same answer after the customer pressed cancel goes back to the method screen, as before
    request = checkout.begin(
        catalog, Cart().add(catalog, "cheesecake"), OrderType.DINE_IN, PaymentMethod.QR, Collector()
    )
    checkout.cancel()
    cancelled = PaymentResult(request.intent_id, PaymentStatus.CANCELLED, PaymentMethod.QR)
    assert checkout.finish(cancelled) == m.PaymentCancelled()


def test_late_answer_for_an_abandoned_payment_is_not_a_sale(
    catalog: Catalog, ledger: Ledger, provider: SimulatedPaymentProvider, clock: FakeClock
) -> None:
    checkout = Checkout(ledger, provider, clock)
    late = PaymentResult("not-ours", PaymentStatus.APPROVED, PaymentMethod.CARD, 3500)
    assert isinstance(checkout.finish(late), m.PaymentFailed)
    assert orders(ledger) == []


def controller(
    catalog: Catalog, clock: FakeClock, on_effect: Callable[[m.Effect], None] = lambda e: None
) -> FlowController:
    """The demo shop's timings: idle reset at 90 s, warned 25 s before; result 15 s; easy mode × 2."""
    return FlowController(
        m.initial_state(catalog),
        clock,
        idle_timeout_seconds=90,
        idle_warning_seconds=25,
        result_seconds=15,
        on_effect=on_effect,
        easy_idle_factor=2.0,
    )


def test_controller_warns_extends_and_resets_on_the_clock(catalog: Catalog, clock: FakeClock) -> None:
    effects: list[m.Effect] = []
    ctl = controller(catalog, clock, effects.append)
    ctl.send(m.Start())
    ctl.send(m.ChooseOrderType(OrderType.DINE_IN))
    ctl.send(m.OpenItem("cheesecake"))
    clock.advance(64)
    ctl.tick()
    assert not ctl.state.idle_warning
    clock.advance(1)
    ctl.tick()
    assert ctl.state.idle_warning and ctl.seconds_left(m.Timer.IDLE) == 25
    ctl.send(m.MoreTime())
    clock.advance(80)
    ctl.tick()
    assert ctl.state.step is m.Step.MENU and ctl.state.idle_warning
    clock.advance(10)
    ctl.tick()
    assert ctl.state.step is m.Step.ATTRACT and not ctl.state.cart.lines


def test_controller_never_resets_while_paying_and_result_times_out(catalog: Catalog, clock: FakeClock) -> None:
    effects: list[m.Effect] = []
    ctl = controller(catalog, clock, effects.append)
    path = (m.Start(), m.ChooseOrderType(OrderType.DINE_IN), m.OpenItem("cheesecake"), m.OpenCart(), m.ProceedToPay())
    for e in path:
        ctl.send(e)
    ctl.send(m.ChoosePaymentMethod(PaymentMethod.CARD))
    assert effects == [m.StartPayment(PaymentMethod.CARD)]
    clock.advance(1000)
    ctl.tick()
    assert ctl.state.step is m.Step.PAYING
    ctl.send(m.PaymentApproved(12))
    clock.advance(14)
    ctl.tick()
    assert ctl.state.step is m.Step.RESULT
    clock.advance(1)
    ctl.tick()
    assert ctl.state.step is m.Step.ATTRACT


def test_easy_mode_gives_more_time_before_the_warning_and_the_reset(catalog: Catalog, clock: FakeClock) -> None:
    ctl = controller(catalog, clock)
    ctl.send(m.SetEasyMode(True))
    ctl.send(m.Start())
    ctl.send(m.ChooseOrderType(OrderType.DINE_IN))
    assert ctl.seconds_left(m.Timer.IDLE) == 180
    clock.advance(129)  # a normal customer would have been reset by now
    ctl.tick()
    assert ctl.state.step is m.Step.MENU and not ctl.state.idle_warning
    clock.advance(1)
    ctl.tick()
    assert ctl.state.idle_warning and ctl.seconds_left(m.Timer.IDLE) == 50
    clock.advance(50)
    ctl.tick()
    assert ctl.state.step is m.Step.ATTRACT and not ctl.state.easy
    # the next customer has the normal time again
    ctl.send(m.Start())
    assert ctl.seconds_left(m.Timer.IDLE) == 90


def test_controller_undoes_an_abandoned_attract_screen_choice(catalog: Catalog, clock: FakeClock) -> None:
    ctl = controller(catalog, clock)
    ctl.send(m.SetEasyMode(True))
    ctl.send(m.ChooseLanguage("en"))
    clock.advance(89)
    ctl.tick()
    assert ctl.state.easy and ctl.state.language == "en" and not ctl.state.idle_warning
    clock.advance(1)
    ctl.tick()
    assert ctl.state.step is m.Step.ATTRACT and not ctl.state.easy and ctl.state.language == "ko"
