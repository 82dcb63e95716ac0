"""How many bytes a receipt and a kitchen ticket cost on the wire (9,600 baud serial printers move about
1 kB a second), checked through the ESC/POS interpreter so the trimmed bytes still print the same."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise
from pathlib import Path

from hardware.printer.interpreter import Interpreter, Page, TextLine
from hardware.printer.profiles import PROFILES
from hardware.printer.renderer import Renderer
from kiosk.domain.catalog import load_catalog
from kiosk.receipts.content import SaleView, kitchen_ticket, receipt_document
from tests.printer.helpers import SHOP, TERMINAL

NAMES = [
    "아메리카노",
    "카페라떼",
    "바닐라라떼",
    "유자차",
    "녹차",
    "초코케이크",
    "크루아상",
    "치즈케이크",
    "레몬에이드",
    "사과주스",
]
CATALOG = Path(__file__).resolve().parents[2] / "assets" / "demo" / "catalog.json"


def _interpret(data: bytes) -> Page:
    pages: list[Page] = []
    it = Interpreter(on_page=pages.append)
    it.feed(data)
    assert it.unknown == []
    assert len(pages) == 1 and pages[0].cut
    return pages[0]


def _sale(lines: list[dict[str, object]]) -> SaleView:
    total = sum(int(str(ln["line_total"])) for ln in lines)
    supply = (total * 10 + 5) // 11
    payment = {
        "method": "card",
        "amount": total,
        "issuer": "신한카드",
        "masked_card": "5365-12**-****-1234",
        "approval_no": "30012345",
    }
    totals = {"total": total, "taxable": total, "tax_free": 0, "supply_value": supply, "vat": total - supply}
    when = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
    return SaleView("order-1", 42, date(2026, 11, 21), "dine_in", when, tuple(lines), payment, totals)


def _ten_lines() -> SaleView:
    return _sale(
        [
            {"name_ko": n, "quantity": 1, "line_total": 4_500 + 500 * i, "tax_type": "taxable", "options": []}
            for i, n in enumerate(NAMES)
        ]
    )


def test_ten_line_native_receipt_is_under_2_kb_and_reads_the_same() -> None:
    sale = _ten_lines()
    data = Renderer(PROFILES["korean-80mm"]).render(receipt_document(sale, SHOP, TERMINAL))
    assert len(data) < 2_000, len(data)
    page = _interpret(data)
    assert page.rasters == []  # all native on a KS X 1001 printer
    text = page.text()
    for i, name in enumerate(NAMES):
        assert f"{name} x1" in text and f"{4_500 + 500 * i:,}" in text
    lines = [item for item in page.items if isinstance(item, TextLine)]
    by_text = {ln.text.strip(): ln for ln in lines}
    shop = by_text["카페 한결"]
    assert (shop.align, shop.bold, shop.width, shop.height) == ("center", True, 2, 2)
    number = by_text["42"]
    assert (number.align, number.bold, number.width, number.height) == ("center", True, 2, 2)
    dine_in = by_text["매장"]  # the style after a large line is back to normal size
    assert (dine_in.align, dine_in.bold, dine_in.width, dine_in.height) == ("center", True, 1, 1)
    total = next(ln for ln in lines if ln.text.startswith("합계"))
    assert total.bold and total.width == 1 and total.text.endswith("67,500원")
    item = next(ln for ln in lines if ln.text.startswith("아메리카노"))
    assert (item.align, item.bold, item.width) == ("left", False, 1)
    assert page.qr_contents and page.qr_contents[0].startswith("HKR1:")


def test_a_line_costs_its_text_not_its_style() -> None:
    """One more item line adds its 48 columns and a line feed, no style commands (~105 B before)."""
    nine = _sale([dict(name_ko=n, quantity=1, line_total=5_000, tax_type="taxable", options=[]) for n in NAMES[:9]])
    ten = _sale([dict(name_ko=n, quantity=1, line_total=5_000, tax_type="taxable", options=[]) for n in NAMES])
    renderer = Renderer(PROFILES["korean-80mm"])
    a = renderer.render(receipt_document(nine, SHOP, TERMINAL))
    b = renderer.render(receipt_document(ten, SHOP, TERMINAL))
    extra = len(b) - len(a)
    # "사과주스 x1" + padding + "5,000": 48 columns, 4 syllables (2 bytes each in 2 columns), FS & / FS ., LF
    assert extra <= 48 + 4 + 1 + 6, extra  # (totals grow by a digit or two)
    assert b.count(b"\x1b!") == a.count(b"\x1b!") and b.count(b"\x1ba") == a.count(b"\x1ba")


def test_style_commands_are_sent_only_when_the_style_changes() -> None:
    data = Renderer(PROFILES["korean-80mm"]).render(receipt_document(_ten_lines(), SHOP, TERMINAL))
    modes = [data[i + 2] for i in range(len(data) - 2) if data[i : i + 2] == b"\x1b!"]
    aligns = [data[i + 2] for i in range(len(data) - 2) if data[i : i + 2] == b"\x1ba"]
    assert all(x != y for x, y in pairwise(modes)), modes
    assert all(x != y for x, y in pairwise(aligns)), aligns
    assert b"\x1bE" not in data  # bold travels in ESC ! n


def test_kitchen_ticket_of_every_demo_item_is_native_on_a_korean_printer() -> None:
    catalog = load_catalog(CATALOG)
    lines: list[dict[str, object]] = []
    for item in catalog.items:
        options = [
            {"name_ko": o.names.ko, "quantity": 1, "price_delta": o.price_delta}
            for g in catalog.groups_of(item)
            for o in g.options[:2]
        ]
        lines.append({"name_ko": item.names.ko, "quantity": 2, "line_total": 1, "options": options})
    sale = _sale(lines)
    for profile in ("korean-80mm", "korean-58mm"):
        data = Renderer(PROFILES[profile]).render(kitchen_ticket(sale, SHOP))
        page = _interpret(data)
        assert page.rasters == [], profile  # 9,600 baud: a raster line is ~1.7 kB, a native one ~50 B
        text = page.text()
        assert "주문번호 42" in text
        for item in catalog.items:
            assert item.names.ko in text
        assert len(data) < 60 * len(page.items), (profile, len(data))
