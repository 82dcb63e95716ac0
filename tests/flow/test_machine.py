"""The ordering flow's state machine, table-driven: every step, its intents, timers and refusals."""

from __future__ import annotations

import pytest

from kiosk.config import REPO_ROOT
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.flow.machine import Step


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")


def run(state: m.FlowState, *events: m.Event) -> tuple[m.FlowState, list[m.Effect]]:
    effects: list[m.Effect] = []
    for e in events:
        state, eff = m.transition(state, e)
        effects.extend(eff)
    return state, effects


def at_step(catalog: Catalog, step: Step) -> m.FlowState:
    """A state at `step` reached through real intents (an americano, iced, regular, in the cart)."""
    s = m.initial_state(catalog)
    path: list[m.Event] = [m.Start()]
    if step is Step.ORDER_TYPE:
        return run(s, *path)[0]
    path.append(m.ChooseOrderType(OrderType.TAKE_OUT))
    if step is Step.MENU:
        return run(s, *path)[0]
    path.append(m.OpenItem("americano"))
    if step is Step.OPTIONS:
        return run(s, *path)[0]
    path += [m.ToggleOption("temp", "iced"), m.ToggleOption("size", "regular"), m.AddToCart(), m.OpenCart()]
    if step is Step.CART:
        return run(s, *path)[0]
    path.append(m.ProceedToPay())
    if step is Step.PAYMENT_METHOD:
        return run(s, *path)[0]
    path.append(m.ChoosePaymentMethod(PaymentMethod.CARD))
    if step is Step.PAYING:
        return run(s, *path)[0]
    if step is Step.PAYMENT_FAILED:
        return run(s, *path, m.PaymentDeclined("잔액 부족"))[0]
    if step is Step.RESULT:
        return run(s, *path, m.PaymentApproved(7))[0]
    return s


# (step, event, expected step)
NAVIGATION = [
    (Step.ATTRACT, m.Start(), Step.ORDER_TYPE),
    (Step.ORDER_TYPE, m.ChooseOrderType(OrderType.DINE_IN), Step.MENU),
    (Step.ORDER_TYPE, m.Back(), Step.ATTRACT),
    (Step.ORDER_TYPE, m.CancelOrder(), Step.ATTRACT),
    (Step.MENU, m.OpenItem("americano"), Step.OPTIONS),
    (Step.MENU, m.OpenItem("strawberry_latte"), Step.MENU),  # sold out
    (Step.MENU, m.OpenItem("cheesecake"), Step.MENU),  # no options: straight into the cart
    (Step.MENU, m.OpenCart(), Step.MENU),  # empty cart: stays and says so
    (Step.MENU, m.Back(), Step.ORDER_TYPE),
    (Step.MENU, m.CancelOrder(), Step.ATTRACT),
    (Step.OPTIONS, m.AddToCart(), Step.OPTIONS),  # required options missing
    (Step.OPTIONS, m.Back(), Step.MENU),
    (Step.OPTIONS, m.CancelOrder(), Step.ATTRACT),
    (Step.CART, m.ProceedToPay(), Step.PAYMENT_METHOD),
    (Step.CART, m.Back(), Step.MENU),
    (Step.CART, m.RemoveLine(0), Step.MENU),  # the last line gone: back to the menu
    (Step.PAYMENT_METHOD, m.ChoosePaymentMethod(PaymentMethod.QR), Step.PAYING),
    (Step.PAYMENT_METHOD, m.Back(), Step.CART),
    (Step.PAYING, m.PaymentApproved(3), Step.RESULT),
    (Step.PAYING, m.PaymentDeclined("한도 초과"), Step.PAYMENT_FAILED),
    (Step.PAYING, m.PaymentCancelled(), Step.PAYMENT_METHOD),
    (Step.PAYING, m.PaymentFailed("직원을 불러 주세요"), Step.PAYMENT_FAILED),
    (Step.PAYING, m.Back(), Step.PAYING),  # no leaving while money may move
    (Step.PAYING, m.CancelOrder(), Step.PAYING),
    (Step.PAYING, m.IdleExpired(), Step.PAYING),  # never reset during a payment
    (Step.PAYMENT_FAILED, m.RetryPayment(), Step.PAYING),
    (Step.PAYMENT_FAILED, m.ChooseOtherMethod(), Step.PAYMENT_METHOD),
    (Step.PAYMENT_FAILED, m.Back(), Step.CART),
    (Step.RESULT, m.Finish(), Step.ATTRACT),
    (Step.RESULT, m.ResultTimeout(), Step.ATTRACT),
    (Step.RESULT, m.Back(), Step.RESULT),
    (Step.ATTRACT, m.AddToCart(), Step.ATTRACT),  # unknown pair: a no-op
]


