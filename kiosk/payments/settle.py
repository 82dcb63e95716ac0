"""How an intent's outcome is settled: an approval kept or net-cancelled, a decline, a late payment refunded,
an unknown resolved by a query with the same id. Shared by live payments (kiosk.payments.service),
recovery after a crash (kiosk.payments.recovery) and refunds (kiosk.payments.refunds)."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Iterable
from typing import Any

from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger
from kiosk.payments.approval import Approval
from kiosk.payments.gateway import Gateway, Outcome, OutcomeStatus, OutcomeUnknown, ReversalRefused
from kiosk.payments.intents import RECONCILIATION_KIND, Intent, IntentState, IntentStore
from kiosk.payments.masking import UnmaskedCardNumber, check_masked
from kiosk.payments.port import PaymentResult, PaymentStatus

log = logging.getLogger(__name__)

UNKNOWN_TEXT = "결제 결과를 확인하지 못했습니다. 직원을 불러 주세요. 이중 결제는 자동으로 취소됩니다."


class Settlement:
    """The ledger, the intents and the gateways, and the steps that settle one intent."""

    def __init__(self, ledger: Ledger, gateways: Iterable[Gateway], *, query_attempts: int = 3) -> None:
        self.ledger = ledger
        self.store = IntentStore(ledger)
        self.gateways: dict[PaymentMethod, Gateway] = {g.method: g for g in gateways}
        self.query_attempts = query_attempts
        self._lock = threading.RLock()  # one ledger writer at a time from this service's threads

    def _transition(self, intent_id: str, state: IntentState, **details: Any) -> Intent:
        with self._lock:
            return self.store.transition(intent_id, state, **details)

    def _apply(self, gateway: Gateway, intent: Intent, outcome: Outcome, *, keep: bool) -> IntentState:
        """Record an outcome; an approval the kiosk does not keep is net-cancelled at once."""
        if outcome.status is OutcomeStatus.APPROVED:
            try:
                masked = check_masked(outcome.masked_card)
                note = ""
            except UnmaskedCardNumber as exc:
                masked, note = "", str(exc)  # the approval stands; the number is simply not kept
            approval = dataclasses.replace(Approval.of(outcome), masked_card=masked)
            self._transition(intent.id, IntentState.APPROVED, reason=note, **approval.fields())
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
            return PaymentResult(status=PaymentStatus.APPROVED, **Approval.of(intent).fields(with_time=False), **base)
        if state is IntentState.DECLINED:
            return PaymentResult(status=PaymentStatus.DECLINED, reason=intent.reason, **base)
        if state in (IntentState.CANCELLED, IntentState.NET_CANCELLED, IntentState.REFUNDED):
            return PaymentResult(status=PaymentStatus.CANCELLED, reason=intent.reason, **base)
        return PaymentResult(status=PaymentStatus.UNKNOWN, reason=UNKNOWN_TEXT, **base)
