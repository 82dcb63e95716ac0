"""The window opened early (`kiosk run` when the start-up pre-check finds nothing to recover,
kiosk/ledger/precheck.py): a customer taps "touch to start" and builds an order before the ledger side is
attached; the pay button says to wait and does nothing until it is, then the same order is paid. A ledger
side that cannot start cancels the early order with the out-of-order screen and records nothing."""

from __future__ import annotations

from collections.abc import Callable

from app.builders.window import attach_window
from app.commands.run import OUT_OF_ORDER
from tests.helpers.kiosk import Kiosk

WAIT = "준비 중입니다. 잠시만 기다려 주세요"
PAY_WAIT = "잠시만 기다려 주세요"


def _early_order(k: Kiosk) -> None:
    assert k.text("startButton") == WAIT  # not yet: the pre-check has not answered
    k.kw.vm.session.open_early()
    k.qtbot.waitUntil(lambda: k.text("startButton") == "화면을 터치해 주문하세요", timeout=3000)
    assert k.find("startButton").property("enabled_")
    k.click("startButton")
    k.wait_step("order_type")
    k.click("takeOutButton")
    k.wait_step("menu")
    k.kw.vm.openItem("cheesecake")
    k.kw.vm.openCart()
    k.wait_step("cart")


def test_an_order_begun_early_waits_at_the_pay_button_until_the_ledger_side_is_up(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    k = make_kiosk(attach=False)
    _early_order(k)
    button = k.find("payButton")
    k.qtbot.waitUntil(lambda: button.property("text") == PAY_WAIT, timeout=3000)
    assert not button.property("enabled_")
    k.click("payButton")
    k.wait_ticks(3)  # the tap has been handled: nothing happened
    assert k.step == "cart" and k.kw.vm.cartCount == 1  # waits, visibly; the order is kept
    k.kw.vm.checkoutCart()  # the keypad's Enter or a voice command: the same
    assert k.step == "cart"

    attach_window(k.kw, k.ledger, k.provider)
    k.qtbot.waitUntil(lambda: "결제하기" in str(k.find("payButton").property("text")), timeout=3000)
    assert k.find("payButton").property("enabled_")
    k.click("payButton")
    k.wait_step("payment_method")
    k.click("method_card")
    k.wait_step("result")
    assert len(k.sales()) == 1


def test_a_ledger_side_that_cannot_start_after_an_early_touch_cancels_the_order(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    k = make_kiosk(attach=False)
    _early_order(k)
    k.kw.vm.set_out_of_order(OUT_OF_ORDER)  # what `kiosk run`'s attach does for an unusable ledger
    k.wait_step("attract")
    assert k.kw.vm.cartCount == 0
    k.qtbot.waitUntil(lambda: k.text("startButton") == OUT_OF_ORDER, timeout=3000)
    assert not k.find("startButton").property("enabled_")
    k.kw.vm.start()
    assert k.step == "attract"
    assert k.sales() == []
