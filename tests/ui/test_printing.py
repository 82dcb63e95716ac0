"""Receipt printing in the running kiosk: whole orders through the real QML, the real ReceiptService and
the in-process printer simulator. The sale always commits first; a printer fault never holds up the
customer or the next one: the receipt is shown on screen and reprinted once, marked 재발행."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.builders.printing import build_printing
from app.builders.window import build_window
from hardware.printer.interpreter import Page
from kiosk.config import load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import JournalRow
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import FakeClock
from tests.helpers.kiosk import Kiosk, pay, start_take_out


def journal(k: Kiosk) -> list[tuple[str, dict[str, object]]]:
    with k.ledger.reading() as s:
        rows = s.execute(select(JournalRow.kind, JournalRow.payload).order_by(JournalRow.seq)).all()
    return [(kind, json.loads(payload)) for kind, payload in rows]


def print_kinds(k: Kiosk) -> list[str]:
    return [kind for kind, _ in journal(k) if kind.startswith(("receipt.", "kitchen_ticket."))]


def order_cheesecake(k: Kiosk) -> int:
    start_take_out(k)
    k.click("category_dessert")
    k.click("item_cheesecake")
    k.qtbot.waitUntil(lambda: k.text("cartCount") == "1")
    return pay(k)


def is_receipt(page: Page) -> bool:
    return bool(page.qr_contents)


def test_receipt_yes_prints_kitchen_ticket_and_receipt(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    number = order_cheesecake(k)
    k.click("receiptYes")
    k.qtbot.waitUntil(lambda: len(k.printer_sim.pages) == 2, timeout=5000)
    k.qtbot.waitUntil(lambda: sorted(print_kinds(k)) == ["kitchen_ticket.printed", "receipt.printed"], timeout=5000)
    kitchen = [p for p in k.printer_sim.pages if not is_receipt(p)]
    receipt = [p for p in k.printer_sim.pages if is_receipt(p)]
    assert len(kitchen) == 1 and len(receipt) == 1
    assert any(f"주문번호 {number}" in line for line in kitchen[0].text_lines)
    assert any("뉴욕 치즈케이크" in line for line in kitchen[0].text_lines)
    lines = receipt[0].text_lines
    assert any(line.strip() == str(number) for line in lines), lines
    assert any("뉴욕 치즈케이크 x1" in line and "6,000" in line for line in lines), lines
    assert receipt[0].cut and not any("재발행" in line for line in lines)
    k.qtbot.waitUntil(lambda: k.kw.vm.receiptStatus == "printed", timeout=3000)
    assert not k.exists("receiptFallback") and not k.exists("printerProblemBadge")
    k.assert_one_sale(6000)
    k.click("finishButton")
    k.wait_step("attract")


def test_receipt_no_prints_only_the_kitchen_ticket(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk()
    order_cheesecake(k)
    k.qtbot.waitUntil(lambda: print_kinds(k) == ["kitchen_ticket.printed"], timeout=5000)
    k.click("receiptNo")
    k.click("finishButton")
    k.wait_step("attract")
    assert len(k.printer_sim.pages) == 1 and not is_receipt(k.printer_sim.pages[0])
    assert print_kinds(k) == ["kitchen_ticket.printed"]
    k.assert_one_sale(6000)


def test_paper_out_shows_the_receipt_on_screen_and_reprints_once(
    make_kiosk: Callable[..., Kiosk], tmp_path: Path
) -> None:
    k = make_kiosk()
    start_take_out(k)
    k.click("category_dessert")
    k.click("item_cheesecake")
    k.qtbot.waitUntil(lambda: k.text("cartCount") == "1")
    k.printer_sim.set_faults(paper_out=True)  # the paper runs out while the customer orders
    k.qtbot.waitUntil(lambda: k.exists("printerProblemBadge"), timeout=5000)  # staff can see it
    number = pay(k)
    k.assert_one_sale(6000)  # the sale is committed whatever the printer does
    k.click("receiptYes")

    # The result screen shows the receipt instead: its text and its QR, with the calm message.
    panel = k.find("receiptFallback")
    assert panel.isVisible()
    message = k.text("receiptFallbackMessage")
    assert message.startswith("프린터에 문제가 있어 영수증을 화면에 보여 드립니다.")
    text = k.text("receiptText")
    assert "뉴욕 치즈케이크 x1" in text and "영수증번호:" in text
    assert str(number) in [line.strip() for line in text.splitlines()]
    assert "주소: 서울특별시 마포구 월드컵북로 12길 34" in text  # nothing cut off at the screen's width
    qr = k.find("receiptQr")
    qr_content = text.splitlines()[-1].strip()  # the receipt prints its QR content under the code
    assert "[QR]" not in text  # the code itself is drawn beside the text
    assert qr_content.startswith("HKR1:")
    assert QUrl.fromPercentEncoding(qr.property("source").toString().encode()) == f"image://qr/{qr_content}"
    k.qtbot.waitUntil(lambda: float(qr.property("paintedWidth")) > 0, timeout=3000)  # it was drawn
    k.qtbot.waitUntil(lambda: "receipt.print_failed" in print_kinds(k), timeout=5000)
    failed = [p for kind, p in journal(k) if kind == "receipt.print_failed"]
    assert failed[0]["detail"] == "paper_out" and failed[0]["order_number"] == number
    assert k.printer_sim.pages == []
    if os.environ.get("KIOSK_SCREENSHOT_DIR"):
        k.grab(Path(os.environ["KIOSK_SCREENSHOT_DIR"]) / "result_receipt_fallback-1080x1920.png")

    # The next customer is never blocked: the result screen times out to attract as always.
    k.clock.advance(k.kw.vm.resultSecondsLeft + 1)
    k.wait_step("attract")
    assert not k.exists("receiptFallback")

    # Paper back in: each pending print comes out exactly once, marked 재발행.
    k.printer_sim.clear_faults()
    k.qtbot.waitUntil(lambda: len(k.printer_sim.pages) == 2, timeout=5000)
    k.qtbot.waitUntil(lambda: not k.exists("printerProblemBadge"), timeout=5000)
    k.qtbot.waitUntil(lambda: "receipt.reprinted" in print_kinds(k), timeout=5000)
    receipts = [p for p in k.printer_sim.pages if is_receipt(p)]
    assert len(receipts) == 1
    assert any("[재발행]" in line for line in receipts[0].text_lines)
    assert any("뉴욕 치즈케이크 x1" in line for line in receipts[0].text_lines)
    polled = k.printer_sim.received
    k.qtbot.waitUntil(lambda: k.printer_sim.received >= polled + 9, timeout=3000)  # 3 more status polls
    assert len(k.printer_sim.pages) == 2
    assert print_kinds(k).count("receipt.reprinted") == 1
    assert k.kw.vm.receiptStatus == ""


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_fallback_receipt_fits_the_screen(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], tmp_path: Path
) -> None:
    k = make_kiosk(size=size)
    k.printer_sim.set_faults(cover_open=True)
    vm = k.kw.vm
    vm.start()
    k.pay_one_by_intents("cheesecake", "take_out")
    vm.answerReceipt(True)
    panel = k.find("receiptFallback")
    paper_text = k.find("receiptText")
    qr = k.find("receiptQr")
    k.qtbot.waitUntil(lambda: float(qr.property("paintedWidth")) > 0, timeout=3000)
    window = k.window
    for item in (panel, qr, k.find("finishButton"), k.find("orderNumberText"), k.find("receiptFallbackMessage")):
        top_left = item.mapToScene(item.boundingRect().topLeft())
        bottom_right = item.mapToScene(item.boundingRect().bottomRight())
        assert top_left.x() >= 0 and top_left.y() >= 0, item.objectName()
        assert bottom_right.x() <= window.width() and bottom_right.y() <= window.height(), item.objectName()
    # The receipt scrolls inside its paper rather than pushing anything off screen.
    assert str(paper_text.property("text")).count("\n") > 20
    name = f"result_receipt_fallback-{size[0]}x{size[1]}.png"
    k.grab(tmp_path / name)
    # The QR on screen is the receipt's: a phone (here zxing-cpp) reads it from the screenshot.
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / name))]
    assert decoded == [k.kw.vm.receiptQr] and decoded[0].startswith("HKR1:")
    if os.environ.get("KIOSK_SCREENSHOT_DIR"):
        k.grab(Path(os.environ["KIOSK_SCREENSHOT_DIR"]) / name)


def test_kiosk_run_composition_prints_sim_pages_to_the_data_dir(qtbot: Any, tmp_path: Path) -> None:
    """What `kiosk run` builds: the printer from settings.printer, `sim://` pages as PNGs under the data dir."""
    settings = replace(load_settings(env={}), data_dir=str(tmp_path))
    clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
    ledger = Ledger.open(settings.ledger_path, device_id=settings.ledger.device_id, clock=clock, tz=settings.tz)
    provider = SimulatedPaymentProvider(delay_seconds=0.05)
    printing = build_printing(settings, ledger, sim_out=settings.data_path / "printer-sim")
    catalog = load_catalog(settings.catalog_path)
    kw = build_window(settings, ledger, catalog, provider, clock, windowed=True, tick_ms=20, printing=printing)
    try:
        vm = kw.vm
        vm.start()
        vm.chooseOrderType("take_out")
        vm.openItem("cheesecake")
        vm.openCart()
        vm.checkoutCart()
        vm.choosePaymentMethod("card")
        qtbot.waitUntil(lambda: vm.step == "result", timeout=5000)
        vm.answerReceipt(True)
        pages = tmp_path / "printer-sim"
        qtbot.waitUntil(lambda: len(list(pages.glob("page-*.png"))) == 2, timeout=10000)
        qtbot.waitUntil(lambda: vm.receiptStatus == "printed", timeout=5000)
    finally:
        kw.close()
        ledger.close()
    QGuiApplication.processEvents()
