"""QR (merchant-presented) and one-time codes (customer-presented) against the real backend process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import qrcode
import zxingcpp
from sqlalchemy import select

from kiosk import emv
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import Ledger
from kiosk.ledger.models import JournalRow
from kiosk.payments.intents import IntentState
from kiosk.payments.masking import luhn_valid
from kiosk.payments.port import Instruction, PaymentRequest, PaymentStatus
from kiosk.payments.remote import CodeGateway, QrGateway
from kiosk.payments.service import PaymentService, payment_record
from kiosk.ports import FakeClock
from tests.backend.servers import BackendProcess, wait_until
from tests.conftest import keep_for_session
from tests.helpers.payments import Listener, StepClock
from tests.ledger.helpers import make_order, open_ledger


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendProcess]:
    # Our own backend (its test clock is shifted here, which must not disturb other tests' backend).
    base = tmp_path_factory.mktemp("payments-backend")
    server = BackendProcess(f"sqlite:///{base / 'backend.sqlite3'}", code_hang_seconds=1.0, log=base / "backend.log")
    server.start()
    assert server.proc is not None
    keep_for_session(pid=server.proc.pid)
    yield server
    server.stop()


class Shop:
    def __init__(self, tmp_path: Path, backend: BackendProcess, *, expiry_clock: FakeClock | None = None) -> None:
        self.clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
        self.ledger: Ledger = open_ledger(tmp_path / "ledger.sqlite3", self.clock)
        self.qr = QrGateway(
            backend.url, merchant_name="카페 한결", poll_seconds=0.02, clock=expiry_clock or FakeClock(self.clock.now())
        )
        self.codes = CodeGateway(backend.url, http_timeout=0.5)
        self.service = PaymentService(self.ledger, [self.qr, self.codes], code_wait_seconds=10)
        self.http = httpx.Client(base_url=backend.url, timeout=5)

    def close(self) -> None:
        self.service.close()
        self.qr.close()
        self.codes.close()
        self.http.close()
        self.ledger.close()

    def status(self, intent_id: str) -> str:
        return str(self.http.get(f"/v1/qr/payments/{intent_id}").json()["status"])


@pytest.fixture
def shop(tmp_path: Path, backend: BackendProcess) -> Iterator[Shop]:
    s = Shop(tmp_path, backend)
    yield s
    s.close()


def _start(shop: Shop, intent_id: str, method: PaymentMethod) -> tuple[Listener, object]:
    order = make_order(shop.clock)
    listener = Listener()
    shop.service.start(PaymentRequest(intent_id, order.id, order.total, method, order_ref=order.id[-8:]), listener)
    return listener, order


def _qr_prompt(listener: Listener) -> str:
    wait_until(lambda: any(p.instruction is Instruction.SCAN_QR for p in listener.prompts), what="the QR prompt")
    return next(p.qr_payload for p in listener.prompts if p.instruction is Instruction.SCAN_QR)


def test_qr_paid_completes_the_order_and_refunds_through_the_provider(shop: Shop) -> None:
    listener, order = _start(shop, "qr-ok-1", PaymentMethod.QR)
    payload = _qr_prompt(listener)
    fields = emv.parse(payload)
    assert fields["54"] == str(order.total) and fields["53"] == "410" and fields["58"] == "KR"  # type: ignore[attr-defined]
    assert fields["62"]["05"] == order.id[-8:]  # type: ignore[index]
    first = next(p for p in listener.prompts if p.instruction is Instruction.SCAN_QR)
    assert first.expires_in_seconds == 180
    # what the customer's screen shows decodes to the payload
    image = qrcode.make(payload).get_image().convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [payload]
    assert shop.http.post("/v1/qr/payments/qr-ok-1/pay").json()["status"] == "approved"
    result = listener.wait()
    assert result.status is PaymentStatus.APPROVED and result.approval_no
    shop.ledger.record_sale(order, payment_record(result))  # type: ignore[arg-type]
    shop.service.refund(order.id, "고객 요청")  # type: ignore[attr-defined]
    assert shop.status("qr-ok-1") == "refunded"
    assert shop.service.store.get("qr-ok-1").state is IntentState.REFUNDED


def test_qr_expires_after_three_minutes_and_a_late_payment_is_refunded_never_an_order(
    tmp_path: Path, backend: BackendProcess
) -> None:
    shop = Shop(tmp_path, backend, expiry_clock=StepClock(2.0))  # 180 s pass in ~90 polls
    try:
        listener, order = _start(shop, "qr-late-1", PaymentMethod.QR)
        result = listener.wait()
        assert result.status is PaymentStatus.CANCELLED
        countdown = [p.expires_in_seconds for p in listener.prompts if p.instruction is Instruction.SCAN_QR]
        assert 170 <= countdown[0] <= 180 and countdown[-1] <= 2 and countdown == sorted(countdown, reverse=True)
        assert shop.status("qr-late-1") == "cancelled"
        # the customer's app pays anyway
        assert shop.http.post("/v1/qr/payments/qr-late-1/pay").json()["status"] == "paid_late"
        assert shop.service.reconcile_late() == ["qr-late-1"]
        assert shop.status("qr-late-1") == "refunded"
        assert shop.service.store.get("qr-late-1").state is IntentState.REFUNDED
        assert not shop.ledger.order_exists(order.id)  # type: ignore[attr-defined]
        with shop.ledger.reading() as s:
            kinds = list(s.execute(select(JournalRow.kind)).scalars())
        assert "payment.reconciliation" in kinds and "sale.completed" not in kinds
        assert shop.service.reconcile_late() == []  # once
    finally:
        shop.close()


def test_qr_customer_cancel(shop: Shop) -> None:
    listener, _ = _start(shop, "qr-cancel-1", PaymentMethod.QR)
    _qr_prompt(listener)
    shop.service.cancel("qr-cancel-1")
    assert listener.wait().status is PaymentStatus.CANCELLED
    assert shop.status("qr-cancel-1") == "cancelled"


def _code(prefix: str, last4: str) -> str:
    # a Luhn-valid 18-digit code: such codes must never be stored whole
    for mid in range(1000, 9999):
        code = f"{prefix}{mid:04d}12345{last4}"[:14] + last4
        if luhn_valid(code):
            return code
    raise AssertionError


def test_code_approved_keeps_only_a_hash_of_the_code(shop: Shop) -> None:
    code = _code("2810", "4321")
    listener, order = _start(shop, "code-ok-1", PaymentMethod.BARCODE)
    wait_until(lambda: listener.prompts, what="the barcode prompt")
    assert listener.prompts[0].instruction is Instruction.SHOW_BARCODE
    shop.service.submit_code("code-ok-1", code)
    result = listener.wait()
    assert result.status is PaymentStatus.APPROVED and result.provider == "카카오페이"
    shop.ledger.record_sale(order, payment_record(result))  # type: ignore[arg-type]
    intent = shop.service.store.get("code-ok-1")
    assert intent.code_hint.endswith("4321") and code not in intent.code_hint
    shop.service.wait_idle()
    shop.ledger.close()
    for f in tmp_files(shop):
        assert code.encode() not in f.read_bytes()


def tmp_files(shop: Shop) -> list[Path]:
    db = Path(str(shop.ledger.engine.url.database))
    return [p for p in db.parent.iterdir() if p.is_file()]


def test_code_declined_tells_the_customer_to_use_another_method(shop: Shop) -> None:
    listener, _ = _start(shop, "code-dec-1", PaymentMethod.BARCODE)
    shop.service.submit_code("code-dec-1", _code("9110", "0001"))
    result = listener.wait()
    assert result.status is PaymentStatus.DECLINED and "잔액 부족" in result.reason


def test_code_timeout_is_queried_and_net_cancelled(shop: Shop, backend: BackendProcess) -> None:
    listener, _ = _start(shop, "code-hang-1", PaymentMethod.BARCODE)
    shop.service.submit_code("code-hang-1", _code("7710", "0002"))
    result = listener.wait()
    assert result.status is PaymentStatus.CANCELLED
    kinds = [k for k, _ in shop.service.store.history("code-hang-1")]
    assert kinds == ["payment.created", "payment.sent", "payment.unknown", "payment.net_cancelled"]
    assert httpx.get(f"{backend.url}/v1/codes/code-hang-1").json()["status"] == "cancelled"


def test_code_never_shown_cancels_without_sending(shop: Shop) -> None:
    listener, _ = _start(shop, "code-none-1", PaymentMethod.BARCODE)
    wait_until(lambda: listener.prompts, what="the barcode prompt")
    shop.service.cancel("code-none-1")
    assert listener.wait().status is PaymentStatus.CANCELLED
    assert httpx.get(f"{shop.http.base_url}/v1/codes/code-none-1").json()["status"] == "not_found"
