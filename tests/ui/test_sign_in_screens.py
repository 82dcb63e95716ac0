"""The staff sign-in screens through the real QML (issue 14 items 1-4): the corner press and card taps
that open the PIN pad, PINs typed on its keys, the wrong-PIN countdown and lock, one-time PINs, the mode
chooser, staff management, the idle sign-out warning; each checked in the journal. docs/STAFF.md."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from app.builders.window import attach_window
from kiosk.ledger.ledger import Ledger
from kiosk.session.modes import Role
from kiosk.staff.service import StaffService
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import NAMES, PINS, person
from tests.helpers.staff import CHEAP
from tests.helpers.staff_screens import journal, press_corner, type_pin, use_probe_as_owner_mode


@pytest.fixture
def probe_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    use_probe_as_owner_mode(monkeypatch)


def test_a_long_press_in_the_corner_opens_the_pad_and_the_owner_pin_enters_the_back_office(
    make_kiosk: Callable[..., Kiosk], probe_mode: None
) -> None:
    k = make_kiosk()
    boss = person(k, Role.OWNER)
    press_corner(k, 1.0)  # a short press there: nothing
    assert not k.exists("pinPad") and k.step == "attract"
    press_corner(k, 5.0, at=QPoint(540, 1200))  # a long press elsewhere is a customer's tap: order starts
    assert not k.exists("pinPad")
    k.wait_step("order_type")
    k.click("takeOutButton")  # customers' taps work as before
    k.wait_step("menu")
    press_corner(k, 3.0)
    assert k.text("pinTitle") == "직원 PIN을 입력하세요"
    type_pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "owner", timeout=5000)  # the only mode: straight in
    assert k.text("probeText").startswith(NAMES[Role.OWNER] + " / ")
    assert not k.exists("pinPad")
    assert k.step == "attract"  # the customer's half-made order was dropped
    signed = journal(k, "staff.signed_in")
    assert signed[-1][1] == {"person_id": boss.person_id, "role": "owner", "method": "pin"}
    assert journal(k, "mode.changed")[-1][1]["to"] == "owner"


def test_no_owner_yet_says_how_to_set_one_up(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(1280, 800))
    press_corner(k, 3.0)
    type_pin(k, "482915")
    k.qtbot.waitUntil(lambda: "kiosk staff init-owner" in k.text("pinRefusal"), timeout=3000)
    assert k.kw.staff.typed == 0 and not k.kw.staff.signedIn
    k.click("pinCancel")
    k.qtbot.waitUntil(lambda: not k.exists("pinPad"), timeout=3000)
    assert k.kw.modes.mode == "customer"


def wrong(k: Kiosk, times: int) -> None:
    for _ in range(times):
        type_pin(k, "550912")
        k.qtbot.waitUntil(lambda: k.kw.staff.refusal != "", timeout=3000)


def test_wrong_pins_count_down_then_lock_and_the_lock_survives_a_restart(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, probe_mode: None
) -> None:
    k = make_kiosk()
    person(k, Role.OWNER)
    press_corner(k, 3.0)
    wrong(k, 4)
    assert k.text("pinRefusal") == "PIN이 맞지 않습니다. 다시 입력하세요."
    wrong(k, 1)  # the 5th: a 30 s wait, counted down on the screen
    assert k.text("pinRefusal") == "PIN이 여러 번 틀렸습니다. 30초 후에 다시 입력할 수 있습니다."
    k.click("pinKey_1")  # the keys do nothing meanwhile
    assert k.kw.staff.typed == 0
    k.clock.advance(12)
    k.qtbot.waitUntil(lambda: "18초" in k.text("pinRefusal"), timeout=3000)
    k.clock.advance(18)
    k.qtbot.waitUntil(lambda: not k.exists("pinRefusal"), timeout=3000)
    for wait in (60, 120, 240, 480):  # the 6th to the 9th
        wrong(k, 1)
        assert k.kw.staff.retryLeft == wait and f"{wait}초" in k.text("pinRefusal")
        k.clock.advance(wait)
        k.qtbot.waitUntil(lambda: k.kw.staff.refusal == "", timeout=3000)
    wrong(k, 1)  # the 10th: locked for 30 minutes
    assert k.text("pinRefusal").startswith("PIN이 10번 틀려 잠겼습니다. 30분 후에 다시 시도하세요.")
    assert [p["failures"] for _, p in journal(k, "staff.sign_in_failed")] == list(range(1, 11))
    assert journal(k, "staff.locked")[0][1]["subject"] == "terminal"
    k.clock.advance(5 * 60)

    # A restart: a new window and register on the same ledger file, the clock where it was.
    later = make_kiosk(attach=False)
    later.clock.set(k.clock.now())
    ledger = Ledger.open(Path(str(k.ledger.engine.url.database)), clock=later.clock, tz=later.kw.settings.tz)
    try:
        attach_window(later.kw, ledger, later.provider, staff=StaffService(ledger, hasher=CHEAP))
        press_corner(later, 3.0)
        type_pin(later, PINS[Role.OWNER])  # even the right PIN: locked
        later.qtbot.waitUntil(lambda: later.kw.staff.refusal == "locked", timeout=3000)
        assert later.text("pinRefusal").startswith("PIN이 10번 틀려 잠겼습니다. 25분 후에")
        assert not later.kw.staff.signedIn and later.kw.modes.mode == "customer"
        later.click("pinCancel")
    finally:
        later.kw.staff.close()
        ledger.close()
