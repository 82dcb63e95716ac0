"""What goes on a receipt, a kitchen ticket and the installer's test page (DESIGN section 6 / 7).

Documents are built from a `sale.completed` journal payload (it carries the whole order, payment,
business date, order number and totals), so a receipt can be printed or reprinted from the ledger
alone, years later, exactly as sold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.business import format_business_number, normalize_business_number
from kiosk.domain.money import format_won
from kiosk.payments.masking import mask_card_number
from kiosk.receipts.document import (
    Align,
    Block,
    Columns,
    Cut,
    Document,
    DocumentKind,
    DrawerKick,
    Feed,
    QrCode,
    Rule,
    Text,
)
from kiosk.receipts.qr import receipt_number, receipt_qr_content

REPRINT_MARK = "재발행"
ORDER_TYPE_KO = {"dine_in": "매장", "take_out": "포장"}
PAYMENT_KO = {"card": "신용카드", "qr": "QR결제", "barcode": "간편결제", "cash": "현금", "voucher": "온누리상품권"}


@dataclass(frozen=True, slots=True)
class ShopInfo:
    """The shop's fixed receipt header, from `Settings.shop` (composed in app/)."""

    name: str
    business_number: str
    owner: str = ""
    address: str = ""
    phone: str = ""
    footer: str = ""
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Seoul"))


@dataclass(frozen=True, slots=True)
class SaleView:
    """The parts of a `sale.completed` payload a receipt needs, checked once."""

    order_id: str
    order_number: int
    business_date: date
    order_type: str
    created_at: datetime
    lines: tuple[dict[str, Any], ...]
    payment: dict[str, Any]
    totals: dict[str, int]
    # a counter sale (kiosk/counter): every payment part (split, cash tendered / change, 온누리상품권), the
    # discounts, and the cash receipt asked for (masked only)
    parts: tuple[dict[str, Any], ...] = ()
    discounts: tuple[dict[str, Any], ...] = ()
    cash_receipt: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def from_payload(payload: dict[str, Any]) -> SaleView:
        order = payload["order"]
        return SaleView(
            order_id=order["id"],
            order_number=int(payload["order_number"]),
            business_date=date.fromisoformat(payload["business_date"]),
            order_type=order["order_type"],
            created_at=datetime.fromisoformat(order["created_at"]),
            lines=tuple(order["lines"]),
            payment=dict(payload["payment"]),
            totals={k: int(v) for k, v in payload["totals"].items()},
            parts=tuple(payload.get("counter", {}).get("payments", ())),
            discounts=tuple(payload.get("counter", {}).get("discounts", ())),
            cash_receipt=dict(payload.get("counter", {}).get("cash_receipt", {})),
        )

    @property
    def receipt_no(self) -> str:
        return receipt_number(self.business_date, self.order_number)


def _options_text(line: dict[str, Any]) -> list[str]:
    out = []
    for o in line.get("options", []):
        qty = f" x{o['quantity']}" if o.get("quantity", 1) > 1 else ""
        delta = o.get("price_delta", 0) * o.get("quantity", 1)
        price = f" (+{delta:,})" if delta > 0 else ""
        out.append(f"  + {o['name_ko']}{qty}{price}")
    return out


def _when(at: datetime, tz: ZoneInfo) -> str:
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def receipt_document(
    sale: SaleView, shop: ShopInfo, terminal_id: str, *, reprint: bool = False, reprinted_at: datetime | None = None
) -> Document:
    """The customer's receipt (영수증) with every field a Korean simplified receipt carries."""
    qr = receipt_qr_content(terminal_id, sale.receipt_no)
    b: list[Block] = []
    if reprint:
        b.append(Text(f"[{REPRINT_MARK}]", Align.CENTER, bold=True, size=2))
        if reprinted_at is not None:
            b.append(Text(f"{REPRINT_MARK} 일시 {_when(reprinted_at, shop.tz)}", Align.CENTER))
    b.append(Text(shop.name, Align.CENTER, bold=True, size=2))
    b.append(Feed(1))
    digits = normalize_business_number(shop.business_number)
    b.append(Text(f"사업자등록번호: {format_business_number(digits) if len(digits) == 10 else digits}"))
    if shop.owner:
        b.append(Text(f"대표자: {shop.owner}"))
    if shop.address:
        b.append(Text(f"주소: {shop.address}"))
    if shop.phone:
        b.append(Text(f"전화: {shop.phone}"))
    b.append(Text(f"일시: {_when(sale.created_at, shop.tz)}"))
    b.append(Text(f"영수증번호: {sale.receipt_no}"))
    b.append(Rule("="))
    b.append(Text("주문번호", Align.CENTER))
    b.append(Text(str(sale.order_number), Align.CENTER, bold=True, size=2))
    b.append(Text(ORDER_TYPE_KO.get(sale.order_type, sale.order_type), Align.CENTER, bold=True))
    b.append(Rule("="))
    b.append(Columns("품명 x 수량", "금액"))
    b.append(Rule())
    for line in sale.lines:
        mark = "*" if line.get("tax_type") == "taxfree" else ""
        b.append(Columns(f"{mark}{line['name_ko']} x{line['quantity']}", f"{int(line['line_total']):,}"))
        b.extend(Text(t) for t in _options_text(line))
    b.append(Rule())
    t = sale.totals
    if t.get("tax_free", 0):
        b.append(Columns("면세물품가액 (*)", f"{t['tax_free']:,}"))
    b.append(Columns("과세물품가액", f"{t['taxable']:,}"))
    b.append(Columns("공급가액", f"{t['supply_value']:,}"))
    b.append(Columns("부가세", f"{t['vat']:,}"))
    b.append(Columns("합계", format_won(t["total"]), bold=True))
    b.append(Rule())
    for d in sale.discounts:
        b.append(Columns(f"할인 ({d.get('reason', '')})", f"-{int(d['amount']):,}"))
    for part in sale.parts or (sale.payment,):
        b.extend(_payment_blocks(part))
    if sale.cash_receipt:
        purpose = "지출증빙" if sale.cash_receipt.get("purpose") == "proof" else "소득공제"
        b.append(Text(f"현금영수증({purpose}): {sale.cash_receipt.get('id_masked', '')}"))
    b.append(Rule())
    if shop.footer:
        b.append(Text(shop.footer, Align.CENTER))
    b.append(QrCode(qr))
    b.append(Text(qr, Align.CENTER))
    b.append(Cut())
    return Document(DocumentKind.RECEIPT, tuple(b), qr)


