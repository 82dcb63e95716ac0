"""The result screen as a 70-year-old customer needs it (issue 18, docs/ACCESSIBILITY.md): the order number is
the largest thing on the screen and the receipt question's buttons are big, in both orientations, at 1.0
and 2.0, in normal and easy mode — on short windows too (1280x800 landscape, easy mode's fixed bar) — and
the screen is laid out in the frame it first shows in: a tap aimed at a receipt button the moment it shows
(as the soak's driver, bench/soak.py, taps) lands where the button stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import SIGNAL, QObject, QRectF, QTimer

from tests.helpers.a11y import check_reachable, check_text, settle
from tests.helpers.kiosk import Kiosk, all_visible, walk

RECEIPT = ("receiptYes", "receiptNo", "finishButton")
SIZES = {"landscape": (1280, 800), "portrait": (800, 1280)}


def rects(k: Kiosk) -> dict[str, QRectF]:
    """The receipt buttons' rectangles in the window, for those shown (as the soak's driver sees them)."""
    out = {}
    for item in walk(k.window.contentItem()):
        name = item.objectName()
        if name in RECEIPT and all_visible(item) and item.width() > 0:
            out[name] = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    return out


CASES = [(size, scale, easy, "") for size in SIZES.values() for scale in (1.0, 2.0) for easy in (False, True)]
# English words are longer (two-line buttons, a two-line question): the smallest room, both orientations
CASES += [(size, 2.0, True, "en") for size in SIZES.values()]


@pytest.mark.parametrize(
    ("size", "scale", "easy", "language"),
    CASES,
    ids=[f"{s[0]}x{s[1]}-{sc}-{'easy' if e else 'normal'}{'-' + lang if lang else ''}" for s, sc, e, lang in CASES],
)
def test_the_order_number_is_the_largest_thing_and_the_receipt_buttons_are_big_and_still_from_the_first_frame(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], scale: float, easy: bool, language: str
) -> None:
    k = make_kiosk(size=size, scale=scale, language=language)
    vm = k.kw.vm
    vm.setEasyMode(easy)
    vm.start()
    k.wait_step("order_type")
    vm.chooseOrderType("take_out")
    vm.openItem("cheesecake" if not easy else "macaron")  # no options: straight into the cart
    vm.openCart()
    vm.checkoutCart()
    k.wait_step("payment_method")
    settle(k)

    # Where the buttons are the moment the screen is made (the Loader's `loaded`, before any frame or
    # polish), and the first time a driver polling as the soak does (a 1 ms timer) sees them shown.
    at_load: dict[str, QRectF] = {}
    first_seen: dict[str, QRectF] = {}
    loader = k.find("screenLoader")

    def loaded() -> None:
        if k.step == "result":
            at_load.update(rects(k))

    QObject.connect(loader, SIGNAL("loaded()"), loaded)
    poll = QTimer()
    poll.setInterval(1)

    def look() -> None:
        if not first_seen and k.step == "result":
            seen = rects(k)
            if set(seen) >= {"receiptYes", "receiptNo"}:
                first_seen.update(seen)

    poll.timeout.connect(look)
    poll.start()
    try:
        vm.choosePaymentMethod("card")
        k.wait_step("result")
        k.qtbot.waitUntil(lambda: bool(first_seen), timeout=3000)
    finally:
        poll.stop()
        QObject.disconnect(loader, SIGNAL("loaded()"), loaded)
    settle(k)
    at_rest = rects(k)
    assert set(at_rest) == set(RECEIPT)
    assert at_load == at_rest, f"laid out after it was made: {at_load} -> {at_rest}"
    assert first_seen == at_rest, f"moved after it showed: {first_seen} -> {at_rest}"

    # Nothing cut, overlapping or out of reach; the screens' geometry checks.
    assert not check_text(k) + check_reachable(k)
    k.assert_laid_out()

    # The order number is the largest text on the screen, by far.
    number = k.find("orderNumberText")
    others = [
        int(item.property("font").pixelSize())
        for item in walk(k.window.contentItem())
        if item is not number and item.property("font") is not None and item.property("text") and all_visible(item)
    ]
    size_px = int(number.property("font").pixelSize())
    assert size_px >= 1.5 * max(others), (size_px, max(others))
    # on the screen, the digits too: taller than every other line of text
    assert number.height() >= 1.5 * max(
        item.height()
        for item in walk(k.window.contentItem())
        if item is not number
        and item.property("font") is not None
        and item.property("text")
        and all_visible(item)
        and item.property("lineCount") == 1
    )

    # The receipt question's buttons are big: taller than the touch minimum, wide, with large words.
    touch_min = round(56 * (max(scale, 1.5) if easy else scale))
    for name in ("receiptYes", "receiptNo"):
        button = k.find(name)
        assert button.height() >= touch_min and button.width() >= 2.5 * touch_min, (name, at_rest[name])
        assert button.property("fontSize") >= round(20 * (max(scale, 1.5) if easy else scale)), name

    # Answering changes only the words above where the buttons were: back-to-start stays put.
    finish = at_rest["finishButton"]
    k.click("receiptNo")
    k.qtbot.waitUntil(lambda: vm.receiptAnswered)
    settle(k)
    assert rects(k) == {"finishButton": finish}
    assert not check_text(k)


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_the_on_screen_receipt_keeps_its_message_and_qr_on_a_short_portrait_window(
    make_kiosk: Callable[..., Kiosk], scale: float
) -> None:
    """The printer failed, on 800x1280 at 1.5 and 2.0: the receipt panel under the order number shows its whole
    message inside it and a QR code a phone can read, and the order number stays whole on the screen. Before, the
    order number's column took the screen: at 2.0 the panel showed no receipt and no QR, and its message ran past
    its bottom edge."""
    from tests.helpers.kiosk import pay, start_take_out

    k = make_kiosk(size=SIZES["portrait"], scale=scale)
    start_take_out(k)
    k.kw.vm.openItem("cheesecake")
    k.qtbot.waitUntil(lambda: k.text("cartCount") == "1")
    k.printer_sim.set_faults(paper_out=True)
    k.qtbot.waitUntil(lambda: k.exists("printerProblemBadge"), timeout=5000)
    pay(k)
    k.click("receiptYes")
    settle(k)
    window = QRectF(0, 0, k.window.width(), k.window.height())

    def box(name: str) -> QRectF:
        item = k.find(name)
        assert all_visible(item), name
        return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))

    panel = box("receiptFallback")
    assert window.contains(panel)
    assert panel.contains(box("receiptFallbackMessage")), "the message runs past the panel"
    qr = box("receiptQr")
    assert panel.contains(qr) and qr.width() >= 120, qr  # ~2 cm on a kiosk panel: a phone reads it
    assert window.contains(box("orderNumberText"))
