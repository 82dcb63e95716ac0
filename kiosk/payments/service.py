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
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger, LedgerError, PaymentRecord
from kiosk.payments.gateway import CodeInbox, Gateway, Outcome, OutcomeStatus, OutcomeUnknown, ReversalRefused
from kiosk.payments.intents import (
    RECONCILIATION_KIND,
    RECOVERY_KIND,
    REFUND_REQUESTED_KIND,
    Intent,
    IntentRow,
    IntentState,
    IntentStore,
)
from kiosk.payments.masking import UnmaskedCardNumber, check_masked, code_hint
from kiosk.payments.port import (
    Instruction,
    PaymentListener,
    PaymentPrompt,
    PaymentRequest,
    PaymentResult,
    PaymentStatus,
)

log = logging.getLogger(__name__)

UNKNOWN_TEXT = "결제 결과를 확인하지 못했습니다. 직원을 불러 주세요. 이중 결제는 자동으로 취소됩니다."


def payment_record(result: PaymentResult) -> PaymentRecord:
    """The ledger's PaymentRecord for an approved result; its id is the intent id (the sale guard
    matches the sale to its committed approval by it)."""
    return PaymentRecord(
        method=result.method,
        amount=result.amount,
        provider=result.provider,
        approval_no=result.approval_no,
        issuer=result.issuer,
        masked_card=result.masked_card,
        installments=result.installments,
        id=result.intent_id,
    )


@dataclass
class RecoveryReport:
    kept: list[str] = field(default_factory=list)  # approved and completed: nothing to do
    net_cancelled: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)  # never sent, or declined
    refunded: list[str] = field(default_factory=list)
    manual_review: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # provider unreachable: tried again next time

    @property
    def clean(self) -> bool:
        return not self.unresolved and not self.manual_review

    def summary(self) -> str:
        return (
            f"결제 복구: 망취소 {len(self.net_cancelled)}건, 취소 {len(self.cancelled)}건, "
            f"환불 {len(self.refunded)}건, "
            f"확인 필요 {len(self.manual_review)}건, 미해결 {len(self.unresolved)}건"
        )