def _payment_blocks(p: dict[str, Any]) -> list[Block]:
    method = str(p.get("method", ""))
    out: list[Block] = [Columns(f"결제수단: {PAYMENT_KO.get(method, method)}", format_won(int(p.get("amount", 0))))]
    if method == "card":
        if p.get("issuer"):
            out.append(Text(f"카드사: {p['issuer']}"))
        if p.get("masked_card"):
            out.append(Text(f"카드번호: {mask_card_number(str(p['masked_card']))}"))
        months = int(p.get("installments", 0) or 0)
        out.append(Text(f"할부: {'일시불' if months <= 1 else f'{months}개월'}"))
    elif method in ("qr", "barcode") and p.get("provider"):
        out.append(Text(f"결제사: {p['provider']}"))
    if method in ("cash", "voucher") and int(p.get("tendered", 0) or 0):
        label = "받은 상품권" if method == "voucher" else "받은 금액"
        out.append(Columns(f"  {label}", f"{int(p['tendered']):,}"))
        out.append(Columns("  거스름돈", f"{int(p.get('change', 0)):,}"))
    if p.get("approval_no"):
        out.append(Text(f"승인번호: {p['approval_no']}"))
    return out


def kitchen_ticket(sale: SaleView, shop: ShopInfo, *, reprint: bool = False) -> Document:
    """The kitchen's ticket: always Korean, big order number, what to make, no prices."""
    b: list[Block] = []
    if reprint:
        b.append(Text(f"[{REPRINT_MARK}]", Align.CENTER, bold=True, size=2))
    b.append(Text("주방 주문서", Align.CENTER, bold=True))
    b.append(Text(f"주문번호 {sale.order_number}", Align.CENTER, bold=True, size=2))
    b.append(Text(ORDER_TYPE_KO.get(sale.order_type, sale.order_type), Align.CENTER, bold=True, size=2))
    b.append(Text(f"주문시각: {_when(sale.created_at, shop.tz)}"))
    b.append(Rule())
    for line in sale.lines:
        b.append(Columns(str(line["name_ko"]), f"x{line['quantity']}", bold=True))
        b.extend(Text(t.split(" (+")[0]) for t in _options_text(line))
    b.append(Rule())
    b.append(Cut())
    return Document(DocumentKind.KITCHEN, tuple(b))


def installer_test_page(shop_name: str, printer_url: str, profile_name: str, terminal_id: str) -> Document:
    """The installer's test page: native Korean, a syllable outside KS X 1001 (raster), aligned amounts,
    a QR, a cut and a drawer kick, so one page proves every path."""
    qr = receipt_qr_content(terminal_id, "TEST-0000")
    b: list[Block] = [
        Text("프린터 시험 인쇄", Align.CENTER, bold=True, size=2),
        Text(shop_name, Align.CENTER),
        Text(f"프린터: {printer_url}"),
        Text(f"프로필: {profile_name}"),
        Rule(),
        Text("한글 기본: 가나다라마바사 아자차카타파하"),
        Text("확장 글자: 똠양꿍 햏 뷁 (그림으로 인쇄)"),
        Text("ASCII: 0123456789 ABCDEF abcdef"),
        Rule(),
        Columns("아메리카노 x2", "9,000"),
        Columns("Latte x1", "5,000"),
        Columns("유자차 (따뜻하게) x1", "5,500"),
        Columns("합계", format_won(19_500), bold=True),
        Rule(),
        QrCode(qr),
        Text("QR이 읽히면 정상입니다", Align.CENTER),
        Text("금전함이 열리면 정상입니다", Align.CENTER),
        DrawerKick(),
        Cut(),
    ]
    return Document(DocumentKind.TEST_PAGE, tuple(b), qr)
