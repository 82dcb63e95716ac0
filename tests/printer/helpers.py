"""A sale in a real ledger file, for the printing tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.money import TaxType
from kiosk.domain.order import Order, OrderLine, OrderOption, OrderType, PaymentMethod
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ledger.ledger import SaleRecord
from kiosk.ports import FakeClock
from kiosk.receipts.content import ShopInfo

SHOP = ShopInfo(
    name="카페 한결",
    business_number="2148710355",
    owner="김한결",
    address="서울특별시 마포구 월드컵북로 12길 34",
    phone="02-335-1234",
    footer="감사합니다. 또 오세요!",
)
TERMINAL = "HANGYEOL-K1"


def make_order(order_id: str = "") -> Order:
    at = datetime(2026, 11, 21, 3, 4, 5, tzinfo=UTC)  # 12:04:05 in Seoul
    extra_shot = (OrderOption("shot", "extra", "샷 추가", 500, 1),)
    lines = (
        OrderLine("americano", "아메리카노", {"ko": "아메리카노"}, 2, 5_000, 10_000, TaxType.TAXABLE, extra_shot),
        OrderLine("tomyum", "똠양꿍 라면", {"ko": "똠양꿍 라면"}, 1, 7_000, 7_000, TaxType.TAXABLE),
        OrderLine("apple", "사과", {"ko": "사과"}, 1, 3_000, 3_000, TaxType.TAX_FREE),
    )
    return Order(order_id or "0190a1b2-0000-7000-8000-000000000001", OrderType.TAKE_OUT, lines, at)


def card_payment(order: Order) -> PaymentRecord:
    return PaymentRecord(
        PaymentMethod.CARD,
        order.total,
        provider="KICC",
        approval_no="30012345",
        issuer="신한카드",
        masked_card="5365-12**-****-1234",
        installments=3,
    )


def ledger_with_sale(path: Path) -> tuple[Ledger, SaleRecord]:
    clock = FakeClock(datetime(2026, 11, 21, 3, 4, 6, tzinfo=UTC))
    ledger = Ledger.open(path, device_id=TERMINAL, clock=clock)
    order = make_order()
    return ledger, ledger.record_sale(order, card_payment(order))


def sale_payload(ledger: Ledger, sale: SaleRecord) -> dict[str, object]:
    import json

    entry = ledger.entries_after(sale.seq - 1, 1)[0]
    data: dict[str, object] = json.loads(entry.payload)
    return data
