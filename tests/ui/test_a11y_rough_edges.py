"""Issue 18 item 10 (and 7) through the real QML, each rough edge as the class it belongs to: a list keeps
its scroll position through its own updates, the selected tab is always in view, no control moves when
the language changes, options in the catalog's order on the cart and the receipt, a hot drink shows a hot
picture, a decline's reason never on screen, low-position mode keeps every control within reach."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF

from kiosk.receipts.document import plain_text
from tests.helpers.a11y import check_reachable, check_text, scene_rect, settle, touch_targets
from tests.helpers.kiosk import Kiosk, effectively_visible, start_take_out, walk


def test_options_keep_their_scroll_position_and_a_second_tap_lands_where_aimed(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    k = make_kiosk(scale=1.5)
    vm = k.kw.vm
    start_take_out(k)
    k.click("category_latte")
    k.click("item_cafe_latte")
    k.wait_step("options")
    flick = k.find("optionsScroll")
    k.qtbot.waitUntil(lambda: float(flick.property("contentHeight")) > flick.height())
    bottom = float(flick.property("contentHeight")) - flick.height()
    flick.setProperty("contentY", bottom)
    k.next_frame()
    k.click("option_syrup_vanilla")
    k.qtbot.waitUntil(lambda: vm.editPriceText == "4,500원")
    k.next_frame()
    assert float(flick.property("contentY")) == bottom, "the list jumped after a tap"
    k.click("option_syrup_hazelnut")  # where the finger aims, not what a jump put there
    k.qtbot.waitUntil(lambda: vm.editPriceText == "5,000원")
    assert float(flick.property("contentY")) == bottom
    chosen = dict(vm.state.editing.selection)  # type: ignore[union-attr]
    assert chosen["syrup"] == ("vanilla", "hazelnut")


def test_the_selected_tab_is_always_in_view_and_the_strip_shows_it_scrolls(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(scale=1.5)
    vm = k.kw.vm
    start_take_out(k)
    strip = k.find("categoryTabs")
    settle(k)
    assert k.exists("tabsMoreRight") and not k.exists("tabsMoreLeft")

    def selected_in_view(key: str) -> bool:
        tab = k.find(f"category_{key}")
        return scene_rect(strip).adjusted(-1, -1, 1, 1).contains(scene_rect(tab))

    for key in ("market", "coffee", "set"):
        vm.selectCategory(key)
        settle(k)  # a finger is slower than the view making its cards
        k.qtbot.waitUntil(lambda key=key: selected_in_view(key))  # type: ignore[misc]
    vm.selectCategory("market")
    k.qtbot.waitUntil(lambda: selected_in_view("market"))
    assert k.exists("tabsMoreLeft") and not k.exists("tabsMoreRight")
    vm.chooseLanguage("ja")  # wider names: still in view
    k.qtbot.waitUntil(lambda: k.text("category_market") == "豆・牛乳")
    k.qtbot.waitUntil(lambda: selected_in_view("market"))


def positions(k: Kiosk, names: list[str]) -> dict[str, QRectF]:
    k.next_frame()
    return {n: scene_rect(k.find(n)) for n in names}


def test_no_control_moves_when_the_language_changes(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    attract = ["startButton", "easyModeButton", "lowPositionButton", "lang_ko", "lang_en", "lang_zh", "lang_ja"]
    before = positions(k, attract)
    for lang in ("en", "zh", "ja", "ko"):
        k.click(f"lang_{lang}")
        k.qtbot.waitUntil(lambda lang=lang: vm.language == lang)  # type: ignore[misc]
        assert positions(k, attract) == before, f"a control moved when {lang} was chosen"
    start_take_out(k)
    menu = ["topLang_ko", "topLang_en", "topLang_zh", "topLang_ja", "staffCallButton", "cancelOrderButton"]
    menu += ["cartSummary", "orderButton"]
    before = positions(k, menu)
    for lang in ("en", "zh", "ja", "ko"):
        k.click(f"topLang_{lang}")
        k.qtbot.waitUntil(lambda lang=lang: vm.language == lang)  # type: ignore[misc]
        assert positions(k, menu) == before, f"a control moved when {lang} was chosen"
    vm.callStaff()  # "Staff called": a longer label, the same place
    assert positions(k, menu) == before


def test_options_are_listed_in_the_catalogs_order_on_the_cart_and_the_receipt(
    make_kiosk: Callable[..., Kiosk],
) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    vm.start()
    vm.chooseOrderType("dine_in")
    vm.openItem("cafe_latte")
    # chosen back to front
    vm.toggleOption("syrup", "vanilla")
    vm.toggleOption("milk", "oat")
    vm.changeOptionCount("shot", "extra_shot", 2)
    vm.toggleOption("size", "large")
    vm.toggleOption("temp", "iced")
    vm.addToCart()
    vm.openCart()
    k.wait_step("cart")
    catalog_order = ["차갑게", "라지", "샷 추가 ×2", "오트 우유", "바닐라 시럽"]
    assert vm.cartLines.rows()[0]["optionsText"] == " · ".join(catalog_order)
    vm.checkoutCart()
    vm.choosePaymentMethod("card")
    k.wait_step("result")
    receipts = vm.session.receipts
    assert receipts is not None
    text = plain_text(receipts.receipt(vm.session.receipt.order_id), 42)
    found = [text.index(name) for name in ("차갑게", "라지", "샷 추가", "오트 우유", "바닐라 시럽")]
    assert found == sorted(found), text


def test_a_hot_drink_shows_a_hot_picture(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    vm.start()
    vm.chooseOrderType("dine_in")
    vm.openItem("americano")  # the menu's picture: iced
    assert vm.editImage.endswith("/americano.png")
    vm.toggleOption("temp", "hot")
    assert vm.editImage.endswith("/americano.hot.png")
    photo = k.find("editPhoto")
    k.qtbot.waitUntil(lambda: str(photo.property("source")).endswith("americano.hot.png"))
    vm.toggleOption("size", "regular")
    vm.addToCart()
    vm.openItem("cafe_latte")  # the menu's picture: hot
    vm.toggleOption("temp", "iced")
    vm.toggleOption("size", "regular")
    vm.addToCart()
    vm.openCart()
    images = [row["image"] for row in vm.cartLines.rows()]
    assert images[0].endswith("/americano.hot.png") and images[1].endswith("/cafe_latte.iced.png")


def test_a_decline_says_what_happened_but_never_its_reason_on_screen(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    vm.start()
    vm.chooseOrderType("take_out")
    vm.openItem("macaron")
    vm.openCart()
    vm.checkoutCart()
    k.provider.decline_next()
    vm.choosePaymentMethod("card")
    k.wait_step("payment_failed")
    settle(k)
    shown = [
        str(i.property("text"))
        for i in walk(k.window.contentItem())
        if i.property("text") is not None and effectively_visible(i)
    ]
    assert k.text("failureReason") == "결제가 승인되지 않았습니다."
    assert not [t for t in shown if "잔액" in t], shown
    assert vm.privateReason == "잔액 부족"  # for voice guidance, with earphones only
    vm.retryPayment()
    k.wait_step("result")
    assert vm.privateReason == ""
    k.assert_one_sale(2500)


def test_low_position_keeps_every_control_within_reach(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    reach = vm.reachFraction
    assert 0.4 <= reach < 1.0  # the demo mounting: a 21.5" panel from 900 mm, reach up to 1200 mm
    k.click("lowPositionButton")
    k.qtbot.waitUntil(lambda: vm.lowPosition)
    top = round(k.window.height() * (1 - reach))
    layer = k.find("customerLayer")
    k.qtbot.waitUntil(lambda: layer.mapToScene(QPointF(0, 0)).y() == top)

    def within_reach(name: str) -> None:
        settle(k)
        high = [t.item.objectName() for t in touch_targets(k) if t.rect.top() < top - 1]
        assert not high, f"{name}: out of reach: {high}"
        problems = check_text(k) + check_reachable(k)
        assert not problems, f"{name}:\n" + "\n".join(problems)

    within_reach("attract")
    vm.start()
    k.wait_step("order_type")
    within_reach("order_type")
    vm.chooseOrderType("dine_in")
    within_reach("menu")
    vm.openItem("americano")
    within_reach("options")
    vm.toggleOption("temp", "hot")
    vm.toggleOption("size", "regular")
    vm.addToCart()
    vm.openCart()
    within_reach("cart")
    vm.checkoutCart()
    within_reach("payment_method")
    vm.choosePaymentMethod("card")
    k.wait_step("result")
    within_reach("result")
    vm.finish()
    k.wait_step("attract")
    assert not vm.lowPosition  # the next customer starts at the normal height
    k.assert_one_sale(3500)