class PaymentService:
    def __init__(
        self,
        ledger: Ledger,
        gateways: Iterable[Gateway],
        *,
        query_attempts: int = 3,
        code_wait_seconds: float = 60.0,
    ) -> None:
        self.code_wait_seconds = code_wait_seconds
        self.ledger = ledger
        self.store = IntentStore(ledger)
        self.gateways: dict[PaymentMethod, Gateway] = {g.method: g for g in gateways}
        self.query_attempts = query_attempts
        self.codes = CodeInbox()
        self._lock = threading.RLock()  # one ledger writer at a time from this service's threads
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

    def _transition(self, intent_id: str, state: IntentState, **details: Any) -> Intent:
        with self._lock:
            return self.store.transition(intent_id, state, **details)

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

    def _apply(self, gateway: Gateway, intent: Intent, outcome: Outcome, *, keep: bool) -> IntentState:
        """Record an outcome; an approval the kiosk does not keep is net-cancelled at once."""
        if outcome.status is OutcomeStatus.APPROVED:
            try:
                masked = check_masked(outcome.masked_card)
                note = ""
            except UnmaskedCardNumber as exc:
                masked, note = "", str(exc)  # the approval stands; the number is simply not kept
            self._transition(
                intent.id,
                IntentState.APPROVED,
                provider=outcome.provider,
                approval_no=outcome.approval_no,
                approved_at=outcome.approved_at,
                issuer=outcome.issuer,
                masked_card=masked,
                installments=outcome.installments,
                reason=note,
            )
            if keep:
                return IntentState.APPROVED
            return self._reverse(gateway, self.store.get(intent.id), "kiosk gave up before the approval arrived")
        if outcome.status is OutcomeStatus.DECLINED:
            self._transition(intent.id, IntentState.DECLINED, reason=outcome.reason)
            return IntentState.DECLINED
        if outcome.status is OutcomeStatus.LATE:
            return self._reconcile_late(gateway, intent, outcome)
        if outcome.status is OutcomeStatus.CANCELLED:
            self._transition(intent.id, IntentState.CANCELLED, reason=outcome.reason)
            return IntentState.CANCELLED
        # NOT_FOUND after an unknown: the request may still be in flight at the VAN; 망취소 to be sure.
        return self._reverse(gateway, intent, "not found at the provider")

    def _reconcile_late(self, gateway: Gateway, intent: Intent, outcome: Outcome) -> IntentState:
        """Paid after the kiosk gave up: a reconciliation item, refunded, never an order."""
        with self._lock:
            self.ledger.record(
                RECONCILIATION_KIND,
                {
                    "intent_id": intent.id,
                    "order_id": intent.order_id,
                    "amount": intent.amount,
                    "approval_no": outcome.approval_no,
                    "action": "refund",
                },
            )
        current = self.store.get(intent.id)
        if current.state in (IntentState.SENT, IntentState.CREATED):
            current = self._transition(intent.id, IntentState.UNKNOWN, reason="paid after expiry")
        if current.state is IntentState.UNKNOWN:
            current = self._transition(
                intent.id,
                IntentState.APPROVED,
                provider=outcome.provider,
                approval_no=outcome.approval_no,
                reason="late payment: refund",
            )
        if current.state is IntentState.APPROVED:
            return self._reverse(gateway, current, "paid after expiry or cancel", final=IntentState.REFUNDED)
        # Already closed (cancelled / expired) on our side: the late money still goes back.
        try:
            gateway.reverse(current)
        except (OutcomeUnknown, ReversalRefused) as exc:
            log.error("late payment %s could not be refunded yet: %s", intent.id, exc)
            return current.state
        self._transition(
            intent.id,
            IntentState.REFUNDED,
            late=True,
            provider=outcome.provider,
            approval_no=outcome.approval_no,
            reason="결제 시간이 지난 뒤 들어온 결제: 환불함",
        )
        return IntentState.REFUNDED

    def _reverse(
        self, gateway: Gateway, intent: Intent, why: str, final: IntentState = IntentState.NET_CANCELLED
    ) -> IntentState:
        current = self.store.get(intent.id)
        if current.state in (IntentState.SENT, IntentState.CREATED):
            current = self._transition(intent.id, IntentState.UNKNOWN, reason=why)
        try:
            gateway.reverse(current)
        except OutcomeUnknown as exc:
            log.warning("net-cancel of %s not confirmed: %s", intent.id, exc)
            if current.state is not IntentState.UNKNOWN:
                # approved but not cancelled yet: leave it approved-without-order; recovery retries
                return current.state
            self._transition(intent.id, IntentState.UNKNOWN, reason=f"net-cancel not confirmed: {exc}")
            return IntentState.UNKNOWN
        except ReversalRefused as exc:
            self._transition(intent.id, IntentState.MANUAL_REVIEW, reason=str(exc))
            return IntentState.MANUAL_REVIEW
        self._transition(intent.id, final, reason=why)
        return final

    def _resolve(self, gateway: Gateway, intent: Intent, *, keep: bool) -> IntentState:
        """Unknown outcome: query by the same id, then keep or net-cancel. Never a second approval."""
        for attempt in range(self.query_attempts):
            try:
                outcome = gateway.query(intent)
                break
            except OutcomeUnknown as exc:
                log.info("query %d for %s failed: %s", attempt + 1, intent.id, exc)
        else:
            return IntentState.UNKNOWN
        if outcome.status is OutcomeStatus.CANCELLED:
            # the terminal / provider says nothing stands (timed out, aborted or already reversed)
            state = IntentState.NET_CANCELLED if self.store.get(intent.id).ever_approved else IntentState.CANCELLED
            self._transition(intent.id, state, reason=outcome.reason or "nothing charged")
            return state
        return self._apply(gateway, intent, outcome, keep=keep)

    def _result(self, intent: Intent, state: IntentState) -> PaymentResult:
        base: dict[str, Any] = {"intent_id": intent.id, "method": intent.method, "amount": intent.amount}
        if state is IntentState.APPROVED:
            return PaymentResult(
                status=PaymentStatus.APPROVED,
                provider=intent.provider,
                approval_no=intent.approval_no,
                issuer=intent.issuer,
                masked_card=intent.masked_card,
                installments=intent.installments,
                **base,
            )
        if state is IntentState.DECLINED:
            return PaymentResult(status=PaymentStatus.DECLINED, reason=intent.reason, **base)
        if state in (IntentState.CANCELLED, IntentState.NET_CANCELLED, IntentState.REFUNDED):
            return PaymentResult(status=PaymentStatus.CANCELLED, reason=intent.reason, **base)
        return PaymentResult(status=PaymentStatus.UNKNOWN, reason=UNKNOWN_TEXT, **base)

    # --- recovery -------------------------------------------------------------------------------

    def recover(self) -> RecoveryReport:
        """Resolve every intent that is not final. Call at start, before the first customer can start (and
        again later for intents that stayed unresolved because a provider was unreachable)."""
        report = RecoveryReport()
        for intent in self.store.pending():
            gateway = self.gateways.get(intent.method)
            if gateway is None:
                report.unresolved.append(intent.id)
                continue
            state = self._recover_one(gateway, intent)
            {
                IntentState.NET_CANCELLED: report.net_cancelled,
                IntentState.CANCELLED: report.cancelled,
                IntentState.DECLINED: report.cancelled,
                IntentState.REFUNDED: report.refunded,
                IntentState.MANUAL_REVIEW: report.manual_review,
            }.get(state, report.unresolved).append(intent.id)
        self._recover_refunds(report)
        if any((report.net_cancelled, report.cancelled, report.refunded, report.manual_review, report.unresolved)):
            with self._lock:
                self.ledger.record(
                    RECOVERY_KIND,
                    {
                        "net_cancelled": report.net_cancelled,
                        "cancelled": report.cancelled,
                        "refunded": report.refunded,
                        "manual_review": report.manual_review,
                        "unresolved": report.unresolved,
                        "summary": report.summary(),
                    },
                )
        return report

    def _recover_one(self, gateway: Gateway, intent: Intent) -> IntentState:
        if intent.state is IntentState.CREATED:
            # The sent entry is committed before anything is sent, so nothing left the device.
            self._transition(intent.id, IntentState.CANCELLED, reason="재시작: 전송 전에 중단됨")
            return IntentState.CANCELLED
        if intent.state is IntentState.SENT:
            intent = self._transition(intent.id, IntentState.UNKNOWN, reason="재시작: 결과 확인 필요")
        if intent.state is IntentState.UNKNOWN:
            # The customer is gone after a crash: an approval found now is net-cancelled, not kept.
            return self._resolve(gateway, intent, keep=False)
        if intent.state is IntentState.APPROVED:  # approved, but its order was never committed
            return self._reverse(gateway, intent, "재시작: 주문이 완료되지 않은 승인")
        return intent.state

    def reconcile_late(self, within_hours: float = 24.0) -> list[str]:
        """Ask the providers about recently cancelled / expired QR and code payments: money that
        arrived after the kiosk gave up is refunded (a reconciliation item), never an order."""
        since = (self.ledger.clock.now() - timedelta(hours=within_hours)).isoformat(timespec="microseconds")
        with self.ledger.reading() as s:
            rows = s.execute(
                select(IntentRow).where(
                    IntentRow.state == IntentState.CANCELLED.value,
                    IntentRow.method.in_([PaymentMethod.QR.value, PaymentMethod.BARCODE.value]),
                    IntentRow.created_at >= since,
                )
            ).scalars()
            candidates = [Intent.from_row(r) for r in rows]
        refunded: list[str] = []
        for intent in candidates:
            gateway = self.gateways.get(intent.method)
            if gateway is None:
                continue
            try:
                outcome = gateway.query(intent)
            except OutcomeUnknown:
                continue
            late = outcome.status in (OutcomeStatus.LATE, OutcomeStatus.APPROVED)
            if late and self._reconcile_late(gateway, intent, outcome) is IntentState.REFUNDED:
                refunded.append(intent.id)
        return refunded

    # --- refunds --------------------------------------------------------------------------------

    def refund(self, order_id: str, reason: str = "") -> Intent:
        """Refund a completed order through its provider, then record the reversal entries."""
        intents = [i for i in self.store.for_order(order_id) if i.order_completed]
        if not intents:
            raise LedgerError(f"주문 {order_id} 에 완료된 결제가 없습니다 (no completed payment for this order)")
        intent = intents[-1]
        if intent.state is IntentState.REFUNDED:
            raise LedgerError(f"주문 {order_id} 은 이미 환불되었습니다 (already refunded)")
        gateway = self.gateways.get(intent.method)
        if gateway is None:
            raise LedgerError(f"no payment provider for {intent.method.value}: refund it by hand")
        with self._lock:
            self.ledger.record(REFUND_REQUESTED_KIND, {"intent_id": intent.id, "order_id": order_id, "reason": reason})
        try:
            gateway.reverse(intent)
        except OutcomeUnknown as exc:
            raise LedgerError(
                f"환불 요청에 응답이 없습니다: {exc}. 다시 시도해 주세요 (the refund was not confirmed; try again)"
            ) from None
        except ReversalRefused as exc:
            self._transition(intent.id, IntentState.MANUAL_REVIEW, reason=str(exc))
            raise LedgerError(f"환불이 거절되었습니다: {exc}. 카드사 / 결제사에 문의해 주세요.") from None
        self._commit_refund(intent, reason)
        return self.store.get(intent.id)

    def _commit_refund(self, intent: Intent, reason: str) -> None:
        with self._lock, self.ledger.transaction():
            self.store.transition(intent.id, IntentState.REFUNDED, reason=reason or "환불")
            self.ledger.record_refund(intent.order_id, reason=reason, method=intent.method.value)

    def _recover_refunds(self, report: RecoveryReport) -> None:
        """A refund asked of the provider whose reversal entry was never committed (crash between)."""
        for intent, reason in self.store.open_refund_requests():
            gateway = self.gateways.get(intent.method)
            if gateway is None:
                continue
            try:
                outcome = gateway.query(intent)
            except OutcomeUnknown:
                report.unresolved.append(intent.id)
                continue
            if outcome.status in (OutcomeStatus.CANCELLED, OutcomeStatus.NOT_FOUND):
                self._commit_refund(intent, reason)
                report.refunded.append(intent.id)
