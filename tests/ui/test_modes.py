"""The window's mode router: QML asks, the core decides; without a sign-in only the customer mode opens."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers.kiosk import Kiosk


def test_the_window_refuses_every_mode_but_the_customers_without_a_sign_in(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    modes = k.kw.modes
    assert modes.mode == "customer" and modes.folder == "customer"
    for mode in ("owner", "counter", "installer"):
        assert modes.requestMode(mode) == "not_signed_in"
        assert modes.mode == "customer"
    assert modes.requestMode("cashier") == "unknown_mode"
    assert modes.requestMode("customer") == ""
    # the customer mode still sells
    k.kw.vm.start()
    k.wait_step("order_type")
    k.pay_one_by_intents("macaron")
    k.assert_one_sale(2500)