@pytest.mark.parametrize(("step", "event", "expected"), NAVIGATION, ids=lambda v: getattr(v, "value", type(v).__name__))
def test_navigation_table(catalog: Catalog, step: Step, event: m.Event, expected: Step) -> None:
    state = at_step(catalog, step)
    assert state.step is step
    new, _ = m.transition(state, event)
    assert new.step is expected


@pytest.mark.parametrize("step", [Step.ORDER_TYPE, Step.MENU, Step.OPTIONS, Step.CART, Step.PAYMENT_METHOD])
def test_idle_expiry_resets_and_empties_the_cart(catalog: Catalog, step: Step) -> None:
    state = at_step(catalog, step)
    state, _ = m.transition(state, m.IdleWarningDue())
    assert state.idle_warning
    new, effects = m.transition(state, m.IdleExpired())
    assert new.step is Step.ATTRACT and not new.cart.lines and new.order_type is None
    assert m.DisarmTimer(m.Timer.IDLE) in effects


def test_more_time_clears_the_warning_and_rearms(catalog: Catalog) -> None:
    state, _ = m.transition(at_step(catalog, Step.CART), m.IdleWarningDue())
    new, effects = m.transition(state, m.MoreTime())
    assert not new.idle_warning and new.cart.count == 1
    assert m.ArmTimer(m.Timer.IDLE) in effects


def test_every_touch_rearms_idle_but_paying_disarms_it(catalog: Catalog) -> None:
    _, effects = m.transition(at_step(catalog, Step.MENU), m.SelectCategory("tea"))
    assert m.ArmTimer(m.Timer.IDLE) in effects
    _, effects = m.transition(at_step(catalog, Step.PAYMENT_METHOD), m.ChoosePaymentMethod(PaymentMethod.CARD))
    assert m.DisarmTimer(m.Timer.IDLE) in effects and m.StartPayment(PaymentMethod.CARD) in effects


def test_required_options_gate_add_to_cart(catalog: Catalog) -> None:
    s = at_step(catalog, Step.OPTIONS)
    s, _ = run(s, m.ToggleOption("temp", "iced"), m.AddToCart())
    assert s.step is Step.OPTIONS and s.message == "required_missing" and not s.cart.lines
    s, _ = run(s, m.ToggleOption("size", "large"), m.ChangeOptionCount("shot", "extra_shot", 2))
    s, _ = run(s, m.ChangeOptionCount("shot", "extra_shot", 2))  # max 3: refused, stays at 2
    assert s.message == "max_choices"
    assert s.editing_price() == 3500 + 500 + 700 + 2 * 500
    s, _ = run(s, m.ChangeEditQuantity(+1), m.AddToCart())
    assert s.step is Step.MENU and s.cart.count == 2 and s.total == 2 * 5700


def test_optional_group_respects_max(catalog: Catalog) -> None:
    s = at_step(catalog, Step.OPTIONS)
    s, _ = run(
        s, m.ToggleOption("syrup", "vanilla"), m.ToggleOption("syrup", "hazelnut"), m.ToggleOption("syrup", "caramel")
    )
    assert dict(s.editing.selection)["syrup"] == ("vanilla", "hazelnut") if s.editing else False
    assert s.message == "max_choices"
    s, _ = run(s, m.ToggleOption("syrup", "vanilla"))
    assert dict(s.editing.selection)["syrup"] == ("hazelnut",) if s.editing else False


def test_sold_out_item_cannot_be_ordered(catalog: Catalog) -> None:
    s, _ = m.transition(at_step(catalog, Step.MENU), m.OpenItem("strawberry_latte"))
    assert s.message == "sold_out" and s.editing is None and not s.cart.lines


def test_cart_quantity_and_language_keep_the_cart(catalog: Catalog) -> None:
    s = at_step(catalog, Step.CART)
    s, _ = run(s, m.ChangeLineQuantity(0, +1), m.ChangeLineQuantity(0, +1), m.ChangeLineQuantity(0, -1))
    assert s.cart.count == 2
    s, _ = run(s, m.ChangeLineQuantity(0, -5))
    assert s.cart.count == 2  # minus never removes; the remove button does
    s, _ = run(s, m.ChooseLanguage("ja"), m.ChooseLanguage("xx"))
    assert s.language == "ja" and s.cart.count == 2 and s.step is Step.CART


