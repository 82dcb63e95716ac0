"""The counter through the real QML inside the real Main.qml: open with a float, ring up a 3-item order with
options in under 10 taps, take cash with a quick-cash key and see the change; split card + cash with a cash
receipt; a discount that needs the manager's PIN; a no-sale, a paid-out, a cash refund; close with a counted
difference and the owner's PIN. Then the Z equals the journal, the chain verifies, and the printer simulator
captured the Z. Screenshots of each screen go under the test's tmp dir (both orientations, scales, palettes
in test_screenshots)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.ledger.verify import verify_journal
from kiosk.session.modes import Mode, Role
from tests.helpers.card_numbers import numbers_in, phone_numbers_in
from tests.helpers.counter import journal, recompute_from_journal
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import PINS, sign_in


def _taps(k: Kiosk, *names: str) -> int:
    """Tap each in turn, each after the window has drawn what the previous tap changed (a sheet that just
    opened is centred once its content is laid out: a tap before that frame would land beside the key)."""
    for name in names:
        k.next_frame()
        k.click(name)
    return len(names)


def _pin(k: Kiosk, pin: str) -> None:
    _taps(k, *(f"pinKey_{digit}" for digit in pin), "approveButton")


def test_a_counter_day_through_the_screens(make_kiosk: Callable[..., Kiosk], tmp_path: Path) -> None:
    k = make_kiosk(size=(1280, 800))
    sign_in(k, Role.MANAGER)  # the manager exists (approves later) ...
    sign_in(k, Role.OWNER)
    k.kw.staff.signOut()
    sign_in(k, Role.STAFF, Mode.COUNTER)  # ... and the staff member works the counter
    vm = k.find("counterRoot").property("vm")
    k.next_frame()
    # 개점 with a 100,000 won float
    _taps(k, "floatKey_1", "floatKey_00", "floatKey_0", "floatKey_00")
    assert k.text("floatDisplay") == "100,000원"
    _taps(k, "openDayButton")
    k.qtbot.waitUntil(lambda: not k.exists("openDaySheet"), timeout=3000)
    assert [p["float"] for _, kind, p in journal(k.ledger) if kind == "day.opened"] == [100_000]
    k.grab(tmp_path / "counter-menu.png")

    # a 3-item order with options: large iced latte, a second latte with an extra shot, a warmed croissant
    taps = _taps(
        k, "category_latte", "item_cafe_latte", "option_temp_iced", "item_cafe_latte", "option_shot_extra_shot"
    )
    taps += _taps(k, "category_bakery", "item_croissant", "option_warm_warmed", "payButton", "cash50000")
    assert taps <= 10
    k.qtbot.waitUntil(lambda: k.exists("changeBanner"), timeout=3000)
    total = 4_500 + 4_500 + 3_500
    assert k.text("changeText").endswith(f"{50_000 - total:,}원")
    k.grab(tmp_path / "counter-change.png")
    _taps(k, "dismissSale")

    # card for the whole ticket (through the payment service: intent first)
    _taps(k, "category_dessert", "item_macaron", "payButton", "cardButton")
    k.qtbot.waitUntil(lambda: k.exists("changeBanner"), timeout=10_000)
    _taps(k, "dismissSale")

    # split: card for 5,000, the rest cash, with a cash receipt to a phone number (masked as typed)
    _taps(k, "category_dessert", "item_cheesecake", "item_macaron", "payButton", "receiptButton")
    _taps(k, *(f"receiptKey_{d}" for d in "01012345678"))
    assert k.text("receiptDigits") == "•••••••5678"
    k.grab(tmp_path / "counter-receipt.png")
    _taps(k, "receiptOk", "payKey_5", "payKey_0", "payKey_00", "cardButton")
    k.qtbot.waitUntil(lambda: vm.property("due") == 3_500 and not vm.property("inFlight"), timeout=10_000)
    k.grab(tmp_path / "counter-pay.png")
    _taps(k, "cashExact")
    k.qtbot.waitUntil(lambda: k.exists("changeBanner"), timeout=3000)
    assert "010-****-5678" in str(vm.property("saleText"))
    _taps(k, "dismissSale")

    # a 50 % discount: over the shop's 10 % limit, the manager's PIN approves it
    _taps(k, "item_cheesecake", "key_discount", "discountPercent", "dialogKey_5", "dialogKey_0", "reason_2", "dialogOk")
    k.find("approvalSheet")
    _pin(k, PINS[Role.MANAGER])
    k.qtbot.waitUntil(lambda: not k.exists("approvalSheet"), timeout=10_000)
    _taps(k, "payButton", "cashExact")
    k.qtbot.waitUntil(lambda: k.exists("changeBanner"), timeout=3000)
    _taps(k, "dismissSale")

    # a no-sale, a paid-out, a cash refund of the first order (the manager approves)
    _taps(k, "key_noSale", "reason_0", "dialogOk")
    _taps(k, "key_paidOut", "reason_1", "dialogKey_3", "dialogKey_0", "dialogKey_00", "dialogOk")
    _taps(k, "key_refund", "reason_0", "dialogKey_5", "dialogKey_0", "dialogKey_0", "dialogKey_1", "dialogOk")
    k.find("approvalSheet")
    _pin(k, PINS[Role.MANAGER])
    k.qtbot.waitUntil(lambda: "현금 환불" in str(vm.property("message")), timeout=10_000)
    expected = int(vm.property("expectedCash"))
    assert expected == 100_000 + 3_500 + 3_000 - 3_000

    # close with 1,000 won short ... more than the tolerance: the owner's PIN
    _taps(k, "key_close")
    k.find("closeSheet")
    _taps(k, *["countPlus_10000"] * (expected // 10_000))
    short = expected - (expected // 10_000) * 10_000 - 1_500
    _taps(k, *["countPlus_1000"] * (max(0, short) // 1_000))
    k.grab(tmp_path / "counter-close.png")
    _taps(k, "closeDayButton")
    k.find("approvalSheet")
    _pin(k, PINS[Role.OWNER])
    k.qtbot.waitUntil(lambda: k.exists("reportSheet"), timeout=10_000)
    k.grab(tmp_path / "counter-z.png")
    assert "마감 정산 Z 0001" in k.text("reportText")

    entries = journal(k.ledger)
    [z] = [p["z"] for _, kind, p in entries if kind == "day.closed"]
    again = recompute_from_journal(k.ledger, z["range"]["from_seq"], z["range"]["to_seq"], z["session_id"])
    assert z["sales"]["count"] == again["count"] == 4 and z["sales"]["gross"] == again["gross"]
    assert {m: v["amount"] for m, v in z["by_method"].items()} == again["by_method"]
    assert z["cash"]["expected"] == again["expected_cash"] == expected
    assert z["by_method"]["card"] == {"count": 2, "amount": 2_500 + 5_000}
    assert z["cash"]["difference"] < -1_000 and z["approved_by"]["role"] == "owner"
    assert z["discounts"]["amount"] == 3_000 and z["no_sales"]["count"] == 1 and z["refunds"]["count"] == 1
    assert verify_journal(k.ledger.engine.url.database and Path(k.ledger.engine.url.database)).ok
    # the Z went to the receipt printer (the window's simulator)
    k.qtbot.waitUntil(lambda: any("마감 정산 Z 0001" in p.text() for p in k.printer_sim.pages), timeout=10_000)
    assert phone_numbers_in(tmp_path) == [] and numbers_in(tmp_path, ["01012345678"]) == []


def test_a_held_ticket_is_there_after_the_app_is_closed_and_started_again(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(1280, 800), ledger_file="shop.sqlite3")
    sign_in(k, Role.STAFF, Mode.COUNTER)
    _taps(k, "floatKey_1", "floatKey_00", "floatKey_0", "floatKey_00", "openDayButton")
    k.qtbot.waitUntil(lambda: not k.exists("openDaySheet"), timeout=3000)
    _taps(k, "category_dessert", "item_macaron", "item_cheesecake")
    vm = k.find("counterRoot").property("vm")
    total = int(vm.property("total"))
    _taps(k, "key_hold")
    k.qtbot.waitUntil(lambda: vm.property("itemCount") == 0 and len(vm.property("held")) == 1, timeout=3000)
    k.close()  # the app quits with a ticket on hold

    again = make_kiosk(size=(1280, 800), ledger_file="shop.sqlite3")  # and starts on the same data directory
    sign_in(again, Role.STAFF, Mode.COUNTER)  # the day is still open: straight to the menu
    vm = again.find("counterRoot").property("vm")
    assert [(h["number"], h["count"], h["total"]) for h in vm.property("held")] == [(1, 2, total)]
    _taps(again, "key_recall", "held_1")
    again.qtbot.waitUntil(lambda: vm.property("itemCount") == 2, timeout=3000)
    assert int(vm.property("total")) == total and vm.property("held") == []
