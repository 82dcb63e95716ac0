"""The Z (마감) and X (중간 점검) report as a printable document (docs/COUNTER.md, "The Z report").

Built from the report dict that `kiosk.counter.day` journals (a Z) or computes (an X), so a Z prints the
same years later from the journal alone. Every field of the Z is on the paper: number, business day,
chain head, first / last order numbers, totals by method, VAT / supply / tax-free, refunds, discounts,
no-sale openings by staff, paid in / out, cash expected / counted / difference with the count by
denomination, cash receipts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.domain.business import format_business_number, normalize_business_number
from kiosk.domain.money import format_won
from kiosk.receipts.content import ShopInfo
from kiosk.receipts.document import Align, Block, Columns, Cut, Document, DocumentKind, Feed, Rule, Text

METHOD_KO = {
    "card": "신용카드",
    "qr": "QR결제",
    "barcode": "간편결제",
    "cash": "현금",
    "voucher": "온누리상품권",
    "unknown": "기타",
}
RECEIPT_STATE_KO = {
    "issued": "발급",
    "cancelled": "취소",
    "due": "발급 대기",
    "failed": "실패",
    "requested": "응답 대기",
}


def _when(iso: str, shop: ShopInfo) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(shop.tz).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


def _won(v: int) -> str:
    return format_won(int(v))


def report_document(report: dict[str, Any], shop: ShopInfo, terminal_id: str, *, reprint: bool = False) -> Document:
    z = report
    is_z = z.get("kind") == "Z"
    b: list[Block] = []
    if reprint:
        b.append(Text("[재발행]", Align.CENTER, bold=True, size=2))
    title = f"마감 정산 Z {z['z_number']:04d}" if is_z else "중간 점검 X"
    b.append(Text(title, Align.CENTER, bold=True, size=2))
    b.append(Text(shop.name, Align.CENTER, bold=True))
    digits = normalize_business_number(shop.business_number)
    b.append(Text(f"사업자등록번호: {format_business_number(digits) if len(digits) == 10 else digits}"))
    b.append(Text(f"단말기: {terminal_id}"))
    b.append(Text(f"영업일: {z['business_date']}"))
    b.append(Text(f"개점: {_when(z['opened_at'], shop)} {z['opened_by'].get('name', '')}"))
    who = z.get("closed_by") if is_z else z.get("printed_by")
    if is_z and z.get("entry"):
        b.append(Text(f"마감: {_when(z.get('closed_at', ''), shop) if z.get('closed_at') else ''}".rstrip()))
    if who:
        b.append(Text(f"{'마감자' if is_z else '출력자'}: {who.get('person_name', '')}"))
    b.append(Text(f"거래 범위: #{z['range']['from_seq']} - #{z['range']['to_seq']}"))
    first, last = z["orders"]["first"], z["orders"]["last"]
    b.append(Text(f"주문번호: {first if first is not None else '-'} ~ {last if last is not None else '-'}"))
    b.append(Rule("="))
    b.append(Columns(f"판매 {z['sales']['count']}건", _won(z["sales"]["gross"]), bold=True))
    for method, v in sorted(z["by_method"].items()):
        b.append(Columns(f"  {METHOD_KO.get(method, method)} {v['count']}건", _won(v["amount"])))
    b.append(Columns(f"환불 {z['refunds']['count']}건", "-" + _won(z["refunds"]["amount"])))
    for method, v in sorted(z["refunds"]["by_method"].items()):
        b.append(Columns(f"  {METHOD_KO.get(method, method)} {v['count']}건", "-" + _won(v["amount"])))
    b.append(Columns("순매출", _won(z["net"]), bold=True))
    b.append(Rule())
    tax = z["tax"]
    b.append(Columns("과세물품가액", _won(tax["taxable"])))
    b.append(Columns("공급가액", _won(tax["supply_value"])))
    b.append(Columns("부가세", _won(tax["vat"])))
    b.append(Columns("면세물품가액", _won(tax["tax_free"])))
    b.append(Rule())
    b.append(Columns(f"할인 {z['discounts']['count']}건", "-" + _won(z["discounts"]["amount"])))
    b.append(Columns(f"노세일(금전함 열림) {z['no_sales']['count']}회", ""))
    for person in z["no_sales"]["by_staff"]:
        b.append(Columns(f"  {person['name'] or person['person_id']}", f"{person['count']}회"))
    b.append(Columns("입금", _won(z["paid_in"])))
    b.append(Columns("출금", "-" + _won(z["paid_out"])))
    b.append(Rule())
    cash = z["cash"]
    b.append(Text("현금 시재", bold=True))
    b.append(Columns("  시재금(개점)", _won(cash["float"])))
    b.append(Columns("  현금 매출", _won(cash["sales"])))
    b.append(Columns("  현금 환불", "-" + _won(cash["refunds"])))
    b.append(Columns("  상품권 거스름돈", "-" + _won(cash["voucher_change"])))
    b.append(Columns("  입금 / 출금", f"{cash['paid_in']:,} / -{cash['paid_out']:,}"))
    b.append(Columns("  예상 현금", _won(cash["expected"]), bold=True))
    if is_z:
        for value, n in sorted(((int(k), int(v)) for k, v in cash["denominations"].items()), reverse=True):
            if n:
                b.append(Columns(f"    {value:,}원 x {n}", f"{value * n:,}"))
        b.append(Columns("  실제 현금", _won(cash["counted"]), bold=True))
        b.append(Columns("  차액", f"{cash['difference']:+,}원", bold=True))
        if z.get("approved_by"):
            b.append(Text(f"  차액 승인(점주): {z['approved_by'].get('person_name', '')}"))
    receipts = z.get("cash_receipts", {})
    if receipts:
        b.append(Rule())
        b.append(Text("현금영수증", bold=True))
        for state, v in sorted(receipts.items()):
            b.append(Columns(f"  {RECEIPT_STATE_KO.get(state, state)} {v['count']}건", _won(v["amount"])))
    if is_z:
        b.append(Rule("="))
        head = z["chain_head"]
        b.append(Text(f"체인 헤드: #{head['seq']}"))
        b.append(Text(head["hash"][:32]))
        b.append(Text(head["hash"][32:]))
        if z.get("entry"):
            b.append(Text(f"Z 기록: #{z['entry']['seq']}"))
            b.append(Text(z["entry"]["hash"][:32]))
            b.append(Text(z["entry"]["hash"][32:]))
        if z.get("valid") is False:
            b.append(Text("[마감 취소됨]", Align.CENTER, bold=True))
    b.append(Feed(1))
    b.append(Cut())
    return Document(DocumentKind.RECEIPT, tuple(b))