def test_declined_then_retry_and_cancel_payment(catalog: Catalog) -> None:
    s = at_step(catalog, Step.PAYMENT_FAILED)
    # the card company's reason is kept for private speech, never put on screen (issue 18)
    assert s.message == "declined" and s.private_reason == "잔액 부족" and s.cart.count == 1
    s, effects = m.transition(s, m.RetryPayment())
    assert s.step is Step.PAYING and effects[0] == m.StartPayment(PaymentMethod.CARD)
    s, effects = m.transition(s, m.CancelPayment())
    assert s.step is Step.PAYING and effects == (m.AbortPayment(),)


def test_result_clears_cart_prints_receipt_once_and_returns(catalog: Catalog) -> None:
    s = at_step(catalog, Step.RESULT)
    assert s.order_number == 7 and not s.cart.lines
    s, effects = m.transition(s, m.AnswerReceipt(True))
    assert m.PrintReceipt(7) in effects
    s, effects = m.transition(s, m.AnswerReceipt(True))
    assert effects == ()
    s, _ = m.transition(s, m.Finish())
    assert s.step is Step.ATTRACT and s.language == "ko"


def test_staff_call_everywhere(catalog: Catalog) -> None:
    for step in Step:
        s, effects = m.transition(at_step(catalog, step), m.CallStaff())
        assert s.staff_called and m.NotifyStaff(step) in effects and s.step is step


def test_the_qr_deadline_is_kept_while_paying_and_cleared_for_a_new_attempt(catalog: Catalog) -> None:
    s = at_step(catalog, Step.PAYMENT_METHOD)
    s, _ = m.transition(s, m.ChoosePaymentMethod(PaymentMethod.QR))
    s, _ = m.transition(s, m.PaymentPrompted("scan_qr", "000201...", qr_deadline=1180.0))
    assert (s.qr_payload, s.qr_deadline) == ("000201...", 1180.0)
    s, _ = m.transition(s, m.PaymentPrompted("scan_qr", "000201...", qr_deadline=1179.5))
    assert s.qr_deadline == 1179.5  # each prompt re-states the time left: the latest one counts
    s, _ = m.transition(s, m.PaymentPrompted("processing"))
    assert s.qr_deadline == 1179.5 and s.qr_payload == "000201..."
    s, _ = m.transition(s, m.PaymentDeclined("결제 시간이 지났습니다."))
    assert s.step is Step.PAYMENT_FAILED
    s, _ = m.transition(s, m.RetryPayment())
    assert s.step is Step.PAYING and (s.qr_payload, s.qr_deadline) == ("", 0.0)


@pytest.mark.parametrize("step", [Step.ATTRACT, Step.ORDER_TYPE, Step.MENU, Step.OPTIONS, Step.CART, Step.RESULT])
def test_easy_mode_can_be_chosen_on_any_step_and_keeps_the_order(catalog: Catalog, step: Step) -> None:
    state = at_step(catalog, step)
    new, _ = m.transition(state, m.SetEasyMode(True))
    assert new.easy and new.step is step and new.cart == state.cart
    assert not m.transition(new, m.SetEasyMode(False))[0].easy


@pytest.mark.parametrize("leave", [m.CancelOrder(), m.IdleExpired()])
def test_easy_mode_is_for_one_customer_only(catalog: Catalog, leave: m.Event) -> None:
    state, _ = run(m.initial_state(catalog), m.SetEasyMode(True), m.Start(), m.ChooseOrderType(OrderType.DINE_IN))
    assert state.easy and state.step is Step.MENU
    assert not m.transition(state, leave)[0].easy
    paid = at_step(catalog, Step.RESULT)
    done, _ = run(paid, m.SetEasyMode(True), m.Finish())
    assert done.step is Step.ATTRACT and not done.easy


def test_a_choice_left_on_the_attract_screen_is_undone_for_the_next_customer(catalog: Catalog) -> None:
    s = m.initial_state(catalog)
    s, effects = run(s, m.SetEasyMode(True), m.ChooseLanguage("ja"))
    assert effects.count(m.ArmTimer(m.Timer.ATTRACT)) == 2
    reset, _ = m.transition(s, m.AttractTimeout())
    assert reset.step is Step.ATTRACT and not reset.easy and reset.language == "ko"
    started, effects = m.transition(s, m.Start())  # someone did start: the choice stays theirs
    assert started.easy and started.language == "ja" and m.DisarmTimer(m.Timer.ATTRACT) in effects
    # the default language: nothing to undo
    assert m.ArmTimer(m.Timer.ATTRACT) not in m.transition(m.initial_state(catalog), m.ChooseLanguage("ko"))[1]
