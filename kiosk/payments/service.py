"""PaymentService: the payment provider the ordering flow uses, which never charges twice.

It implements `kiosk.payments.port.PaymentProvider`, so the checkout uses it unchanged. For every
payment it writes the intent to the ledger before anything leaves the device, records every step as a
journal entry, and calls the gateway for the method (card terminal, merchant-presented QR, customer-
presented code) on a worker thread, always with the intent's id. An answer that never comes is
resolved by a query with the same id: approved → kept (the flow completes the order) or, if the kiosk
already gave up, net-cancelled; not found → net-cancelled. `recover()` does the same for every intent
left open by a crash, before the first customer can start. `refund()` reverses a completed sale through the
provider and records a reversal entry.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger, LedgerError, PaymentRecord
from kiosk.payments.approval import Approval
from kiosk.payments.gateway import CodeInbox, Gateway, OutcomeUnknown
from kiosk.payments.intents import IntentState
from kiosk.payments.masking import code_hint
from kiosk.payments.port import (
    Instruction,
    PaymentListener,
    PaymentPrompt,
    PaymentRequest,
    PaymentResult,
    PaymentStatus,
)
from kiosk.payments.recovery import Recovery, RecoveryReport

__all__ = ["PaymentService", "RecoveryReport", "payment_record"]

log = logging.getLogger(__name__)


def payment_record(result: PaymentResult) -> PaymentRecord:
    """The ledger's PaymentRecord for an approved result; its id is the intent id (the sale guard
    matches the sale to its committed approval by it)."""
    approval = Approval.of(result).fields(with_time=False)
    return PaymentRecord(method=result.method, amount=result.amount, id=result.intent_id, **approval)


class PaymentService(Recovery):
    """Live payments (this module), recovery (kiosk.payments.recovery), refunds (kiosk.payments.refunds),
    on the settlement steps they share (kiosk.payments.settle)."""

    def __init__(
        self,
        ledger: Ledger,
        gateways: Iterable[Gateway],
        *,
        query_attempts: int = 3,
        code_wait_seconds: float = 60.0,
    ) -> None:
        super().__init__(ledger, gateways, query_attempts=query_attempts)
        self.code_wait_seconds = code_wait_seconds
        self.codes = CodeInbox()
        self._cancels: dict[str, threading.Event] = {}
        self._threads: dict[str, threading.Thread] = {}

    # --- PaymentProvider ------------------------------------------------------------------------

    def methods(self) -> frozenset[PaymentMethod]:
        return frozenset(self.gateways)

    def start(self, request: PaymentRequest, listener: PaymentListener) -> None:
        gateway = self.gateways.get(request.method)
        if gateway is None:
            raise LedgerError(f"no payment provider for {request.method.value}")
        with self._lock:
            if self.store.find(request.intent_id) is not None:
                # Never a second approval for one intent: report what we know instead of sending again.
                existing = self.store.get(request.intent_id)
                listener.on_result(self._result(existing, existing.state))
                return
            # Committed before the worker starts, so before anything leaves the device.
            self.store.create(
                request.intent_id,
                request.order_id,
                request.method,
                request.amount,
                request.order_ref,
                provider=gateway.provider,
            )
            cancel = threading.Event()
            self._cancels[request.intent_id] = cancel
            thread = threading.Thread(
                target=self._run, args=(gateway, request, listener, cancel), name=f"payment-{request.intent_id[-6:]}"
            )
            self._threads[request.intent_id] = thread
        thread.start()

    def pay(
        self, request: PaymentRequest, listener: PaymentListener, cancel: threading.Event | None = None
    ) -> PaymentResult:
        """The same payment as `start`, on the calling thread (headless runs, the fault matrix)."""
        gateway = self.gateways.get(request.method)
        if gateway is None:
            raise LedgerError(f"no payment provider for {request.method.value}")
        with self._lock:
            if self.store.find(request.intent_id) is not None:
                existing = self.store.get(request.intent_id)
                return self._result(existing, existing.state)
            self.store.create(
                request.intent_id,
                request.order_id,
                request.method,
                request.amount,
                request.order_ref,
                provider=gateway.provider,
            )
        return self._pay(gateway, request, listener, cancel or threading.Event())

    def cancel(self, intent_id: str) -> None:
        event = self._cancels.get(intent_id)
        if event is not None:
            event.set()

    def submit_code(self, intent_id: str, code: str) -> None:
        """A customer-presented code read by the scanner for the payment `intent_id`."""
        self.codes.put(intent_id, code)

    def close(self) -> None:
        for event in list(self._cancels.values()):
            event.set()
        for thread in list(self._threads.values()):
            thread.join(30)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Wait until every payment in flight has reported its result (tests and shutdown)."""
        for thread in list(self._threads.values()):
            thread.join(timeout)

    # --- one payment ----------------------------------------------------------------------------

    def _run(
        self, gateway: Gateway, request: PaymentRequest, listener: PaymentListener, cancel: threading.Event
    ) -> None:
        try:
            result = self._pay(gateway, request, listener, cancel)
        except Exception as exc:  # the listener must always get exactly one result
            log.exception("payment %s failed unexpectedly", request.intent_id)
            result = PaymentResult(request.intent_id, PaymentStatus.UNKNOWN, request.method, reason=str(exc))
        finally:
            self._cancels.pop(request.intent_id, None)
        try:
            listener.on_result(result)
        finally:
            self._threads.pop(request.intent_id, None)

    def _pay(
        self, gateway: Gateway, request: PaymentRequest, listener: PaymentListener, cancel: threading.Event
    ) -> PaymentResult:
        if cancel.is_set():  # cancelled before anything was sent
            return self._result(self._transition(request.intent_id, IntentState.CANCELLED), IntentState.CANCELLED)
        code = ""
        if request.method is PaymentMethod.BARCODE:
            listener.on_prompt(PaymentPrompt(request.intent_id, Instruction.SHOW_BARCODE))
            code = self.codes.wait(request.intent_id, self.code_wait_seconds, cancel) or ""
            if not code:  # the customer walked away or pressed cancel: nothing was sent
                state = IntentState.CANCELLED
                return self._result(self._transition(request.intent_id, state, reason="바코드 입력 없음"), state)
        # Committed before the request leaves the device; a payment code is kept only as a hash + last 4.
        intent = self._transition(request.intent_id, IntentState.SENT, code_hint=code_hint(code) if code else "")
        try:
            outcome = gateway.authorize(intent, listener.on_prompt, cancel, code)
        except OutcomeUnknown as exc:
            self._transition(intent.id, IntentState.UNKNOWN, reason=str(exc))
            listener.on_prompt(PaymentPrompt(intent.id, Instruction.PROCESSING))
            state = self._resolve(gateway, intent, keep=not cancel.is_set())
            return self._result(self.store.get(intent.id), state)
        state = self._apply(gateway, intent, outcome, keep=True)
        return self._result(self.store.get(intent.id), state)
