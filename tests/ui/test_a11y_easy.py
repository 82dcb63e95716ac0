"""Issue 18 item 9 (easy mode that is easier) and item 7 (low position) through the real QML: easy mode's menu
puts the best sellers first (read from the real ledger's sales, off the GUI thread, applied only between two
customers); Home / Back / Help sit in one fixed bar, in the same place and size on every customer screen, in
both orientations; Home asks before emptying a cart; low position can be switched on from any screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, QRectF

from kiosk.domain.cart import Cart
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import PaymentRecord
from tests.helpers.a11y import check_reachable, check_text, settle, touch_targets
from tests.helpers.kiosk import Kiosk

DESSERTS_IN_CATALOG_ORDER = ["cheesecake", "tiramisu", "macaron", "bingsu", "croffle"]
BAR = ("easyHomeButton", "easyBackButton", "easyHelpButton")


def menu_keys(k: Kiosk) -> list[str]:
    return [row["key"] for row in k.kw.vm.menu.rows()]


def cards_in_reading_order(k: Kiosk, ids: list[str]) -> list[str]:
    cards = {i: k.find(f"item_{i}") for i in ids}
    k.qtbot.waitUntil(lambda: all(c.width() > 0 for c in cards.values()))
    at = {i: c.mapToScene(QPointF(0, 0)) for i, c in cards.items()}
    return sorted(ids, key=lambda i: (round(at[i].y()), round(at[i].x())))


def sell_through_the_screens(k: Kiosk, *items: str) -> None:
    """One order as a customer makes it (the view-model's intents), paid by the simulated card provider, the
    sale recorded by the checkout's `record_sale`; back to the attract screen."""
    vm = k.kw.vm
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("take_out")
    for item in items:
        vm.openItem(item)  # desserts have no options: straight into the cart
    vm.openCart()
    vm.checkoutCart()
    vm.choosePaymentMethod("card")
    k.wait_step("result")
    vm.finish()
    k.wait_step("attract")


def test_easy_mode_shows_the_best_sellers_first_and_never_reorders_during_an_order(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    k = make_kiosk()
    vm, session = k.kw.vm, k.kw.vm.session
    worker = k.kw.devices.best_sellers if k.kw.devices is not None else None
    assert worker is not None
    k.qtbot.waitUntil(lambda: worker.reads >= 1)  # type: ignore[attr-defined]
    # An empty ledger: the catalog's order, in easy mode too.
    vm.setEasyMode(True)
    assert menu_keys(k) == [it.id for it in k.catalog.items_in(vm.state.category_id)]
    vm.setEasyMode(False)
    reads = worker.reads  # type: ignore[attr-defined]
    sell_through_the_screens(k, "croffle", "croffle", "bingsu")
    sell_through_the_screens(k, "macaron")
    # Each order's end reads the ranking again, on the worker's thread; it applies on the attract screen.
    k.qtbot.waitUntil(lambda: session.ranking.counts == {"croffle": 2, "bingsu": 1, "macaron": 1}, timeout=5000)
    assert worker.reads > reads  # type: ignore[attr-defined]
    best_first = ["croffle", "macaron", "bingsu", "cheesecake", "tiramisu"]  # bingsu = macaron: catalog order

    # Normal mode keeps the catalog's order.
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("dine_in")
    k.click("category_dessert")
    k.qtbot.waitUntil(lambda: menu_keys(k) == DESSERTS_IN_CATALOG_ORDER)
    assert cards_in_reading_order(k, DESSERTS_IN_CATALOG_ORDER) == DESSERTS_IN_CATALOG_ORDER
    # Easy mode: the best sellers first, on screen in reading order.
    vm.setEasyMode(True)
    k.qtbot.waitUntil(lambda: menu_keys(k) == best_first)
    assert cards_in_reading_order(k, best_first) == best_first

    # A sale elsewhere (the counter) while this customer chooses: the menu does not move under their finger.
    order = order_from_cart(k.catalog, Cart().add(k.catalog, "tiramisu", quantity=5), OrderType.DINE_IN, k.clock.now())
    k.ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total))
    worker.refresh()  # type: ignore[attr-defined]
    k.qtbot.waitUntil(lambda: worker.reads > reads + 2)  # type: ignore[attr-defined]
    k.wait_ticks()
    assert menu_keys(k) == best_first
    vm.cancelOrder()  # the next customer gets it
    k.wait_step("attract")
    k.qtbot.waitUntil(lambda: session.ranking.counts.get("tiramisu") == 5, timeout=5000)
    vm.setEasyMode(True)
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("dine_in")
    vm.selectCategory("dessert")
    k.qtbot.waitUntil(lambda: menu_keys(k)[:2] == ["tiramisu", "croffle"])


def bar_rects(k: Kiosk) -> dict[str, QRectF]:
    settle(k)
    rects = {}
    for name in BAR:
        item = k.find(name)
        rects[name] = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    return rects


