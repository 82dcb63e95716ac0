"""Counter sales: cash with change, split card + cash, 온누리상품권 with the change rule, discounts and their
limit, hold / recall, no-sale, paid out and cash refunds out of the drawer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.counter.day import CashCount, NotPermitted
from kiosk.counter.rules import CounterRules, VoucherChange
from kiosk.counter.sales import SaleRefused, cash_tender, voucher_change, voucher_tender
from kiosk.counter.ticket import Discount, DiscountKind, Ticket
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.ledger.models import OrderLineRow, PaymentRow
from kiosk.ledger.verify import verify_journal
from kiosk.payments.intents import IntentStore
from tests.helpers.counter import MANAGER, OWNER, STAFF, World, make_world

LATTE = (("size", ("large",)), ("temp", ("iced",)))


def test_a_three_item_order_with_options_paid_cash_records_tendered_and_change(world: World) -> None:
    world.day.open(STAFF, 50_000)
    ticket = Ticket().add(world.catalog, "cafe_latte", LATTE).add(world.catalog, "cafe_latte", LATTE)
    ticket = ticket.add(world.catalog, "croissant").add(world.catalog, "macaron").with_order_type(OrderType.TAKE_OUT)
    total = ticket.total(world.catalog)
    assert total == 2 * (4000 + 700 + 500) + 3500 + 2500
    sale = world.counter.sell(ticket, [cash_tender(total, 50_000)], STAFF)
    assert sale.change == 50_000 - total and sale.order_number == 5001
    with world.ledger.reading() as s:
        pays = s.execute(select(PaymentRow).where(PaymentRow.order_id == sale.order_id)).scalars().all()
        assert [(p.method, p.amount) for p in pays] == [("cash", total)]
    entry = world.ledger.entries_after(sale.seq - 1, 1)[0]
    assert '"tendered":50000' in entry.payload and f'"change":{50_000 - total}' in entry.payload
    assert world.day.drawer_balance() == 50_000 + total
    assert world.drawer.kicks == 2  # the float and the sale


def test_split_card_and_cash_writes_both_parts_and_only_cash_reaches_the_drawer(world: World) -> None:
    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "cheesecake").add(world.catalog, "tiramisu")
    order_id = "split-order-1"
    card = world.card(order_id, 10_000)
    sale = world.counter.sell(ticket, [cash_tender(2_500, 5_000), card], STAFF, order_id=order_id)
    assert sale.change == 2_500
    with world.ledger.reading() as s:
        pays = s.execute(select(PaymentRow).where(PaymentRow.order_id == order_id)).scalars().all()
        assert sorted((p.method, p.amount) for p in pays) == [("card", 10_000), ("cash", 2_500)]
    assert world.day.drawer_balance() == 2_500


def test_a_card_part_without_its_approval_is_refused(world: World) -> None:
    from kiosk.counter.sales import Tender
    from kiosk.ledger.ledger import LedgerError

    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "macaron")
    with pytest.raises(LedgerError, match="approval"):
        world.counter.sell(ticket, [Tender("card", 2_500, id="never-approved")], STAFF, order_id="o-1")
    assert world.counter.find_order(5001) is None


def test_tenders_must_add_up(world: World) -> None:
    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "macaron")
    with pytest.raises(SaleRefused):
        world.counter.sell(ticket, [cash_tender(2_000, 2_000)], STAFF)


@pytest.mark.parametrize(
    ("rule", "face", "used", "change"),
    [
        (VoucherChange.PERCENT, 10_000, 6_000, 4_000),  # 60 % used: the rest in cash
        (VoucherChange.PERCENT, 10_000, 5_900, 0),  # under 60 %: no change
        (VoucherChange.NEVER, 10_000, 9_000, 0),
        (VoucherChange.ALWAYS, 10_000, 1_000, 9_000),
        (VoucherChange.PERCENT, 5_000, 5_000, 0),
    ],
)
def test_voucher_change_follows_the_shops_rule(rule: VoucherChange, face: int, used: int, change: int) -> None:
    assert voucher_change(face, used, CounterRules(voucher_change=rule)) == change


def test_a_paper_voucher_pays_and_its_cash_change_leaves_the_drawer(world: World) -> None:
    world.day.open(STAFF, 10_000)
    ticket = Ticket().add(world.catalog, "tiramisu")  # 6,500
    tender = voucher_tender(6_500, 10_000, world.rules)
    assert (tender.amount, tender.change) == (6_500, 3_500)
    world.counter.sell(ticket, [tender], STAFF)
    assert world.day.drawer_balance() == 10_000 - 3_500
    z = world.day.close(STAFF, CashCount({5_000: 1, 1_000: 1, 500: 1}))
    assert z["by_method"]["voucher"] == {"count": 1, "amount": 6_500}
    assert z["cash"]["voucher_change"] == 3_500
    with pytest.raises(SaleRefused):
        voucher_tender(1_000, 1_500, world.rules)


def test_voucher_change_the_drawer_does_not_hold_is_refused_and_nothing_is_recorded(world: World) -> None:
    world.day.open(STAFF, 3_000)
    ticket = Ticket().add(world.catalog, "tiramisu")  # 6,500: a 10,000원 voucher wants 3,500 back
    seq = world.ledger.last_seq()
    with pytest.raises(SaleRefused, match="drawer does not hold"):
        world.counter.sell(ticket, [voucher_tender(6_500, 10_000, world.rules)], STAFF)
    assert world.ledger.last_seq() == seq and world.day.drawer_balance() == 3_000
    world.day.paid(STAFF, 500, "잔돈", out=False)  # with 3,500 in the drawer the change can be given
    world.counter.sell(ticket, [voucher_tender(6_500, 10_000, world.rules)], STAFF)
    assert world.day.drawer_balance() == 0


def test_discounts_come_off_the_lines_and_over_the_limit_need_a_manager(world: World) -> None:
    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "cheesecake").add(world.catalog, "milk_1l")  # 6,000 taxable, 3,200 tax-free
    small = ticket.with_discount(Discount(DiscountKind.AMOUNT, 500, "단골"))
    assert small.total(world.catalog) == 8_700 and not world.counter.discount_needs_approval(small)
    big = ticket.with_line_discount(0, Discount(DiscountKind.PERCENT, 50, "유통기한 임박"))
    assert big.total(world.catalog) == 6_200
    with pytest.raises(NotPermitted, match="승인"):
        world.counter.sell(big, [cash_tender(6_200, 6_200)], STAFF)
    sale = world.counter.sell(big, [cash_tender(6_200, 10_000)], STAFF, approver=MANAGER)
    with world.ledger.reading() as s:
        lines = s.execute(select(OrderLineRow).where(OrderLineRow.order_id == sale.order_id)).scalars().all()
        assert [ln.line_total for ln in lines] == [3_000, 3_200]
    z = world.day.close(STAFF, CashCount({1_000: 6, 100: 2}))
    assert z["discounts"] == {"count": 1, "amount": 3_000}
    assert z["tax"]["tax_free"] == 3_200 and z["tax"]["taxable"] == 3_000
    with pytest.raises(ValueError):
        Discount(DiscountKind.AMOUNT, 500, "  ")


def test_a_ticket_discount_is_shared_across_lines_exactly() -> None:
    from tests.helpers.counter import catalog

    cat = catalog()
    ticket = Ticket().add(cat, "macaron").add(cat, "bagel").add(cat, "eggs")
    ticket = ticket.with_discount(Discount(DiscountKind.PERCENT, 33, "행사"))
    priced = ticket.priced(cat)
    assert sum(p.ticket_share for p in priced) == (2_500 + 2_800 + 5_500) * 33 // 100
    assert all(p.total >= 0 for p in priced)


def test_hold_and_recall(world: World) -> None:
    ticket = Ticket().add(world.catalog, "macaron")
    number = world.counter.held.hold(ticket)
    assert world.counter.held.recall(number) == ticket
    with pytest.raises(SaleRefused):
        world.counter.held.recall(number)


def test_a_cash_refund_pays_out_of_the_drawer_and_needs_a_manager(world: World, tmp_path: Path) -> None:
    world.day.open(STAFF, 20_000)
    ticket = Ticket().add(world.catalog, "bingsu")
    sale = world.counter.sell(ticket, [cash_tender(9_000, 10_000)], STAFF)
    with pytest.raises(NotPermitted):
        world.counter.refund_cash(sale.order_id, STAFF, "고객 변심")
    assert world.counter.refund_cash(sale.order_id, STAFF, "고객 변심", approver=MANAGER) == 9_000
    assert world.day.drawer_balance() == 20_000
    card_order = "card-order"
    card = world.card(card_order, 2_500)
    world.counter.sell(Ticket().add(world.catalog, "macaron"), [card], STAFF, order_id=card_order)
    with pytest.raises(SaleRefused, match="card"):
        world.counter.refund_cash(card_order, OWNER, "x")
    z = world.day.close(STAFF, CashCount({10_000: 2}))
    assert z["refunds"]["count"] == 1 and z["refunds"]["by_method"] == {"cash": {"count": 1, "amount": 9_000}}
    assert z["cash"]["refunds"] == 9_000 and z["net"] == 9_000 + 2_500 - 9_000
    assert verify_journal(tmp_path / "ledger.sqlite3").ok


def test_qr_and_barcode_parts_go_through_intents_too(world: World) -> None:
    world.day.open(STAFF, 0)
    ticket = Ticket().add(world.catalog, "bingsu")
    order_id = "qr-order"
    qr = world.card(order_id, 4_000, PaymentMethod.QR)
    sale = world.counter.sell(ticket, [qr, cash_tender(5_000, 5_000)], STAFF, order_id=order_id)
    assert sale.change == 0
    assert [i.order_completed for i in IntentStore(world.ledger).for_order(order_id)] == [True]


def test_the_drawer_kick_reaches_the_printer_and_its_sensor_is_read(tmp_path: Path) -> None:
    from app.builders.printing import build_printer
    from hardware.printer.drawer import PrinterDrawer
    from hardware.printer.profiles import profile_named

    printer, sim = build_printer("sim://", profile_named("korean-80mm"))
    assert sim is not None
    with printer:
        drawer = PrinterDrawer(printer)
        assert drawer.is_open() is False
        w = make_world(tmp_path / "l.sqlite3")
        try:
            w.day.drawer = drawer
            w.day.open(STAFF, 10_000)
            w.day.no_sale(STAFF, "잔돈 교환")
            assert sim.drawer_kicks == 2
            assert drawer.is_open() is True
            sim.set_faults(drawer_open=False)
            assert drawer.is_open() is False
            sim.set_faults(silent=True)
            assert drawer.is_open() is None  # no reply: unknown, never "closed"
        finally:
            w.close()
