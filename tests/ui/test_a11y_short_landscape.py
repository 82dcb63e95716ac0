"""Easy mode on a short landscape window (1280x800 at easy mode's 1.5 and at 2.0; issue 18 item 9, docs/
ACCESSIBILITY.md): fewer, larger things per screen that still fit — the menu shows at least two whole cards
(not one with a scroll hint), an options page shows its whole group beside the quantity and the add button,
the cart shows a whole line with its buttons beside the total and the pay button, and the summary does not
scroll. Geometry from the live item tree; nothing cut, overlapping or out of reach."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from tests.helpers.a11y import check_reachable, check_text, settle
from tests.helpers.kiosk import Kiosk, all_visible, walk


def whole(k: Kiosk, item: QQuickItem) -> bool:
    """Shown whole: not cut by a scrolled view or the window."""
    full = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    shown = k.visible_rect(item)
    window = QRectF(0, 0, k.window.width(), k.window.height())
    return shown is not None and shown == full and window.contains(full)


def named(k: Kiosk, prefix: str) -> list[QQuickItem]:
    return [i for i in walk(k.window.contentItem()) if i.objectName().startswith(prefix) and all_visible(i)]


def shown_from_the_top_without_scrolling(k: Kiosk, view_name: str) -> None:
    """The screen's scrolling view has nothing more to show, and shows it from its top."""
    view = k.find(view_name)
    assert float(view.property("contentHeight")) <= view.height() + 1, f"{view_name} scrolls"
    assert float(view.property("contentY")) == 0


def fits(k: Kiosk) -> None:
    settle(k)
    problems = check_text(k) + check_reachable(k)
    assert not problems, "\n".join(problems)
    k.assert_laid_out()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_easy_mode_on_a_short_landscape_window_shows_whole_things(
    make_kiosk: Callable[..., Kiosk], scale: float
) -> None:
    k = make_kiosk(size=(1280, 800), scale=scale)
    touch_min = round(56 * max(scale, 1.5))  # easy mode is at least 1.5
    vm = k.kw.vm
    vm.setEasyMode(True)
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("take_out")
    vm.selectCategory("latte")
    k.wait_step("menu")
    fits(k)
    cards = [c for c in named(k, "item_") if whole(k, c)]
    assert len(cards) >= 2, f"{len(cards)} whole card(s) in view"
    assert all(c.height() >= touch_min for c in cards)
    # the cart's summary and order button beside the menu, whole, and the rail keeps room for two tabs
    assert whole(k, k.find("cartSummary")) and whole(k, k.find("orderButton"))
    rail = k.find("categoryTabs")
    tab = k.find("category_latte")
    assert rail.height() >= 2 * tab.height() + float(rail.property("spacing")) and tab.height() >= touch_min

    vm.openItem("cafe_latte")
    k.wait_step("options")
    fits(k)
    options = named(k, "option_temp_")
    assert len(options) == 2 and all(whole(k, o) and o.height() >= touch_min for o in options)
    assert whole(k, k.find("addToCartButton")) and whole(k, k.find("editQuantity"))
    while k.text("addToCartButton") == "다음":  # easy mode's pages, one group each
        k.click("addToCartButton")
        k.next_frame()
    vm.addToCart()
    k.wait_step("menu")

    vm.openCart()
    k.wait_step("cart")
    fits(k)
    for name in ("lineMinus_0", "linePlus_0", "lineRemove_0", "lineName_0", "cartScreenTotal", "payButton"):
        assert whole(k, k.find(name)), name
    summary = k.find("summaryScroll")
    assert float(summary.property("contentHeight")) <= summary.height() + 1, "the cart's summary scrolls"


