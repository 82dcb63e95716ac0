"""The owner's back office without Qt, on real ledgers: today's figures are `kiosk report`'s, the calendar
adds up, orders are found and refunded by number (card through the pty terminal simulator), sold-out and
prices reach the customer session, roles are refused in the core, and the status says what to do."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain.order import OrderType
from kiosk.flow import events as ev
from kiosk.flow.checkout import Checkout
from kiosk.flow.state import Step
from kiosk.owner.access import NotPermitted
from kiosk.owner.menu import PRICE_KIND, SOLD_OUT_KIND, MenuBook, load_overrides
from kiosk.owner.orders import OrderBook, OrderNotFound, RefundFailed, Search
from kiosk.owner.status import status
from kiosk.owner.today import month_of_days, today_at_a_glance
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.reports import sales_report
from kiosk.session.customer import CustomerSession, FlowTimings, SessionServices
from tests.helpers.owner import INSTALLER, MANAGER, OWNER, STAFF, shop_ledger, today
from tests.helpers.payments import card_rig
from tests.ledger.helpers import CATALOG


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("owner") / "ledger.sqlite3"
    ledger, _ = shop_ledger(path)
    ledger.close()
    return path


@pytest.fixture
def ledger(shop: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    from tests.ledger.helpers import open_ledger

    copy = tmp_path / "ledger.sqlite3"
    copy.write_bytes(shop.read_bytes())
    from kiosk.ports import FakeClock
    from tests.helpers.owner import NOW

    clock = FakeClock(NOW + timedelta(hours=8))
    led = open_ledger(copy, clock)
    yield led
    led.close()


def _journal(ledger, kind: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with ledger.reading() as s:
        rows = s.connection().exec_driver_sql("SELECT payload FROM journal WHERE kind = ? ORDER BY seq", (kind,))
        return [json.loads(p) for (p,) in rows]


def test_today_is_kiosk_reports_day_with_last_week_beside_it(ledger) -> None:  # type: ignore[no-untyped-def]
    day = today()
    t = today_at_a_glance(ledger, day)
    report = sales_report(ledger, day)
    assert t.report == report and t.orders == report.sale_count > 0
    assert t.net == report.gross - report.refunds
    assert t.average == report.gross // report.sale_count
    week = sales_report(ledger, day - timedelta(days=7))
    assert t.last_week_net == week.net and t.last_week_count == week.sale_count
    assert {h.hour: (h.today_count, h.today_amount) for h in t.hours if h.today_count} == report.by_hour
    assert {h.hour: (h.last_week_count, h.last_week_amount) for h in t.hours if h.last_week_count} == week.by_hour
    assert [i.item_id for i in t.top_items] == [i.item_id for i in report.by_item[:5]]


def test_the_calendar_month_adds_up_to_the_range_report(ledger) -> None:  # type: ignore[no-untyped-def]
    month = month_of_days(ledger, 2026, 11)
    assert len(month.days) == 30 and month.first_weekday == 6  # 2026-11-01 is a Sunday
    whole = sales_report(ledger, month.days[0].day, month.days[-1].day)
    assert month.net == whole.net and sum(d.orders for d in month.days) == whole.sale_count
    for d in month.days:
        if d.orders:
            assert d.net == sales_report(ledger, d.day).net
    assert month.best is not None and month.best.net == max(d.net for d in month.days)


def test_search_finds_orders_by_number_amount_hour_method_and_card(ledger) -> None:  # type: ignore[no-untyped-def]
    book = OrderBook(ledger)
    everything = book.search(Search())
    assert len(everything) == sales_report(ledger, today()).sale_count
    card = next(o for o in everything if o.method == "card")
    assert [o.id for o in book.search(Search(number=card.number))] == [card.id]
    assert card.id in {o.id for o in book.search(Search(card_last4=card.masked_card[-4:]))}
    assert all(
        o.masked_card.endswith(card.masked_card[-4:]) for o in book.search(Search(card_last4=card.masked_card[-4:]))
    )
    same = book.search(Search(amount_min=card.total, amount_max=card.total))
    assert card.id in {o.id for o in same} and all(o.total == card.total for o in same)
    hour = int(card.local_time[:2])
    assert all(int(o.local_time[:2]) == hour for o in book.search(Search(hour_from=hour, hour_to=hour)))
    assert {o.method for o in book.search(Search(method="card"))} == {"card"}
    week = book.search(Search(date_from=today() - timedelta(days=6), date_to=today(), number=1))
    assert len(week) == 7 and sorted({o.business_date for o in week}, reverse=True) == [o.business_date for o in week]
    detail = book.detail(card.id)
    assert sum(line.total for line in detail.lines) == card.total
    assert detail.payments[0].masked_card == card.masked_card and detail.payments[0].amount == card.total
    with pytest.raises(OrderNotFound, match="999"):
        book.find(999)


def test_refund_by_number_through_the_card_terminal(tmp_path: Path) -> None:
    with card_rig(tmp_path) as rig:
        orders = []
        for i in range(3):
            order = rig.order()
            rig.checkout(order, rig.pay(order, f"intent-{i}"))
            orders.append(order)
        book = OrderBook(rig.ledger, payments=rig.service)
        day = book.today()
        before = sales_report(rig.ledger, day)
        with pytest.raises(NotPermitted):
            book.refund_number(STAFF, 2, "고객 변심")
        with pytest.raises(RefundFailed, match="reason"):
            book.refund_number(OWNER, 2, "  ")
        assert not _journal(rig.ledger, "sale.refunded")
        done = book.refund_number(MANAGER, 2, "고객 변심")
        assert done.status == "refunded" and done.number == 2
        after = sales_report(rig.ledger, day)
        assert after.refunds == before.refunds + orders[1].total and after.net == before.net - orders[1].total
        refunds = _journal(rig.ledger, "sale.refunded")
        assert [r["order_id"] for r in refunds] == [orders[1].id] and refunds[0]["method"] == "card"
        assert "고객 변심" in refunds[0]["reason"]
        assert "payment.refunded" in {e.kind for e in rig.ledger.entries_after(0, 1000)}
        assert book.detail(orders[1].id).refund_reason.startswith("고객 변심")
        with pytest.raises(RefundFailed, match="already"):
            book.refund_number(OWNER, 2, "again")
        assert not book.refund_in_progress


def test_a_cash_order_is_refunded_by_hand(ledger) -> None:  # type: ignore[no-untyped-def]
    book = OrderBook(ledger)
    cash = next(o for o in book.search(Search(method="cash", status="completed")))
    done = book.refund(OWNER, cash.id, "잘못 주문")
    assert done.status == "refunded"
    assert _journal(ledger, "sale.refunded")[-1]["method"] == "manual"
    card = next(o for o in book.search(Search(method="card", status="completed")))
    with pytest.raises(RefundFailed, match="payment service"):
        book.refund(OWNER, card.id, "no terminal here")


def _session(ledger) -> CustomerSession:  # type: ignore[no-untyped-def]
    s = CustomerSession(CATALOG, "ko", ledger.clock, FlowTimings(90, 25, 20, 2.0))
    calls: list = []  # type: ignore[type-arg]
    s.attach(
        SessionServices(Checkout(ledger, SimulatedPaymentProvider(delay_seconds=0.01), ledger.clock)), calls.append
    )
    return s


def test_sold_out_reaches_the_customer_menu_and_survives_a_restart(ledger) -> None:  # type: ignore[no-untyped-def]
    session = _session(ledger)
    book = MenuBook(ledger, CATALOG, on_change=session.apply_menu)
    session.start()
    session.send(ev.ChooseOrderType(OrderType.TAKE_OUT))
    assert session.state.step is Step.MENU
    book.set_item_sold_out(STAFF, "milk_1l", True)  # staff may switch sold-out
    session.send(ev.OpenItem("milk_1l"))
    assert session.state.message == "sold_out" and not session.state.cart.lines
    book.set_item_sold_out(OWNER, "milk_1l", False)
    session.send(ev.OpenItem("milk_1l"))
    assert [line.item_id for line in session.state.cart.lines] == ["milk_1l"]
    # an option (oat milk) sold out: refused on every item that offers it
    book.set_option_sold_out(OWNER, "milk", "oat", True, until_close=True)
    assert session.option_sold_out("milk", "oat") and not session.option_sold_out("milk", "soy")  # shown so
    session.send(ev.OpenItem("cafe_latte"))
    session.send(ev.ToggleOption("milk", "oat"))
    assert session.state.message == "sold_out" and "milk" not in dict(session.state.editing.selection)
    session.send(ev.ToggleOption("milk", "soy"))
    assert dict(session.state.editing.selection)["milk"] == ("soy",)
    kinds = [p["key"] for p in _journal(ledger, SOLD_OUT_KIND)]
    assert kinds == ["item:milk_1l", "item:milk_1l", "option:milk/oat"]
    # a restart: the session reads the switches back; "until close" ends with the business day
    again = _session(ledger)
    assert again._menu is not None and again._menu.option_sold_out("milk", "oat", today())
    assert not load_overrides(ledger).option_sold_out("milk", "oat", today() + timedelta(days=1))
    with pytest.raises(NotPermitted):
        book.set_item_sold_out(INSTALLER, "milk_1l", True)


def test_a_price_change_waits_for_the_next_order(ledger) -> None:  # type: ignore[no-untyped-def]
    session = _session(ledger)
    book = MenuBook(ledger, CATALOG, on_change=session.apply_menu)
    session.start()
    session.send(ev.ChooseOrderType(OrderType.TAKE_OUT))
    session.send(ev.OpenItem("milk_1l"))
    old = CATALOG.item("milk_1l").price
    assert session.state.total == old
    with pytest.raises(NotPermitted):
        book.set_price(STAFF, "milk_1l", old + 500)
    book.set_price(OWNER, "milk_1l", old + 500)
    assert session.state.total == old  # the cart in progress keeps its price
    assert session.state.catalog.item("milk_1l").price == old
    session.send(ev.CancelOrder())
    assert session.state.step is Step.ATTRACT
    session.start()
    session.send(ev.ChooseOrderType(OrderType.TAKE_OUT))
    session.send(ev.OpenItem("milk_1l"))
    assert session.state.total == old + 500
    assert _journal(ledger, PRICE_KIND)[-1] == {
        "item_id": "milk_1l", "price": old + 500, "previous": old, "by": "p-owner", "role": "owner",
    }  # fmt: skip
    assert next(i for i in book.items() if i.item_id == "milk_1l").price == old + 500


def test_status_says_what_to_do(ledger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from kiosk.devices.health import Health, HealthEvent

    now = datetime.now(UTC)
    events = [
        HealthEvent("printer", Health.LOST, "paper_out", "용지를 넣어 주세요", now),
        HealthEvent("card_terminal", Health.OK, "", "", now),
    ]
    st = status(ledger, tmp_path, lambda: events)
    by = {line.key: line for line in st.lines}
    assert by["sync"].ok and "kiosk enroll" in by["sync"].todo_en
    assert not by["printer"].ok and by["printer"].todo_ko == "용지를 넣어 주세요"
    assert by["card_terminal"].ok and not st.ok


def test_status_shows_the_installers_last_self_test(ledger, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.installer.report import save
    from kiosk.installer.selftest import CheckResult, Outcome, SelfTestRun

    before = {line.key: line for line in status(ledger, tmp_path).lines}
    assert not before["selftest"].ok and "kiosk selftest" in before["selftest"].todo_en
    run = SelfTestRun(
        "2026-11-29T10:15:00+09:00",
        (
            CheckResult("printer", Outcome.OK, "프린터 정상", "", ""),
            CheckResult(
                "network", Outcome.FAIL, "서버에 연결할 수 없습니다", "인터넷 선을 확인하세요", "check the cable"
            ),
        ),
    )
    save(run, tmp_path)
    by = {line.key: line for line in status(ledger, tmp_path).lines}
    assert by["selftest"].text_ko == "자가 점검 2026-11-29 10:15: 안 됨" and not by["selftest"].ok
    assert by["selftest.network"].todo_ko == "인터넷 선을 확인하세요"
    assert "selftest.printer" not in by  # only what needs doing
