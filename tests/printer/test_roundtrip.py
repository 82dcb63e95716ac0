"""Document -> ESC/POS bytes -> our interpreter: what a customer would read on the paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import ImageChops

from hardware.printer.interpreter import Interpreter, Page
from hardware.printer.korean import ksx1001_bytes, raster_line
from hardware.printer.profiles import PROFILES
from hardware.printer.renderer import Renderer
from kiosk.payments.masking import mask_card_number
from kiosk.receipts.content import SaleView, installer_test_page, kitchen_ticket, receipt_document
from kiosk.receipts.qr import parse_receipt_qr, receipt_qr_content
from kiosk.text import display_width
from tests.printer.helpers import SHOP, TERMINAL, ledger_with_sale, sale_payload


def interpret(data: bytes, chunk: int = 0) -> list[Page]:
    pages: list[Page] = []
    it = Interpreter(on_page=pages.append)
    step = chunk or len(data)
    for i in range(0, len(data), step):
        it.feed(data[i : i + step])
    assert it.unknown == []
    return pages


@pytest.fixture
def sale(tmp_path: Path) -> SaleView:
    ledger, record = ledger_with_sale(tmp_path / "ledger.sqlite3")
    try:
        return SaleView.from_payload(sale_payload(ledger, record))
    finally:
        ledger.close()


def test_ksx1001_check_sends_rare_syllables_to_raster() -> None:
    assert ksx1001_bytes("가") == "가".encode("cp949")
    for rare in "똠햏뷁":
        assert rare.encode("cp949")  # cp949 has them, but not KS X 1001
        assert ksx1001_bytes(rare) is None


def test_receipt_has_every_field_in_korean_on_a_korean_printer(sale: SaleView) -> None:
    doc = receipt_document(sale, SHOP, TERMINAL)
    data = Renderer(PROFILES["korean-80mm"]).render(doc)
    assert b"\x1bR\x0d" in data and b"\x1c&" in data
    pages = interpret(data, chunk=5)  # chunked as off a socket: partial commands must wait
    assert len(pages) == 1 and pages[0].cut
    text = pages[0].text()
    for expected in [
        "카페 한결",
        "사업자등록번호: 214-87-10355",
        "대표자: 김한결",
        "주소: 서울특별시 마포구 월드컵북로 12길 34",
        "전화: 02-335-1234",
        "일시: 2026-11-21 12:04:05",
        "영수증번호: 20261121-0001",
        "포장",
        "아메리카노 x2",
        "  + 샷 추가 (+500)",
        "*사과 x1",
        "결제수단: 신용카드",
        "카드사: 신한카드",
        "카드번호: 5365-12**-****-1234",
        "할부: 3개월",
        "승인번호: 30012345",
        "감사합니다. 또 오세요!",
    ]:
        assert expected in text, expected
    lines = pages[0].text_lines
    big = [ln for ln in pages[0].items if getattr(ln, "text", None) == "1"]
    assert big and big[0].width == 2 and big[0].height == 2  # the order number, large
    amounts = {ln.split()[0]: ln.split()[-1] for ln in lines if ln[:2] in ("공급", "부가", "합계", "과세", "면세")}
    # 20,000 total: 17,000 taxable -> supply 15,455, VAT 1,545; 3,000 tax-free
    assert amounts == {
        "면세물품가액": "3,000",
        "과세물품가액": "17,000",
        "공급가액": "15,455",
        "부가세": "1,545",
        "합계": "20,000원",
    }
    # Hangul is two columns wide: every amount line fills exactly 48 columns
    for ln in lines:
        if ln.endswith(("원", "0")) and "  " in ln:
            assert display_width(ln) == 48, ln
    # 똠 is not in KS X 1001: that line (only) went raster, and it is the line we meant
    assert "똠양꿍 라면 x1" not in text
    assert len(pages[0].rasters) == 1
    expected = raster_line(576, "똠양꿍 라면 x1", "7,000").convert("1")
    assert ImageChops.difference(pages[0].rasters[0].convert("L"), expected.convert("L")).getbbox() is None


def test_generic_printer_prints_all_korean_as_raster(sale: SaleView) -> None:
    doc = receipt_document(sale, SHOP, TERMINAL)
    data = Renderer(PROFILES["generic-58mm"]).render(doc)
    assert b"\x1c&" not in data and b"\x1bR\x0d" not in data
    page = interpret(data)[0]
    assert all(ord(c) < 0x80 for c in page.text())
    assert "20261121-0001" in page.text()  # ASCII stays text
    korean_lines = [
        b for b in doc.blocks if any(ord(c) > 0x7E for c in str(getattr(b, "text", "")) + str(getattr(b, "left", "")))
    ]
    assert len(page.rasters) >= len(korean_lines) + 1  # + the QR, which is an image on this profile
    assert all(r.width == 384 for r in page.rasters)


@pytest.mark.parametrize("profile", ["korean-80mm", "generic-58mm"])
def test_receipt_qr_decodes_to_terminal_receipt_and_check(sale: SaleView, profile: str, tmp_path: Path) -> None:
    doc = receipt_document(sale, SHOP, TERMINAL)
    page = interpret(Renderer(PROFILES[profile]).render(doc))[0]
    image = page.image(PROFILES[profile].dots)
    image.save(tmp_path / "receipt.png")
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    assert found == [receipt_qr_content(TERMINAL, "20261121-0001")]
    ref = parse_receipt_qr(found[0])
    assert (ref.terminal_id, ref.receipt_no) == (TERMINAL, "20261121-0001")
    with pytest.raises(ValueError, match="검증"):
        parse_receipt_qr(found[0][:-1] + ("0" if found[0][-1] != "0" else "1"))


def test_reprint_is_marked_and_kitchen_ticket_is_korean_without_prices(sale: SaleView) -> None:
    page = interpret(Renderer(PROFILES["korean-80mm"]).render(receipt_document(sale, SHOP, TERMINAL, reprint=True)))[0]
    assert page.text_lines[0].strip() == "[재발행]"
    ticket = interpret(Renderer(PROFILES["korean-80mm"]).render(kitchen_ticket(sale, SHOP)))[0]
    text = ticket.text()
    assert "주문번호 1" in text and "포장" in text and "아메리카노" in text and "  + 샷 추가" in text
    assert "10,000" not in text and "원" not in text


def test_test_page_has_native_raster_qr_cut_and_drawer_kick() -> None:
    doc = installer_test_page("카페 한결", "tcp://127.0.0.1:9100", "korean-80mm", TERMINAL)
    page = interpret(Renderer(PROFILES["korean-80mm"]).render(doc))[0]
    assert "한글 기본: 가나다라마바사 아자차카타파하" in page.text_lines
    assert len(page.rasters) == 1  # the 똠/햏/뷁 line
    assert page.qr_contents == [doc.qr_content]
    assert page.cut and page.drawer_kicks == 1


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("5365120012341234", "536512******1234"),
        ("5365-1200-1234-1234", "5365-12**-****-1234"),
        ("5365-12**-****-1234", "5365-12**-****-1234"),
        ("376012XXXXX1234", "376012*****1234"),
        ("", ""),
    ],
)
def test_card_numbers_show_at_most_first_6_and_last_4(given: str, shown: Any) -> None:
    assert mask_card_number(given) == shown
    assert sum(c.isdigit() for c in mask_card_number(given)) <= 10
