"""`kiosk run`'s payment wiring through the real screens: PaymentService on a real ledger file, the real
pty card-terminal simulator behind the real serial adapter, start-up recovery before the attract
screen. Each test checks the ledger (sales, payment intents, journal) afterwards."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import PIL.Image
import pytest
import zxingcpp
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app.builders.payments import KioskPayments, build_payments
from app.builders.window import build_window
from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from hardware.scanner import PtyScanner
from kiosk.config import Settings, load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger
from kiosk.ledger.models import PaymentRow
from kiosk.payments.intents import IntentState
from kiosk.payments.port import PaymentRequest, PaymentStatus
from kiosk.payments.service import PaymentService
from kiosk.ports import FakeClock
from tests.backend.servers import BackendProcess
from tests.helpers.kiosk import Kiosk, make_printing, start_take_out
from tests.helpers.payments import Listener
from tests.ledger.helpers import make_order


def settings_for(**payments: Any) -> Settings:
    base = load_settings(env={})
    return replace(base, payments=replace(base.payments, simulated_delay_seconds=0.05, **payments))


def journal(ledger: Ledger) -> list[tuple[str, dict[str, Any]]]:
    return [(e.kind, json.loads(e.payload)) for e in ledger.entries_after(0)]


class Started:
    """A kiosk as `kiosk run` starts it: payments built, recovered, then the window."""

    def __init__(self, kiosk: Kiosk, payments: KioskPayments, recovered: Any, seen_at_start: dict[str, str]) -> None:
        self.k = kiosk
        self.payments = payments
        self.recovered = recovered
        self.seen_at_start = seen_at_start

    @property
    def service(self) -> PaymentService:
        return self.payments.service


@pytest.fixture
def start_kiosk(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Started]]:
    made: list[tuple[Kiosk, KioskPayments]] = []

    def start(
        ledger_path: Path | None = None, card_sim: TerminalSimulator | None = None, settings: Settings | None = None
    ) -> Started:
        settings = settings or settings_for()
        clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
        ledger = Ledger.open(ledger_path or tmp_path / "ledger.sqlite3", clock=clock, tz=settings.tz)
        payments = build_payments(settings, ledger, card_sim=card_sim)
        report = payments.recover()
        # what the ledger says the moment before the attract screen can appear
        seen = {i.id: i.state.value for i in payments.service.store.all()}
        catalog = load_catalog(settings.catalog_path)
        printing, sim = make_printing(settings, ledger)
        kw = build_window(
            settings,
            ledger,
            catalog,
            payments.service,
            clock,
            windowed=True,
            tick_ms=20,
            printing=printing,
            on_decline_next=payments.decline_next,
            on_code=payments.service.submit_code,
            reconcile=payments.service.reconcile_late,
        )
        kiosk = Kiosk(kw, ledger, clock, payments.service, catalog, qtbot, sim)  # type: ignore[arg-type]
        made.append((kiosk, payments))
        qtbot.waitExposed(kw.window)
        return Started(kiosk, payments, report, seen)

    yield start
    for k, payments in made:
        k.kw.close()
        payments.close()
        k.ledger.close()
    QGuiApplication.processEvents()


def order_cheesecake(k: Kiosk) -> None:
    start_take_out(k)
    k.click("category_dessert")
    k.click("item_cheesecake")
    k.qtbot.waitUntil(lambda: k.text("cartCount") == "1")
    k.click("orderButton")
    k.wait_step("cart")
    k.click("payButton")
    k.wait_step("payment_method")


def payment_ids(ledger: Ledger) -> list[str]:
    with ledger.reading() as s:
        return list(s.execute(select(PaymentRow.id)).scalars())


def test_card_order_writes_intents_before_the_sale(start_kiosk: Callable[..., Started]) -> None:
    run = start_kiosk()
    k = run.k
    assert run.payments.card_sim is not None and run.recovered.clean
    order_cheesecake(k)
    k.click("method_card")
    k.wait_step("result", timeout=10000)
    assert k.text("orderNumberText") == "1"
    row = k.assert_one_sale(6000)
    [intent] = run.service.store.for_order(row["id"])
    assert payment_ids(k.ledger) == [intent.id]
    assert intent.state is IntentState.APPROVED and intent.order_completed
    kinds = [
        kind for kind, payload in journal(k.ledger) if payload.get("intent_id") == intent.id or kind == "sale.completed"
    ]
    wanted = ["payment.created", "payment.sent", "payment.approved", "sale.completed"]
    assert [kind for kind in kinds if kind in wanted] == wanted
    # the card terminal (its bank side) took exactly this one payment
    assert [(b.intent_id, b.amount) for b in run.payments.card_sim.open_approvals()] == [(intent.id, 6000)]


def test_declined_then_approved_card_is_one_sale(start_kiosk: Callable[..., Started]) -> None:
    run = start_kiosk()
    k = run.k
    order_cheesecake(k)
    k.kw.vm.declineNext()  # the demo's F9: the card-terminal simulator declines the next one
    k.click("method_card")
    k.wait_step("payment_failed", timeout=10000)
    k.click("retryButton")
    k.wait_step("result", timeout=10000)
    row = k.assert_one_sale(6000)
    declined, approved = run.service.store.all()  # a retry is a new payment attempt: a new intent
    assert approved.order_id == row["id"]
    assert declined.state is IntentState.DECLINED and not declined.order_completed
    assert approved.state is IntentState.APPROVED and approved.order_completed
    assert payment_ids(k.ledger) == [approved.id]
    assert run.service.store.pending() == []


def test_start_up_recovery_resolves_an_unknown_card_payment_before_the_attract_screen(
    start_kiosk: Callable[..., Started], tmp_path: Path
) -> None:
    path = tmp_path / "crashed.sqlite3"
    with TerminalSimulator() as sim:
        # Before the crash: the bank approves, then the cable is pulled, so the kiosk never learns the
        # outcome; the queries fail too and the intent is left `unknown`, no order recorded.
        clock = FakeClock(datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
        ledger = Ledger.open(path, clock=clock)
        settings = settings_for()
        fast = {"approval_timeout": 0.5, "reply_timeout": 0.3, "ack_timeout": 0.1}
        payments = build_payments(settings, ledger, card_sim=sim, terminal_options=fast)
        order = make_order(clock, "cheesecake")
        sim.queue(Behaviour.CABLE_PULLED_AFTER_APPROVAL)
        result = payments.service.pay(
            PaymentRequest("i-crashed", order.id, order.total, PaymentMethod.CARD), Listener()
        )
        assert result.status is PaymentStatus.UNKNOWN
        assert payments.service.store.get("i-crashed").state is IntentState.UNKNOWN
        assert len(sim.open_approvals("i-crashed")) == 1  # the customer's money is held at the bank
        payments.close()
        ledger.close()
        sim.plug_in()  # the technician reconnects the cable; the kiosk starts again
        run = start_kiosk(ledger_path=path, card_sim=sim, settings=settings)
        assert run.seen_at_start == {"i-crashed": "net_cancelled"}
        assert run.recovered.net_cancelled == ["i-crashed"] and run.recovered.clean
        assert sim.open_approvals() == []  # at most one uncancelled approval: here none
        assert run.k.step == "attract" and run.k.sales() == []  # no completed order without an approval
        kinds = [kind for kind, _ in journal(run.k.ledger)]
        assert kinds.count("payment.recovery") == 1
        # and the next customer pays normally on the same terminal
        order_cheesecake(run.k)
        run.k.click("method_card")
        run.k.wait_step("result", timeout=10000)
        run.k.assert_one_sale(6000)
        assert len(sim.open_approvals()) == 1


def test_barcode_payment_takes_the_code_from_f8(start_kiosk: Callable[..., Started]) -> None:
    from PySide6.QtCore import Qt

    run = start_kiosk()
    k = run.k
    order_cheesecake(k)
    k.click("method_barcode")
    k.wait_step("paying")
    k.qtbot.waitUntil(lambda: k.kw.vm.instruction == "show_barcode")
    k.key(Qt.Key.Key_F8)  # the demo's scanner: a customer's payment code
    k.wait_step("result", timeout=10000)
    row = k.assert_one_sale(6000)
    [intent] = run.service.store.for_order(row["id"])
    assert intent.method is PaymentMethod.BARCODE and intent.order_completed
    assert intent.code_hint.endswith("0000") and "DEMO-PAYCODE" not in intent.code_hint  # kept as hash + last 4


# --- merchant-presented QR (the backend's QR provider) and the customer-facing scanner ----------------


def qr_settings(backend: BackendProcess, **payments: Any) -> Settings:
    base = settings_for(**payments)
    return replace(base, sync=replace(base.sync, backend_url=backend.url))


def decode_window(k: Kiosk, path: Path) -> list[str]:
    k.grab(path)
    with PIL.Image.open(path) as image:
        return [b.text for b in zxingcpp.read_barcodes(image.convert("L"))]


def test_qr_payment_shows_the_emvco_code_and_a_countdown_then_completes_when_paid(
    start_kiosk: Callable[..., Started], backend_server: BackendProcess, tmp_path: Path
) -> None:
    run = start_kiosk(settings=qr_settings(backend_server))
    k = run.k
    order_cheesecake(k)
    k.click("method_qr")
    k.wait_step("paying")
    k.qtbot.waitUntil(lambda: k.kw.vm.qrPayload != "", timeout=10000)
    assert k.text("payingTitle") == "휴대폰 결제 앱으로 QR을 찍어 주세요"
    # what the customer's phone reads off the screen
    [payload] = decode_window(k, tmp_path / "qr.png")
    assert payload == k.kw.vm.qrPayload
    assert payload.startswith("000201") and "5303410" in payload  # EMVCo, currency 410 (KRW)
    assert "54046000" in payload  # tag 54, length 04: the order total 6000
    k.qtbot.waitUntil(lambda: re.fullmatch(r"남은 시간 [23]:\d\d", k.text("qrCountdown")) is not None)
    # the countdown runs on the kiosk's clock: a minute later it reads one minute less
    k.clock.advance(60)
    k.qtbot.waitUntil(lambda: re.fullmatch(r"남은 시간 [12]:\d\d", k.text("qrCountdown")) is not None)
    assert k.text("qrCountdown") != "남은 시간 3:00"
    intent_id = k.kw.vm.checkout.pending.request.intent_id
    reply = httpx.post(f"{backend_server.url}/v1/qr/payments/{intent_id}/pay", timeout=10)
    assert reply.status_code == 200, reply.text
    k.wait_step("result", timeout=10000)
    row = k.assert_one_sale(6000)
    assert k.text("orderNumberText") == str(row["order_number"])
    with k.ledger.reading() as s:
        methods = list(s.execute(select(PaymentRow.method, PaymentRow.id)))
    assert methods == [("qr", intent_id)]


def test_an_expired_qr_offers_try_again_and_other_method(
    start_kiosk: Callable[..., Started], backend_server: BackendProcess
) -> None:
    run = start_kiosk(settings=qr_settings(backend_server, qr_expiry_seconds=2))
    k = run.k
    order_cheesecake(k)
    k.click("method_qr")
    k.qtbot.waitUntil(lambda: k.exists("qrCountdown"), timeout=10000)
    # nobody pays: at 0 the provider gives up, and the customer chooses what next
    k.wait_step("payment_failed", timeout=15000)
    assert "결제 시간이 지났습니다" in k.text("failureReason")
    assert k.exists("retryButton") and k.exists("otherMethodButton")
    assert k.sales() == []
    [intent] = run.service.store.all()
    assert intent.state is IntentState.CANCELLED and not intent.order_completed
    k.click("otherMethodButton")
    k.wait_step("payment_method")


@pytest.fixture
def pty_scanner(tmp_path: Path) -> Iterator[PtyScanner]:
    scanner = PtyScanner(tmp_path / "scanner")
    scanner.open()
    yield scanner
    scanner.close()


def test_the_serial_scanner_pays_a_barcode_only_on_the_barcode_screen(
    start_kiosk: Callable[..., Started], pty_scanner: PtyScanner
) -> None:
    base = settings_for()
    run = start_kiosk(settings=replace(base, scanner=replace(base.scanner, url=str(pty_scanner.path))))
    k = run.k
    scanning = k.kw.scanning
    assert scanning is not None
    order_cheesecake(k)
    # on the payment-method screen a scan reaches the kiosk but pays nothing
    pty_scanner.scan("PAYCODE-1111222233334444")
    k.qtbot.waitUntil(lambda: scanning.received == 1, timeout=5000)
    QGuiApplication.processEvents()
    assert k.step == "payment_method" and run.service.store.all() == [] and k.sales() == []
    k.click("method_barcode")
    k.wait_step("paying")
    k.qtbot.waitUntil(lambda: k.kw.vm.instruction == "show_barcode")
    pty_scanner.scan("PAYCODE-5555666677778888")
    k.wait_step("result", timeout=10000)
    row = k.assert_one_sale(6000)
    [intent] = run.service.store.for_order(row["id"])
    assert intent.method is PaymentMethod.BARCODE and intent.order_completed
    assert intent.code_hint.endswith("8888")
    # after the sale, a stray scan does nothing either
    pty_scanner.scan("PAYCODE-9999000011112222")
    k.qtbot.waitUntil(lambda: scanning.received == 3, timeout=5000)
    QGuiApplication.processEvents()
    assert k.step == "result" and len(run.service.store.all()) == 1
