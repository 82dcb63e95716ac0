"""The owner's whole session through the real QML inside the real Main.qml (issue 14's test): sign in as
the owner, today's figures equal `kiosk report --json` for the day, refund an order by its number (card,
through the payment service's provider with the original approval) and see it in today's figures and
the journal, mark an item sold out and see the customer menu refuse it, export to a temporary "USB"
folder and read the XLSX back with openpyxl with the same totals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.builders.window import attach_window
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import PaymentRecord
from kiosk.payments.service import PaymentService
from kiosk.payments.simulated import SimulatedGateway
from kiosk.reports import sales_report
from kiosk.session.modes import Mode, Role
from kiosk.staff.service import StaffService
from tests.helpers.kiosk import Kiosk, make_printing
from tests.helpers.modes import sign_in
from tests.helpers.owner import seed_window_ledger
from tests.helpers.processes import kiosk
from tests.helpers.staff import CHEAP
from tests.ledger.helpers import make_order

QRHI = r"QRhiGles2: Failed to create"  # QtGraphs probes a GL context the offscreen platform lacks, then draws


def _journal(k: Kiosk, kind: str) -> list[dict]:  # type: ignore[type-arg]
    with k.ledger.reading() as s:
        rows = s.connection().exec_driver_sql("SELECT payload FROM journal WHERE kind = ? ORDER BY seq", (kind,))
        return [json.loads(p) for (p,) in rows]


def _won(v: int) -> str:
    return f"{v:,}원"


@pytest.mark.qt_log_ignore(QRHI)
def test_the_owners_session(make_kiosk: Callable[..., Kiosk], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("KIOSK_EXPORT_DIRS", str(usb))
    k = make_kiosk(size=(1280, 800), attach=False)
    day = seed_window_ledger(k.ledger, k.clock, days=8, per_day=12)
    service = PaymentService(
        k.ledger, [SimulatedGateway(m, delay_seconds=0.02) for m in PaymentMethod if m is not PaymentMethod.CASH]
    )
    printing, _ = make_printing(k.kw.settings, k.ledger)
    attach_window(k.kw, k.ledger, service, printing=printing, staff=StaffService(k.ledger, hasher=CHEAP))
    k.qtbot.waitUntil(lambda: k.kw.vm.session.ready, timeout=5000)
    # two customers pay by card at the kiosk, the second one's order will be refunded
    for item in ("macaron", "milk_1l"):
        k.kw.vm.start()
        k.wait_step("order_type")
        k.pay_one_by_intents(item)
        k.kw.vm.finish()
        k.wait_step("attract")
    target = k.kw.vm.session.checkout.last_sale
    assert target is not None and target.business_date == day

    sign_in(k, Role.OWNER, Mode.OWNER)
    vm = k.kw.modes.viewModel
    k.qtbot.waitUntil(
        lambda: vm.todayReady and vm.today["orders"] == sales_report(k.ledger, day).sale_count, timeout=5000
    )
    cli = kiosk("report", "--db", str(k.ledger.engine.url.database), "--date", day.isoformat(), "--json")
    assert cli.returncode == 0, cli.stderr
    report = json.loads(cli.stdout)
    assert k.text("todayNetValue") == _won(report["net"])
    assert k.text("todayOrdersValue") == str(report["sale_count"])
    assert k.text("todayRefundsValue") == _won(report["refunds"])
    assert k.text("todayAverageValue") == _won(report["gross"] // report["sale_count"])
    assert {m["method"]: m["count"] for m in vm.today["methods"]} == {
        m["method"]: m["count"] for m in report["by_method"]
    }
    assert sum(h["today"] for h in vm.today["hours"]) == report["gross"]
    assert k.exists("hourGraph")

    # live: a sale recorded elsewhere (another terminal's sync, the counter) shows within a poll
    order = make_order(k.clock, "macaron")
    k.ledger.record_sale(order, PaymentRecord(PaymentMethod.CASH, order.total))
    k.qtbot.waitUntil(lambda: k.text("todayOrdersValue") == str(report["sale_count"] + 1), timeout=3000)
    k.ledger.record_refund(order.id, reason="test", method="manual")
    k.qtbot.waitUntil(lambda: k.text("todayRefundsValue") == _won(report["refunds"] + order.total), timeout=3000)
    report["refunds"] += order.total

    # refund by number: the pad, the search, the order, a reason, the confirmation
    k.click("tab_orders")
    for digit in str(target.order_number):
        k.click(f"key_{digit}")
    k.click("ordersSearch")
    k.qtbot.waitUntil(lambda: [o["number"] for o in vm.orders] == [target.order_number], timeout=5000)
    k.click(f"order_{target.order_number}")
    k.qtbot.waitUntil(lambda: vm.order.get("id") == target.order_id, timeout=5000)
    k.click("orderRefund")
    k.click("reason_1")
    k.click("refundConfirm")
    k.qtbot.waitUntil(lambda: vm.order.get("refunded") is True, timeout=5000)
    refunds = _journal(k, "sale.refunded")
    assert [r["order_id"] for r in refunds if r["order_id"] == target.order_id] == [target.order_id]
    assert refunds[-1]["method"] == "card" and refunds[-1]["reason"].startswith("주문 실수")
    assert any(p["intent_id"] for p in _journal(k, "payment.refunded"))
    # a copy of its receipt, marked 재발행, printed and journaled
    k.click("orderReprint")
    k.qtbot.waitUntil(
        lambda: any(p["order_id"] == target.order_id and p["reprint"] for p in _journal(k, "receipt.reprinted")),
        timeout=10000,
    )
    k.qtbot.waitUntil(lambda: any("재발행" in p["text"] for p in vm.order.get("prints", [])), timeout=5000)
    after = sales_report(k.ledger, day)
    assert after.refunds == report["refunds"] + k.catalog.item("milk_1l").price
    k.click("tab_today")
    k.qtbot.waitUntil(
        lambda: k.exists("todayRefundsValue") and k.text("todayRefundsValue") == _won(after.refunds), timeout=5000
    )
    assert k.text("todayNetValue") == _won(after.net) and after.net < report["net"]

    # sold out: one tap, and the customer menu refuses it
    k.click("tab_menu")
    k.click("soldOut_macaron")
    k.qtbot.waitUntil(lambda: k.kw.vm.session.state.catalog.item("macaron").sold_out, timeout=1000)
    assert _journal(k, "menu.sold_out")[-1]["key"] == "item:macaron"

    # export today to the "USB stick" and read it back
    k.click("tab_export")
    k.qtbot.waitUntil(lambda: len(vm.mounts) == 1, timeout=5000)
    k.click("exportStart")
    k.qtbot.waitUntil(lambda: bool(vm.exportState.get("files")), timeout=20000)
    xlsx = next(usb.rglob("*.xlsx"))
    wb = load_workbook(xlsx, read_only=True)
    rows = list(wb["요약 summary"].iter_rows(values_only=True))
    header, total = rows[0], rows[-1]
    col = {name: i for i, name in enumerate(header)}
    assert total[col["net"]] == after.net and total[col["refunds"]] == after.refunds
    assert sum(total[col[m]] for m in ("card", "cash", "cash_receipt", "easy_pay")) == after.net
    wb.close()
    assert k.exists("exportFile_" + xlsx.name)

    k.click("ownerSignOut")
    k.qtbot.waitUntil(lambda: k.kw.modes.mode == "customer", timeout=3000)
    k.kw.vm.start()
    k.wait_step("order_type")
    k.kw.vm.chooseOrderType("dine_in")
    k.kw.vm.openItem("macaron")
    assert k.kw.vm.session.state.message == "sold_out" and not k.kw.vm.session.state.cart.lines
