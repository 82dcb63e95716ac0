"""Screenshots of every screen (portrait and landscape, scale 1.0 and 2.0, easy mode), each checked as a
person would: the key controls lie inside the window and do not overlap, no text is cut or elided.
Also the accessibility of every interactive item, the missing-image placeholder, and kiosk mode's refusal
to close."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.builders.window import attach_window
from tests.helpers.kiosk import Kiosk, effectively_visible, walk

SCREENS = [
    "attract",
    "order_type",
    "menu",
    "options",
    "cart",
    "payment_method",
    "paying",
    "payment_failed",
    "result",
    "idle_warning",
]


def screenshot(k: Kiosk, path: Path) -> Path:
    """Photos load asynchronously (the attract screen's fade in): wait until none shows its placeholder
    and the fade is over, then grab the window."""
    k.qtbot.waitUntil(lambda: not k.exists("imagePlaceholder"))
    k.wait_images_settled()
    k.grab(path)
    return path


def keep_screenshots(paths: list[Path]) -> None:
    """Each looks like a screen; copies for a human to look at with
    KIOSK_SCREENSHOT_DIR=/tmp/shots pytest tests/ui/test_screens.py"""
    for path in paths:
        assert path.stat().st_size > 10_000, f"{path.name} looks empty"
    keep = os.environ.get("KIOSK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copy(path, keep)


def visit(k: Kiosk, shoot: Callable[[str], None]) -> None:
    """Every screen, reached through the view-model's intents (the clicking is tested elsewhere)."""
    vm = k.kw.vm
    shoot("attract")
    vm.start()
    shoot("order_type")
    vm.chooseOrderType("dine_in")
    vm.selectCategory("latte")  # has a sold-out item and badges
    shoot("menu")
    vm.openItem("cafe_latte")
    vm.toggleOption("temp", "iced")
    vm.changeOptionCount("shot", "extra_shot", 2)
    vm.toggleOption("syrup", "vanilla")
    shoot("options")
    vm.toggleOption("size", "large")
    vm.addToCart()
    vm.openItem("cheesecake")
    vm.openCart()
    shoot("cart")
    vm.checkoutCart()
    shoot("payment_method")
    k.provider.delay_seconds = 30
    vm.choosePaymentMethod("qr")
    k.qtbot.waitUntil(lambda: vm.qrPayload != "")
    shoot("paying")
    k.provider.delay_seconds = 0.05
    vm.cancelPayment()
    k.wait_step("payment_method")
    k.provider.decline_next()
    vm.choosePaymentMethod("card")
    k.wait_step("payment_failed")
    shoot("payment_failed")
    vm.retryPayment()
    k.wait_step("result")
    shoot("result")
    vm.finish()
    vm.start()
    vm.chooseOrderType("take_out")
    k.clock.advance(70)
    k.qtbot.waitUntil(lambda: vm.idleWarning)
    shoot("idle_warning")


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_screenshot_every_screen(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path, size: tuple[int, int], scale: float
) -> None:
    k = make_kiosk(size=size, scale=scale)
    tag = f"{'portrait' if size[0] < size[1] else 'landscape'}-{scale:.1f}"
    saved: list[Path] = []

    def shoot(name: str) -> None:
        k.wait_step("menu" if name == "idle_warning" else name)
        saved.append(screenshot(k, tmp_path / f"{tag}-{name}.png"))
        controls = k.assert_laid_out(overlay="idleWarning" if name == "idle_warning" else "")
        assert "staffCallButton" in controls, f"{name}: no staff call button in view"

    visit(k, shoot)
    assert [p.stem.split("-", 2)[2] for p in saved] == SCREENS
    keep_screenshots(saved)
    k.assert_one_sale(4000 + 500 + 700 + 2 * 500 + 500 + 6000)


def test_every_interactive_item_is_accessible_and_big_enough(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    vm = k.kw.vm
    checked: set[str] = set()

    def check_screen() -> None:
        k.next_frame()
        for item in walk(k.window.contentItem()):
            if not item.activeFocusOnTab() or not effectively_visible(item):
                continue
            name = k.accessible_name(item)
            assert name.strip(), f"{item.objectName()} on {vm.step} has no accessible name"
            assert item.width() >= 44 and item.height() >= 44, f"{item.objectName()} is {item.width()}x{item.height()}"
            checked.add(item.objectName())

    check_screen()
    vm.start()
    check_screen()
    vm.chooseOrderType("take_out")
    check_screen()
    vm.openItem("americano")
    check_screen()
    vm.toggleOption("temp", "hot")
    vm.toggleOption("size", "regular")
    vm.addToCart()
    vm.openCart()
    check_screen()
    vm.checkoutCart()
    check_screen()
    vm.choosePaymentMethod("card")
    k.wait_step("result")
    check_screen()
    assert {"startButton", "staffCallButton", "dineInButton", "item_americano", "option_temp_iced"} <= checked
    assert {"linePlus_0", "payButton", "method_barcode", "receiptYes", "finishButton"} <= checked
    k.assert_one_sale(3500)


def test_high_contrast_palette_and_focus_ring(make_kiosk: Callable[..., Kiosk], tmp_path: Path) -> None:
    k = make_kiosk(palette="high-contrast")
    k.window.requestActivate()
    k.qtbot.waitUntil(lambda: k.window.isActive())
    k.kw.vm.start()
    k.wait_step("order_type")
    k.key(Qt.Key.Key_Tab)
    k.qtbot.waitUntil(lambda: k.focused() != "")
    focused = k.window.activeFocusItem()
    assert focused is not None
    rings = [i for i in walk(k.window.contentItem()) if i.objectName() == "focusRing" and effectively_visible(i)]
    assert len(rings) == 1 and rings[0].property("target") == focused, "no visible focus ring on the focused item"
    k.grab(tmp_path / "high-contrast.png")
    background = k.window.grabWindow().pixelColor(5, k.window.height() - 5)
    assert background.name() == "#000000"
    k.pay_one_by_intents("macaron")
    k.assert_one_sale(2500)


def test_missing_image_shows_placeholder(make_kiosk: Callable[..., Kiosk], tmp_path: Path) -> None:
    from kiosk.config import REPO_ROOT

    data = json.loads((REPO_ROOT / "assets" / "demo" / "catalog.json").read_text(encoding="utf-8"))
    for item in data["items"]:
        if item["id"] == "cheesecake":
            item["image"] = "images/no-such-file.png"
    # The copy lives in tmp_path: the other images are the demo's files (catalog images are relative paths).
    (tmp_path / "images").symlink_to(REPO_ROOT / "assets" / "images")
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    k = make_kiosk(catalog_path=path)
    k.kw.vm.start()
    k.kw.vm.chooseOrderType("dine_in")
    k.click("category_dessert")
    card = k.find("item_cheesecake")
    placeholders = [i for i in walk(card) if i.objectName() == "imagePlaceholder" and i.isVisible()]
    assert placeholders and placeholders[0].property("text") == "뉴"
    other = k.find("item_tiramisu")
    k.qtbot.waitUntil(lambda: not [i for i in walk(other) if i.objectName() == "imagePlaceholder" and i.isVisible()])
    k.click("item_cheesecake")
    k.click("orderButton")
    k.click("payButton")
    k.click("method_card")
    k.wait_step("result")
    k.assert_one_sale(6000)


def test_kiosk_mode_cannot_be_closed(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(windowed=False)
    assert k.window.flags() & Qt.WindowType.FramelessWindowHint
    k.window.requestActivate()
    k.qtbot.waitUntil(lambda: k.window.isActive())
    k.window.close()
    QTestKeys = [(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)]
    from PySide6.QtTest import QTest

    for key, mod in QTestKeys:
        QTest.keyClick(k.window, key, mod)
    k.next_frame()
    assert k.window.isVisible()
    k.kw.vm.start()
    k.pay_one_by_intents("eggs")
    k.assert_one_sale(5500, tax_free=5500)


def test_attract_screen_waits_for_the_ledger_side_before_anyone_can_start(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path
) -> None:
    """As `kiosk run` draws it first: the shop and languages are there, "touch to start" says it is getting
    ready and does nothing (open payments are not resolved yet); once attached, orders work."""
    k = make_kiosk(attach=False)
    button = k.find("startButton")
    assert button.property("text") == "준비 중입니다. 잠시만 기다려 주세요"
    assert k.accessible_name(button) == "준비 중"
    assert not k.kw.vm.isReady and k.kw.vm.paymentMethods == []
    keep_screenshots([screenshot(k, tmp_path / "attract-not-ready.png")])
    k.click("startButton")
    k.click("attractWelcome")  # anywhere on the screen
    k.wait_ticks()
    assert k.step == "attract"
    k.click("lang_en")  # the language can be chosen meanwhile
    k.qtbot.waitUntil(lambda: k.text("startButton") == "Getting ready, one moment please")
    attach_window(k.kw, k.ledger, k.provider)
    k.qtbot.waitUntil(lambda: k.text("startButton") == "Touch to order")
    assert k.kw.vm.paymentMethods == ["card", "qr", "barcode"]
    k.click("startButton")
    k.wait_step("order_type")
    k.pay_one_by_intents("macaron")
    k.assert_one_sale(2500)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_screenshot_easy_mode(make_kiosk: Callable[..., Kiosk], tmp_path: Path, size: tuple[int, int]) -> None:
    k = make_kiosk(size=size)
    vm = k.kw.vm
    tag = f"easy-{'portrait' if size[0] < size[1] else 'landscape'}"
    saved: list[Path] = []

    def shoot(name: str) -> None:
        k.wait_step(name)
        saved.append(screenshot(k, tmp_path / f"{tag}-{name}.png"))
        assert "staffCallButton" in k.assert_laid_out()

    vm.setEasyMode(True)
    shoot("attract")
    vm.start()
    shoot("order_type")
    vm.chooseOrderType("dine_in")
    shoot("menu")
    vm.openItem("americano")
    shoot("options")
    vm.toggleOption("temp", "hot")
    vm.toggleOption("size", "regular")
    vm.addToCart()
    vm.openCart()
    shoot("cart")
    keep_screenshots(saved)
