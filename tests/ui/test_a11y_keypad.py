"""Issue 18 items 4 and 8 through the real QML: a whole order with the 12-key keypad alone (arrows, Enter,
Back, Help) to a paid order, in Korean and in English (with easy mode); the focus is always visible and
named; and a touch activates on release only, never twice for one gesture."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.helpers.a11y import qml_value
from tests.helpers.kiosk import Kiosk, effectively_visible, start_take_out, walk

ENTER, DOWN, UP, BACK, HELP = Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_F1


def focus_on(k: Kiosk, name: str, key: Qt.Key = DOWN, limit: int = 80) -> None:
    """Press `key` until `name` has the focus, checking on the way that every focused item is named and
    shows its ring (at least 2 px)."""
    for _ in range(limit):
        k.qtbot.waitUntil(lambda: k.window.activeFocusItem() is not None)
        item = k.window.activeFocusItem()
        assert item is not None
        assert k.accessible_name(item).strip(), f"{item.objectName()} has the focus but no accessible name"
        rings = [r for r in walk(k.window.contentItem()) if r.objectName() == "focusRing" and effectively_visible(r)]
        if item.property("activeFocusOnTab") and getattr(k, "keyed", False):
            assert [r for r in rings if r.property("target") == item], f"no focus ring on {item.objectName()}"
            assert all(float(qml_value(r, "border.width")) >= 2 for r in rings)  # type: ignore[arg-type]
        if item.objectName() == name:
            return
        key_press(k, key)
    raise AssertionError(f"{name} never got the focus (last: {k.focused()})")


def key_press(k: Kiosk, key: Qt.Key) -> None:
    """A key, as the keypad sends it: from now on the focus ring shows."""
    k.keyed = True  # type: ignore[attr-defined]
    k.key(key)


def press(k: Kiosk, name: str, key: Qt.Key = DOWN) -> None:
    focus_on(k, name, key)
    key_press(k, ENTER)


def activate_window(k: Kiosk) -> None:
    k.window.requestActivate()
    k.qtbot.waitUntil(lambda: k.window.isActive())
    k.qtbot.waitUntil(lambda: k.focused() == "startButton")


def test_keypad_only_order_in_korean(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    activate_window(k)
    k.key(HELP)  # how to use the keypad; Back closes it
    k.qtbot.waitUntil(lambda: k.exists("keypadHelp"))
    assert k.focused() == "keypadHelpClose"
    k.key(BACK)
    k.qtbot.waitUntil(lambda: not k.exists("keypadHelp"))
    press(k, "startButton")
    k.wait_step("order_type")
    assert k.focused() == "dineInButton"  # the first choice has the focus when a screen opens
    press(k, "takeOutButton")
    k.wait_step("menu")
    press(k, "item_americano")
    k.wait_step("options")
    k.key(BACK)  # Back: one step back, to the menu
    k.wait_step("menu")
    press(k, "item_americano")
    k.wait_step("options")
    press(k, "option_temp_hot")
    press(k, "option_size_large")
    press(k, "optionPlus_shot_extra_shot")
    press(k, "editQtyPlus")
    k.qtbot.waitUntil(lambda: vm.editQuantity == 2)
    press(k, "addToCartButton")
    k.wait_step("menu")
    k.qtbot.waitUntil(lambda: vm.cartCount == 2)
    press(k, "orderButton")
    k.wait_step("cart")
    assert k.focused() == "payButton"
    k.key(ENTER)
    k.wait_step("payment_method")
    assert k.focused() == "method_card"
    k.key(ENTER)
    k.wait_step("result")
    assert k.focused() == "receiptYes"
    k.key(ENTER)
    k.qtbot.waitUntil(lambda: vm.receiptStatus == "printed", timeout=5000)
    assert k.focused() == "finishButton"  # the answer's buttons went; the focus was not lost with them
    assert k.text("receiptStatusText") == "영수증이 출력되었습니다. 감사합니다!"
    row = k.assert_one_sale(2 * (3500 + 700 + 500))
    assert row["order_type"] == "take_out"
    k.key(ENTER)
    k.wait_step("attract")


def test_keypad_only_order_in_english_with_easy_mode(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    activate_window(k)
    press(k, "lang_en")
    k.qtbot.waitUntil(lambda: vm.language == "en")
    press(k, "easyModeButton", UP)  # arrows go both ways, in reading order
    k.qtbot.waitUntil(lambda: vm.easyMode)
    press(k, "startButton", UP)
    k.wait_step("order_type")
    k.key(ENTER)  # dine in
    k.wait_step("menu")
    assert k.text("category_coffee") == "Coffee"
    press(k, "category_dessert")
    press(k, "item_cheesecake")  # no options: straight into the cart
    k.qtbot.waitUntil(lambda: vm.cartCount == 1)
    press(k, "item_tiramisu", UP)
    k.qtbot.waitUntil(lambda: vm.cartCount == 2)
    press(k, "category_coffee", UP)
    press(k, "item_americano")
    k.wait_step("options")
    # Easy mode: one decision per page, the required ones already chosen (hot, regular); "Next" between them.
    assert vm.canAdd and k.text("addToCartButton") == "Next"
    for _page in range(3):
        press(k, "addToCartButton")
    k.qtbot.waitUntil(lambda: k.text("addToCartButton").startswith("Add"))
    assert k.focused() == "option_syrup_vanilla"  # each page opens on its first choice
    press(k, "addToCartButton")
    k.wait_step("menu")
    k.qtbot.waitUntil(lambda: vm.cartCount == 3)
    press(k, "orderButton")
    k.wait_step("cart")
    k.key(ENTER)
    k.wait_step("payment_method")
    k.provider.delay_seconds = 30  # the customer has not shown a code yet (no race with a 50 ms approval)
    press(k, "method_barcode")
    k.wait_step("paying")
    assert k.focused() == "cancelPaymentButton"
    k.key(ENTER)  # cancel: the screen says so
    k.wait_step("payment_method")
    k.provider.delay_seconds = 0.05
    assert k.text("paymentCancelledText") == "Payment cancelled. Nothing was charged."
    press(k, "method_card")
    k.wait_step("result")
    press(k, "receiptNo", DOWN)
    k.qtbot.waitUntil(lambda: vm.receiptAnswered)
    k.assert_one_sale(6000 + 6500 + 3500)


def test_a_touch_acts_on_release_once_and_not_when_it_slides_off(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    start_take_out(k)
    k.click("category_dessert")
    card = k.find("item_cheesecake")
    centre = k.centre(card)
    # A press does nothing until the finger lifts.
    QTest.mousePress(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    k.next_frame()
    assert vm.cartCount == 0
    QTest.mouseRelease(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    k.qtbot.waitUntil(lambda: vm.cartCount == 1)
    # A press that slides off the card before lifting does nothing.
    QTest.mousePress(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    outside = k.centre(k.find("cancelOrderButton")) + QPoint(0, 0)
    QTest.mouseMove(k.window, outside)
    QTest.mouseRelease(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, outside)
    k.next_frame()
    assert vm.cartCount == 1 and k.step == "menu"
    # A double tap (a tremor, an impatient finger) is one tap: the second of the gesture adds nothing.
    QTest.mouseDClick(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    k.qtbot.waitUntil(lambda: vm.cartCount == 2)
    k.next_frame()
    assert vm.cartCount == 2
    # The "added" message goes by itself and lies outside the menu and the cart bar.
    toast = k.find("menuMessage")
    grid, bar = k.find("menuGrid"), k.find("cartSummary")
    for other in (grid, bar):
        a = toast.mapRectToScene(toast.boundingRect())
        b = other.mapRectToScene(other.boundingRect())
        assert not a.intersects(b), f"the message covers {other.objectName()}"
    qml_value(toast, "Theme.toastMs = 50")  # the theme's 4 s, shortened for the test
    k.qtbot.waitUntil(lambda: not k.exists("menuMessage"))  # it goes by itself
    k.kw.vm.openItem("macaron")  # the same message again: shown again, then gone by itself
    k.qtbot.waitUntil(lambda: vm.cartCount == 3 and not k.exists("menuMessage"), timeout=3000)
