"""Property: for any day of openings, sales (cash, vouchers, split with card), refunds and paid in / out, the
drawer holds float + cash in − cash out, and the Z's expected cash is that same sum."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.counter.day import BadAmount
from kiosk.counter.sales import SaleRefused, cash_tender, voucher_tender
from kiosk.counter.ticket import Ticket
from tests.helpers.counter import MANAGER, STAFF, count_of, make_world

ITEMS = ["macaron", "bagel", "bingsu", "milk_1l", "cheesecake"]
step = st.one_of(
    st.tuples(st.just("cash"), st.sampled_from(ITEMS), st.integers(0, 3)),
    st.tuples(st.just("voucher"), st.sampled_from(ITEMS), st.sampled_from([5_000, 10_000, 20_000])),
    st.tuples(st.just("split"), st.sampled_from(ITEMS), st.integers(1, 200).map(lambda x: x * 10)),
    st.tuples(st.just("in"), st.just(""), st.integers(1, 5_000).map(lambda x: x * 10)),
    st.tuples(st.just("out"), st.just(""), st.integers(1, 5_000).map(lambda x: x * 10)),
    st.tuples(st.just("refund"), st.just(""), st.integers(0, 10)),
    st.tuples(st.just("no_sale"), st.just(""), st.just(0)),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(float_amount=st.integers(0, 20_000).map(lambda x: x * 10), steps=st.lists(step, max_size=10))
def test_drawer_balance_is_float_plus_cash_in_minus_cash_out(
    float_amount: int, steps: list[tuple[str, str, int]]
) -> None:
    with tempfile.TemporaryDirectory() as d:
        w = make_world(Path(d) / "l.sqlite3")
        try:
            w.day.open(STAFF, float_amount)
            cash_in = float_amount
            cash_out = 0
            cash_sales: list[tuple[str, int]] = []
            for kind, item, n in steps:
                if kind in ("cash", "voucher", "split"):
                    ticket = Ticket().add(w.catalog, item)
                    total = ticket.total(w.catalog)
                    if kind == "cash":
                        sale = w.counter.sell(ticket, [cash_tender(total, total + n * 1_000)], STAFF)
                        cash_in += total
                        cash_sales.append((sale.order_id, total))
                    elif kind == "voucher":
                        try:
                            tender = voucher_tender(total, n, w.rules)
                        except SaleRefused:
                            continue
                        tenders = [tender] + (
                            [cash_tender(total - tender.amount, total)] if tender.amount < total else []
                        )
                        try:
                            w.counter.sell(ticket, tenders, STAFF)
                        except SaleRefused:  # the change is more than the drawer holds, with this sale's cash
                            assert tender.change > cash_in - cash_out + total - tender.amount
                            continue
                        cash_out += tender.change
                        cash_in += total - tender.amount
                    else:
                        cash_part = min(n, total - 1)
                        order_id = f"split-{len(steps)}-{w.ledger.last_seq()}"
                        card = w.card(order_id, total - cash_part)
                        w.counter.sell(ticket, [card, cash_tender(cash_part, cash_part)], STAFF, order_id=order_id)
                        cash_in += cash_part
                elif kind == "in":
                    w.day.paid(STAFF, n, "입금", out=False)
                    cash_in += n
                elif kind == "out":
                    try:
                        w.day.paid(STAFF, n, "출금", out=True)
                    except BadAmount:
                        assert n > cash_in - cash_out
                        continue
                    cash_out += n
                elif kind == "refund" and cash_sales:
                    order_id, total = cash_sales.pop(n % len(cash_sales))
                    try:
                        w.counter.refund_cash(order_id, STAFF, "환불", approver=MANAGER)
                    except SaleRefused:
                        assert total > cash_in - cash_out
                        continue
                    cash_out += total
                elif kind == "no_sale":
                    w.day.no_sale(STAFF, "잔돈")
                assert w.day.drawer_balance() == cash_in - cash_out
            expected = cash_in - cash_out
            z = w.day.close(STAFF, count_of(expected))
            assert z["cash"]["expected"] == expected and z["cash"]["difference"] == 0
        finally:
            w.close()
