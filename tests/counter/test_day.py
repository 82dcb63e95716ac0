"""The business day: open, paid in / out, no-sale, close into a numbered hash-chained Z, reopen, X."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.counter.day import (
    BadAmount,
    CashCount,
    DayAlreadyOpen,
    DayNotOpen,
    NotPermitted,
    OwnerPinNeeded,
    UnresolvedPayments,
)
from kiosk.counter.rules import CounterRules
from kiosk.counter.sales import cash_tender
from kiosk.counter.ticket import Ticket
from kiosk.domain.cart import Cart
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger.ledger import PaymentRecord
from kiosk.ledger.verify import verify_journal
from kiosk.payments.intents import IntentStore
from tests.helpers.counter import (
    MANAGER,
    OWNER,
    STAFF,
    World,
    count_of,
    journal,
    make_world,
    recompute_from_journal,
)


def _cash_sale(world: World, *items: str, tendered: int | None = None) -> int:
    ticket = Ticket()
    for item in items:
        ticket = ticket.add(world.catalog, item)
    total = ticket.total(world.catalog)
    world.counter.sell(ticket, [cash_tender(total, tendered or total)], STAFF)
    return total


def test_selling_before_opening_is_refused_with_a_clear_message(world: World) -> None:
    ticket = Ticket().add(world.catalog, "macaron")
    with pytest.raises(DayNotOpen, match="개점"):
        world.counter.sell(ticket, [cash_tender(2500, 5000)], STAFF)
    assert [k for _, k, _ in journal(world.ledger)] == []


def test_open_sell_close_gives_a_z_equal_to_the_journal_and_the_chain_verifies(world: World, tmp_path: Path) -> None:
    world.day.open(STAFF, 100_000)
    assert world.drawer.kicks == 1
    with pytest.raises(DayAlreadyOpen):
        world.day.open(STAFF, 0)
    a = _cash_sale(world, "macaron", "bagel", tendered=10_000)
    b = _cash_sale(world, "milk_1l", "eggs")  # tax-free
    world.day.no_sale(STAFF, "잔돈 교환")
    world.day.no_sale(MANAGER, "동전 보충")
    world.day.paid(STAFF, 8_000, "우유 구입", out=True)
    world.day.paid(STAFF, 20_000, "잔돈 입금", out=False)
    expected = 100_000 + a + b - 8_000 + 20_000
    assert world.day.drawer_balance() == expected
    x = world.day.x_report(STAFF)
    assert x["cash"]["expected"] == expected and world.day.current() is not None
    z = world.day.close(STAFF, count_of(expected))
    assert z["z_number"] == 1 and z["kind"] == "Z"
    assert world.day.current() is None
    again = recompute_from_journal(world.ledger, z["range"]["from_seq"], z["range"]["to_seq"], z["session_id"])
    assert z["sales"] == {"count": again["count"], "gross": again["gross"]}
    assert {m: v["amount"] for m, v in z["by_method"].items()} == again["by_method"]
    assert z["tax"]["vat"] == again["vat"] and z["tax"]["tax_free"] == again["tax_free"] > 0
    assert z["cash"]["expected"] == again["expected_cash"] == expected
    assert z["orders"] == {"first": again["first"], "last": again["last"]} == {"first": 5001, "last": 5002}
    assert {p["person_id"]: p["count"] for p in z["no_sales"]["by_staff"]} == again["no_sales"]
    assert z["paid_out"] == 8_000 and z["paid_in"] == 20_000
    # the chain head is the entry before the Z, and the Z entry chains onto it
    assert z["entry"]["prev_hash"] == z["chain_head"]["hash"] and z["entry"]["seq"] == z["chain_head"]["seq"] + 1
    assert verify_journal(tmp_path / "ledger.sqlite3").ok
    kinds = [k for _, k, _ in journal(world.ledger)]
    assert kinds.count("day.closed") == 1 and kinds.count("drawer.no_sale") == 2


def test_a_difference_over_the_tolerance_needs_the_owner(world: World) -> None:
    world.day.open(STAFF, 50_000)
    _cash_sale(world, "macaron")
    count = CashCount({50_000: 1})  # 2,500 short: over the 1,000 won tolerance
    with pytest.raises(OwnerPinNeeded) as refused:
        world.day.close(STAFF, count)
    assert refused.value.difference == -2_500
    with pytest.raises(NotPermitted):
        world.day.close(STAFF, count, approver=MANAGER)
    assert world.day.current() is not None
    z = world.day.close(STAFF, count, approver=OWNER)
    assert z["cash"]["difference"] == -2_500 and z["approved_by"]["person_id"] == OWNER.person_id
    assert z["cash"]["denominations"]["50000"] == 1


def test_a_difference_within_the_tolerance_closes_without_the_owner(world: World) -> None:
    world.day.open(STAFF, 10_000)
    z = world.day.close(STAFF, CashCount({1_000: 9, 500: 1}))
    assert z["cash"]["difference"] == -500 and z["approved_by"] is None


def test_closing_is_refused_while_a_payment_intent_is_unresolved(world: World) -> None:
    world.day.open(STAFF, 0)
    IntentStore(world.ledger).create("stuck", "order-x", PaymentMethod.CARD, 5_000)
    with pytest.raises(UnresolvedPayments, match="결제"):
        world.day.close(STAFF, CashCount({}))
    assert world.day.current() is not None


def test_reopen_is_the_owners_and_the_next_z_covers_the_whole_day(world: World) -> None:
    world.day.open(STAFF, 0)
    _cash_sale(world, "macaron")
    z1 = world.day.close(STAFF, CashCount({1_000: 2, 500: 1}))
    with pytest.raises(NotPermitted):
        world.day.reopen(MANAGER, "잘못 마감")
    world.day.reopen(OWNER, "잘못 마감")
    assert world.day.z_report(1)["valid"] is False
    _cash_sale(world, "bagel")
    z2 = world.day.close(STAFF, CashCount({1_000: 5, 500: 1, 100: 3}))
    assert z2["z_number"] == 2 and z2["sales"]["count"] == 2 and z2["range"]["from_seq"] == z1["range"]["from_seq"]
    assert [z["valid"] for z in world.day.z_list()] == [False, True]
    # the next day's Z starts after this one
    world.day.open(STAFF, 0)
    z3 = world.day.close(STAFF, CashCount({}))
    assert z3["range"]["from_seq"] > z2["entry"]["seq"] and z3["sales"]["count"] == 0


def test_amounts_and_counts_are_checked(world: World) -> None:
    with pytest.raises(BadAmount):
        world.day.open(STAFF, -1)
    world.day.open(STAFF, 1_000)
    with pytest.raises(BadAmount):
        world.day.paid(STAFF, 5_000, "too much", out=True)
    with pytest.raises(BadAmount):
        CashCount.parse("30000x1")
    with pytest.raises(BadAmount):
        CashCount.parse("nonsense")
    assert CashCount.parse("50000x2, 1000=3").total == 103_000


def test_a_kiosk_sale_with_no_day_open_opens_one_and_is_in_the_next_z(world: World) -> None:
    cart = Cart().add(world.catalog, "macaron")
    order = order_from_cart(world.catalog, cart, OrderType.TAKE_OUT, world.clock.now())
    world.ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total))
    session = world.day.current()
    assert session is not None and session.auto and session.float_amount == 0
    z = world.day.close(STAFF, CashCount({}))
    assert z["sales"]["count"] == 1


def test_kiosk_and_counter_order_numbers_never_collide(tmp_path: Path) -> None:
    w = make_world(tmp_path / "l.sqlite3", CounterRules(order_range=(5001, 9999)))
    try:
        w.ledger.order_range = (1, 5000)
        w.day.open(STAFF, 0)
        numbers = []
        for _ in range(3):
            cart = Cart().add(w.catalog, "macaron")
            order = order_from_cart(w.catalog, cart, OrderType.TAKE_OUT, w.clock.now())
            numbers.append(w.ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total)).order_number)
            ticket = Ticket().add(w.catalog, "bagel")
            numbers.append(w.counter.sell(ticket, [cash_tender(2800, 2800)], STAFF).order_number)
        assert numbers == [1, 5001, 2, 5002, 3, 5003]
    finally:
        w.close()
