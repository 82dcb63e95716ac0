"""The window's mode router: QML asks, the core decides; without a sign-in only the customer mode opens."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from app.builders.modes import MODE_BUILDERS
from kiosk.session.modes import Mode, Role
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import sign_in
from ui.modes import MODE_UIS, ModeUi

PROBE_QML = Path(__file__).resolve().parents[1] / "helpers" / "qml" / "probe"


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


@pytest.fixture
def probe_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner mode's place taken by the probe mode (tests/helpers/probe_mode.py): the shell's own test."""
    monkeypatch.setitem(MODE_UIS, Mode.OWNER, ModeUi(str(PROBE_QML)))
    monkeypatch.setitem(MODE_BUILDERS, Mode.OWNER, "tests.helpers.probe_mode")


def test_a_signed_in_owner_gets_the_modes_screen_over_the_whole_window_and_signs_out_back_to_customers(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk(size=(1280, 800))
    k.kw.vm.start()
    k.wait_step("order_type")  # a customer left half-way: their cart goes when staff take over
    sign_in(k, Role.OWNER, Mode.OWNER)
    assert k.kw.modes.mode == "owner"
    assert k.text("probeText") == "김사장 / " + k.kw.settings.shop.name + " / landscape"
    assert not k.exists("screenLoader")  # the customer's screens are hidden under the mode's
    assert k.step == "attract"
    k.window.resize(800, 1280)
    k.qtbot.waitUntil(lambda: k.text("probeText").endswith("portrait"), timeout=3000)

    k.click("probeSignOut")
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "customer", timeout=3000)
    assert not k.kw.staff.signedIn
    assert k.exists("screenLoader") and not k.exists("probeText")
    k.kw.vm.start()  # and the kiosk sells again
    k.wait_step("order_type")
    k.pay_one_by_intents("macaron")
    k.assert_one_sale(2500)


def test_the_back_office_signs_out_after_two_idle_minutes_but_not_while_busy(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk()
    sign_in(k, Role.OWNER, Mode.OWNER)
    ctx = k.kw.modes.viewModel.ctx
    busy = [True]
    ctx.busy.append(lambda: busy[0])  # as a refund in progress says
    k.clock.advance(121)
    k.kw.staff._tick()
    assert k.kw.modes.mode == "owner" and k.kw.staff.signedIn
    busy[0] = False
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "customer", timeout=5000)  # the staff timer's next tick
    assert not k.kw.staff.signedIn
    assert k.kw.modes.viewModel is None


def test_staff_cannot_enter_the_back_office_and_nobody_enters_during_a_payment(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk()
    sign_in(k, Role.STAFF)
    assert k.kw.staff.enterMode("owner") == "not_permitted"
    assert k.kw.staff.may("sold_out") and not k.kw.staff.may("refund")
    k.kw.staff.signOut()
    sign_in(k, Role.OWNER)
    k.kw.vm.start()
    k.wait_step("order_type")
    k.kw.vm.chooseOrderType("dine_in")
    k.kw.vm.openItem("macaron")
    k.kw.vm.openCart()
    k.kw.vm.checkoutCart()
    k.provider.delay_seconds = 5.0
    k.kw.vm.choosePaymentMethod("card")
    k.wait_step("paying")
    assert k.kw.staff.enterMode("owner") == "payment_in_flight"
    assert k.kw.modes.mode == "customer"
    k.kw.vm.cancelPayment()


def test_every_mode_with_screens_has_a_builder_and_a_root_and_nothing_else_does() -> None:
    """The two one-line tables of a mode agree: a QML folder in MODE_UIS, a builder in MODE_BUILDERS (the
    customer's screens and view-model are the window's own)."""
    assert set(MODE_UIS) - {Mode.CUSTOMER} == set(MODE_BUILDERS)
    for mode, ui in MODE_UIS.items():
        if mode is not Mode.CUSTOMER:
            assert ui.root.is_file(), ui.root
            assert importlib.util.find_spec(MODE_BUILDERS[mode]) is not None, MODE_BUILDERS[mode]


@pytest.mark.qt_log_ignore(r"QRhiGles2: Failed to create")  # QtGraphs (the owner's today tab) probes GL offscreen
def test_after_the_installer_has_been_in_the_owner_is_still_signed_out_when_idle(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    """The installer's "nobody is signed out in the middle of a set-up" holds while the installer's screens
    are up, not for the rest of the process: on the demo (whose set-up is never "done") it kept the owner
    signed in for good once an installer had been in (found by a mode-switching stress, issue 11)."""
    k = make_kiosk(size=(1280, 800))
    sign_in(k, Role.INSTALLER, Mode.INSTALLER)
    k.find("installerRoot")
    k.clock.advance(121)
    k.kw.staff._tick()
    assert k.kw.modes.mode == "installer", "signed out in the middle of a set-up"
    k.kw.staff.signOut()
    sign_in(k, Role.OWNER, Mode.OWNER)
    k.find("ownerRoot")
    k.clock.advance(121)
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "customer", timeout=5000)  # the staff timer's next tick
    assert not k.kw.staff.signedIn
