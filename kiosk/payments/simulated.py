"""A simulated payment provider for the demo and the UI tests, behind the real payment port.

It prompts like a real provider (tap the card / scan this QR / show your barcode), then approves after
`delay_seconds` — or declines, when told to with `decline_next()` (the UI's F9 key in the demo). Each
payment runs on its own worker thread, as real providers do, so callers must marshal the callbacks.

`SimulatedGateway` is the same demo behaviour as a `PaymentService` gateway: `kiosk run` uses it for
QR and barcode when no backend is configured, so even demo payments write payment intents.
"""

from __future__ import annotations

import threading

from kiosk.domain.order import PaymentMethod
from kiosk.payments.gateway import Outcome, OutcomeStatus, Prompt
from kiosk.payments.intents import Intent
from kiosk.payments.port import (
    Instruction,
    PaymentListener,
    PaymentPrompt,
    PaymentRequest,
    PaymentResult,
    PaymentStatus,
)

_INSTRUCTIONS = {
    PaymentMethod.CARD: Instruction.CARD,
    PaymentMethod.QR: Instruction.SCAN_QR,
    PaymentMethod.BARCODE: Instruction.SHOW_BARCODE,
}


class SimulatedPaymentProvider:
    name = "simulated"

    def __init__(self, delay_seconds: float = 1.5, qr_expiry_seconds: int = 180) -> None:
        self.delay_seconds = delay_seconds
        self.qr_expiry_seconds = qr_expiry_seconds
        self._lock = threading.Lock()
        self._decline_next = False
        self._cancel: dict[str, threading.Event] = {}
        self._threads: list[threading.Thread] = []
        self._closed = threading.Event()
        self._approvals = 0

    def methods(self) -> frozenset[PaymentMethod]:
        return frozenset(_INSTRUCTIONS)

    def decline_next(self) -> None:
        """The next payment is declined (e.g. 잔액 부족), to demonstrate and test the retry path."""
        with self._lock:
            self._decline_next = True

    def start(self, request: PaymentRequest, listener: PaymentListener) -> None:
        if self._closed.is_set():
            raise RuntimeError("the payment provider is closed")
        cancel = threading.Event()
        with self._lock:
            decline, self._decline_next = self._decline_next, False
            self._cancel[request.intent_id] = cancel
            self._threads = [t for t in self._threads if t.is_alive()]
            thread = threading.Thread(
                target=self._run, args=(request, listener, cancel, decline), name=f"sim-pay-{request.intent_id[-6:]}"
            )
            self._threads.append(thread)
        thread.start()

    def _run(self, request: PaymentRequest, listener: PaymentListener, cancel: threading.Event, decline: bool) -> None:
        instruction = _INSTRUCTIONS.get(request.method, Instruction.PROCESSING)
        qr = f"SIMPAY:{request.order_ref}:{request.amount}" if instruction is Instruction.SCAN_QR else ""
        listener.on_prompt(PaymentPrompt(request.intent_id, instruction, qr, self.qr_expiry_seconds if qr else 0))
        cancelled = cancel.wait(self.delay_seconds) or self._closed.is_set()
        with self._lock:
            self._cancel.pop(request.intent_id, None)
            if not cancelled and not decline:
                self._approvals += 1
                number = self._approvals
        if cancelled:
            result = PaymentResult(request.intent_id, PaymentStatus.CANCELLED, request.method, request.amount)
        elif decline:
            result = PaymentResult(
                request.intent_id, PaymentStatus.DECLINED, request.method, request.amount, self.name, reason="잔액 부족"
            )
        else:
            result = PaymentResult(
                request.intent_id,
                PaymentStatus.APPROVED,
                request.method,
                request.amount,
                self.name,
                approval_no=f"SIM{number:08d}",
                issuer="시뮬레이션카드" if request.method is PaymentMethod.CARD else "시뮬레이션페이",
                masked_card="123456******7890" if request.method is PaymentMethod.CARD else "",
            )
        listener.on_result(result)

    def cancel(self, intent_id: str) -> None:
        with self._lock:
            event = self._cancel.get(intent_id)
        if event is not None:
            event.set()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            events = list(self._cancel.values())
            threads = list(self._threads)
        for event in events:
            event.set()
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout=5)


class SimulatedGateway:
    """The demo's QR / barcode provider as a PaymentService gateway, so demo payments write intents and
    pass the sale guard like real ones. Approves after `delay_seconds` (or declines once after
    `decline_next()`); keeps its own "provider side" record so query and reverse behave. It forgets
    everything on restart: recovery then finds nothing and net-cancels to be sure, as with a real
    provider that never saw the request."""

    provider = "simulated"

    def __init__(self, method: PaymentMethod, delay_seconds: float = 1.5, qr_expiry_seconds: int = 180) -> None:
        self.method = method
        self.delay_seconds = delay_seconds
        self.qr_expiry_seconds = qr_expiry_seconds
        self._lock = threading.Lock()
        self._decline_next = False
        self._approved: dict[str, bool] = {}  # intent id -> still standing (False once reversed)
        self._count = 0

    def decline_next(self) -> None:
        with self._lock:
            self._decline_next = True

    def authorize(self, intent: Intent, prompt: Prompt, cancel: threading.Event, code: str = "") -> Outcome:
        instruction = _INSTRUCTIONS.get(self.method, Instruction.PROCESSING)
        if instruction is Instruction.SCAN_QR:
            payload = f"SIMPAY:{intent.order_ref}:{intent.amount}"
            prompt(PaymentPrompt(intent.id, instruction, payload, self.qr_expiry_seconds))
        else:
            prompt(PaymentPrompt(intent.id, Instruction.PROCESSING))
        if cancel.wait(self.delay_seconds):
            return Outcome(OutcomeStatus.CANCELLED, self.provider, reason="고객 취소")
        with self._lock:
            decline, self._decline_next = self._decline_next, False
            if decline:
                return Outcome(OutcomeStatus.DECLINED, self.provider, reason="잔액 부족")
            self._count += 1
            self._approved[intent.id] = True
            number = self._count
        return Outcome(OutcomeStatus.APPROVED, self.provider, approval_no=f"SIM{number:08d}", issuer="시뮬레이션페이")

    def query(self, intent: Intent) -> Outcome:
        with self._lock:
            standing = self._approved.get(intent.id)
        if standing is None:
            return Outcome(OutcomeStatus.NOT_FOUND, self.provider)
        return Outcome(OutcomeStatus.APPROVED if standing else OutcomeStatus.CANCELLED, self.provider)

    def reverse(self, intent: Intent) -> Outcome:
        with self._lock:
            if intent.id not in self._approved:
                return Outcome(OutcomeStatus.NOT_FOUND, self.provider)
            self._approved[intent.id] = False
        return Outcome(OutcomeStatus.CANCELLED, self.provider)