@pytest.mark.parametrize("easy", [False, True])
@pytest.mark.parametrize("language", ["ko", "en", "ja", "zh"])  # ja, zh: the tallest lines (Noto Sans CJK)
def test_the_order_type_question_and_both_choices_show_whole_at_2_0(
    make_kiosk: Callable[..., Kiosk], easy: bool, language: str
) -> None:
    """At 2.0 on a 1280x800 landscape window (easy mode's bars too) the question and both choices show whole
    as the screen opens, nothing to scroll: the screen went compact. Before, the screen scrolled to its first
    card as it took the focus, which hid the question (or half of it) above the top bar's edge."""
    k = make_kiosk(size=(1280, 800), scale=2.0)
    vm = k.kw.vm
    vm.chooseLanguage(language)
    vm.setEasyMode(easy)
    vm.start()
    k.wait_step("order_type")
    fits(k)
    shown_from_the_top_without_scrolling(k, "orderTypeScroll")
    for name in ("orderTypeTitle", "dineInButton", "takeOutButton"):
        assert whole(k, k.find(name)), name
    touch_min = round(56 * 2.0)
    assert all(k.find(n).height() >= touch_min for n in ("dineInButton", "takeOutButton"))


@pytest.mark.parametrize(
    ("size", "scale", "easy"),
    [((1280, 800), 1.5, False), ((1280, 800), 2.0, False), ((1280, 800), 2.0, True), ((1920, 1080), 2.0, False)],
)
@pytest.mark.parametrize("language", ["ko", "en", "ja", "zh"])
def test_every_payment_method_shows_whole_on_a_short_landscape_window(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], scale: float, easy: bool, language: str
) -> None:
    """The payment screen at a large scale on a landscape window: the question, the amount and all three methods
    (each one's name and what it takes) show whole as the screen opens, nothing to scroll. Before, the methods
    were listed one under the other and at 2.0 on 1280x800 only the top of the first one showed."""
    k = make_kiosk(size=size, scale=scale)
    vm = k.kw.vm
    vm.chooseLanguage(language)
    vm.setEasyMode(easy)
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("dine_in")
    k.wait_step("menu")
    vm.openItem("cheesecake")
    vm.openCart()
    k.wait_step("cart")
    vm.checkoutCart()
    k.wait_step("payment_method")
    fits(k)
    shown_from_the_top_without_scrolling(k, "methodScroll")
    methods = named(k, "method_")
    assert len(methods) == 3
    for item in [k.find("payQuestion"), k.find("payAmount"), *methods]:
        assert whole(k, item), item.objectName()
    for card in methods:  # every line of its words inside the card
        texts = [t for t in walk(card) if t.metaObject().className().startswith("QQuickText") and all_visible(t)]
        assert len(texts) == 2
        for t in texts:
            box = t.mapRectToItem(card, QRectF(0, 0, t.width(), t.height()))
            assert QRectF(0, 0, card.width(), card.height()).contains(box), (card.objectName(), t.property("text"))
            assert float(t.property("contentHeight")) <= t.height() + 1, t.property("text")
    assert all(m.height() >= round(56 * scale) for m in methods)


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280), (1080, 1920)])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_printer_badge_shows_whole_beside_the_top_bar_buttons(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], scale: float
) -> None:
    """Staff's printer badge (프린터 점검) lies wholly inside the window and clear of every top-bar button, at every
    scale in both orientations: where its words have no room it shows its sign only. Before, at 2.0 on 1280x800 it
    was cut at the window's left edge, and on 800x1280 it was off the window altogether."""
    k = make_kiosk(size=size, scale=scale)
    vm = k.kw.vm
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("take_out")
    k.wait_step("menu")
    k.printer_sim.set_faults(paper_out=True)
    k.qtbot.waitUntil(lambda: k.exists("printerProblemBadge"), timeout=5000)
    settle(k)
    badge = k.find("printerProblemBadge")
    shown = badge.mapRectToScene(QRectF(0, 0, badge.width(), badge.height()))
    assert QRectF(0, 0, k.window.width(), k.window.height()).contains(shown), shown
    bar = k.find("topLang_ko").parentItem()
    buttons = [
        i for i in walk(bar.parentItem()) if i.objectName().startswith(("topLang_", "topLow", "voice", "staffCall"))
    ]
    assert buttons
    for b in buttons:
        if all_visible(b):
            assert not shown.intersects(b.mapRectToScene(QRectF(0, 0, b.width(), b.height()))), b.objectName()