@pytest.mark.parametrize("size", [(1080, 1920), (1280, 800)], ids=["portrait", "landscape"])
def test_home_back_and_help_stay_in_one_place_on_every_easy_screen(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int]
) -> None:
    k = make_kiosk(size=size)
    vm = k.kw.vm
    vm.setEasyMode(True)
    assert not k.exists("easyNavBar")  # not on the attract screen: it has its own choices
    vm.start()
    k.wait_step("order_type")
    first = bar_rects(k)
    window = QRectF(0, 0, *size)
    for rect in first.values():
        assert window.contains(rect) and rect.height() >= 44
    seen: dict[str, dict[str, QRectF]] = {"order_type": first}

    def same_place(step: str) -> None:
        k.wait_step(step)
        seen[step] = bar_rects(k)
        assert seen[step] == first, f"{step}: the bar moved: {seen[step]} != {first}"
        problems = check_text(k) + check_reachable(k)
        assert not problems, f"{step}:\n" + "\n".join(problems)

    # Back goes one step back; on the options screen, one page back first.
    vm.chooseOrderType("dine_in")
    same_place("menu")
    k.click("easyBackButton")
    k.wait_step("order_type")
    vm.chooseOrderType("dine_in")
    same_place("menu")
    vm.openItem("americano")
    same_place("options")
    assert k.exists("groupName_temp")
    k.click("addToCartButton")  # "next": the second page
    k.qtbot.waitUntil(lambda: not k.exists("groupName_temp"))
    k.click("easyBackButton")  # the previous page, still the options screen
    k.qtbot.waitUntil(lambda: k.exists("groupName_temp"))
    assert k.step == "options"
    k.click("easyBackButton")
    k.wait_step("menu")
    vm.openItem("americano")
    k.wait_step("options")
    for _ in range(10):
        if not k.text("addToCartButton").startswith("다음"):
            break
        k.click("addToCartButton")
    k.click("addToCartButton")
    k.wait_step("menu")
    assert vm.cartCount == 1
    vm.openCart()
    same_place("cart")
    vm.checkoutCart()
    same_place("payment_method")
    k.provider.delay_seconds = 30  # the paying screen stays
    vm.choosePaymentMethod("qr")
    k.qtbot.waitUntil(lambda: vm.qrPayload != "")
    same_place("paying")
    assert not k.find("easyHomeButton").property("enabled_") and not k.find("easyBackButton").property("enabled_")
    k.click("easyHomeButton")  # disabled: nothing happens while paying
    k.next_frame()
    assert k.step == "paying"
    k.provider.delay_seconds = 0.05
    vm.cancelPayment()
    k.wait_step("payment_method")
    vm.declineNext()
    vm.choosePaymentMethod("card")
    same_place("payment_failed")
    vm.chooseOtherMethod()
    k.wait_step("payment_method")
    vm.choosePaymentMethod("card")
    same_place("result")
    assert not k.find("easyBackButton").property("enabled_") and k.find("easyHomeButton").property("enabled_")
    # Help opens the help (the keys and a staff call) over any screen.
    k.click("easyHelpButton")
    k.qtbot.waitUntil(lambda: k.exists("keypadHelp"))
    settle(k)
    k.click("keypadHelpClose")
    k.qtbot.waitUntil(lambda: not k.exists("keypadHelp"))
    k.click("easyHomeButton")  # the order is paid: straight back to the start
    k.wait_step("attract")
    assert len(k.sales()) == 1


def test_home_asks_before_emptying_the_cart(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    vm.setEasyMode(True)
    vm.start()
    vm.chooseOrderType("take_out")
    k.wait_step("menu")
    k.click("easyHomeButton")  # an empty cart: nothing to lose, no question
    k.wait_step("attract")
    vm.setEasyMode(True)
    vm.start()
    vm.chooseOrderType("take_out")
    vm.openItem("macaron")
    k.qtbot.waitUntil(lambda: vm.cartCount == 1)
    k.click("easyHomeButton")
    k.qtbot.waitUntil(lambda: k.exists("easyHomeConfirmText"))
    settle(k)
    assert k.text("easyHomeConfirmText") == "담은 메뉴 1개가 지워집니다."
    assert "easyHomeStay" in k.assert_laid_out(overlay="easyHomeConfirm")
    k.click("easyHomeStay")  # keep ordering: nothing lost
    k.qtbot.waitUntil(lambda: not k.exists("easyHomeConfirmText"))
    assert k.step == "menu" and vm.cartCount == 1
    k.click("easyHomeButton")
    k.qtbot.waitUntil(lambda: k.exists("easyHomeConfirmText"))
    settle(k)  # the question laid out before the finger lands on it
    k.click("easyHomeLeave")
    k.wait_step("attract")
    assert vm.cartCount == 0 and not k.sales()


def test_low_position_can_be_switched_on_from_any_screen(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    assert not k.exists("topLowPosition")  # the attract screen has its own, bigger switch
    vm.start()
    vm.chooseOrderType("dine_in")
    k.wait_step("menu")
    toggle = k.find("topLowPosition")
    assert k.accessible_name(toggle) == "낮은 화면 켜기"
    k.click("topLowPosition")
    k.qtbot.waitUntil(lambda: vm.lowPosition)
    top = round(k.window.height() * (1 - vm.reachFraction))
    layer = k.find("customerLayer")
    k.qtbot.waitUntil(lambda: layer.mapToScene(QPointF(0, 0)).y() == top)
    assert k.accessible_name(k.find("topLowPosition")) == "낮은 화면 끄기"
    for step in ("menu", "options", "cart"):
        if step == "options":
            vm.openItem("americano")
        elif step == "cart":
            vm.toggleOption("temp", "hot")
            vm.toggleOption("size", "regular")
            vm.addToCart()
            vm.openCart()
        k.wait_step(step)
        settle(k)
        high = [t.item.objectName() for t in touch_targets(k) if t.rect.top() < top - 1]
        assert not high, f"{step}: out of reach: {high}"
        problems = check_text(k) + check_reachable(k)
        assert not problems, f"{step}:\n" + "\n".join(problems)
    k.click("topLowPosition")  # and off again, from the same place
    k.qtbot.waitUntil(lambda: not vm.lowPosition)
    k.qtbot.waitUntil(lambda: layer.mapToScene(QPointF(0, 0)).y() == 0)
