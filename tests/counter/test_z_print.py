"""The Z on the receipt printer: rendered to ESC/POS by the one renderer, captured by the printer simulator,
and every field of the Z is on the paper (the simulator decodes the Korean text back)."""

from __future__ import annotations

import queue

from app.builders.printing import build_printer
from hardware.printer.profiles import profile_named
from kiosk.counter.day import CashCount
from kiosk.counter.identifiers import IdKind, parse_identifier
from kiosk.counter.sales import cash_tender, voucher_tender
from kiosk.counter.ticket import Discount, DiscountKind, Ticket
from kiosk.receipts.content import ShopInfo
from kiosk.receipts.port import PrintJob, PrintOutcome
from kiosk.receipts.zreport import report_document
from tests.helpers.counter import KEY, MANAGER, OWNER, PHONE, STAFF, World


def test_the_printed_z_holds_every_field(world: World) -> None:
    world.day.open(STAFF, 30_000)
    order_id = "print-split"
    card = world.card(order_id, 5_000)
    ticket = Ticket().add(world.catalog, "cheesecake").add(world.catalog, "milk_1l")
    ticket = ticket.with_discount(Discount(DiscountKind.AMOUNT, 200, "단골"))
    ident = parse_identifier(IdKind.PHONE, PHONE, KEY)
    world.counter.sell(ticket, [card, cash_tender(4_000, 10_000)], STAFF, order_id=order_id, receipt_id=ident)
    refund = world.counter.sell(Ticket().add(world.catalog, "macaron"), [cash_tender(2_500, 2_500)], STAFF)
    world.counter.refund_cash(refund.order_id, STAFF, "변심", approver=MANAGER)
    world.counter.sell(Ticket().add(world.catalog, "tiramisu"), [voucher_tender(6_500, 10_000, world.rules)], STAFF)
    world.day.no_sale(STAFF, "잔돈")
    world.day.paid(STAFF, 1_000, "택배비", out=True)
    expected = world.day.drawer_balance()
    z = world.day.close(STAFF, CashCount({10_000: 2, 1_000: 8}), approver=OWNER)
    assert z["cash"]["expected"] == expected == 30_000 + 4_000 + 2_500 - 2_500 - 3_500 - 1_000

    printer, sim = build_printer("sim://", profile_named("korean-80mm"))
    assert sim is not None
    done: queue.Queue[PrintOutcome] = queue.Queue()
    with printer:
        doc = report_document(z, ShopInfo("카페 한결", "2148710355"), "COUNTER-01")
        printer.submit(PrintJob("z-1", "", doc), done.put)
        assert done.get(timeout=30).ok
    page = sim.page(1)
    assert page is not None
    text = page.text()
    head = z["chain_head"]["hash"]
    for needle in [
        "마감 정산 Z 0001",
        f"영업일: {z['business_date']}",
        "주문번호: 5001 ~ 5003",
        "판매 3건",
        "신용카드 1건",
        "현금 2건",
        "온누리상품권 1건",
        "환불 1건",
        "순매출",
        "과세물품가액",
        "공급가액",
        f"{z['tax']['vat']:,}원",
        "면세물품가액",
        "할인 1건",
        "-200원",
        "노세일(금전함 열림) 1회",
        "김직원",
        "출금",
        "시재금(개점)",
        f"{expected:,}원",
        "실제 현금",
        "28,000원",
        f"{28_000 - expected:+,}원",
        "10,000원 x 2",
        "차액 승인(점주): 박점주",
        "현금영수증",
        f"체인 헤드: #{z['chain_head']['seq']}",
        head[:32],
        head[32:],
        z["entry"]["hash"][:32],
    ]:
        assert needle in text, f"{needle!r} not on the printed Z:\n{text}"
    assert PHONE not in text and "5678" not in text


def test_the_customer_receipt_of_a_split_sale_shows_every_part_the_change_and_the_masked_cash_receipt(
    world: World,
) -> None:
    import json

    from kiosk.receipts.content import SaleView, receipt_document
    from kiosk.receipts.document import plain_text

    world.day.open(STAFF, 0)
    order_id = "receipt-split"
    card = world.card(order_id, 5_000)
    ticket = Ticket().add(world.catalog, "cheesecake").add(world.catalog, "macaron")
    ticket = ticket.with_discount(Discount(DiscountKind.AMOUNT, 500, "단골"))
    ident = parse_identifier(IdKind.PHONE, PHONE, KEY)
    sale = world.counter.sell(ticket, [card, cash_tender(3_000, 10_000)], STAFF, order_id=order_id, receipt_id=ident)
    entry = world.ledger.entries_after(sale.seq - 1, 1)[0]
    text = plain_text(receipt_document(SaleView.from_payload(json.loads(entry.payload)), _SHOP, "COUNTER-01"), 42)
    for needle in [
        "할인 (단골)",
        "결제수단: 신용카드",
        "5,000원",
        "결제수단: 현금",
        "받은 금액",
        "10,000",
        "거스름돈",
        "7,000",
    ]:
        assert needle in text, f"{needle!r} not on the receipt:\n{text}"
    assert "현금영수증(소득공제): 010-****-5678" in text and PHONE not in text


_SHOP = ShopInfo("카페 한결", "2148710355")
