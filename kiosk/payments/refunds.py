"""Refunds of completed orders through their provider, with a journaled request first so a crash between
the provider's reversal and our entry is finished by recovery. Refusals are typed (`RefundError`)."""

from __future__ import annotations

from kiosk.ledger.ledger import LedgerError
from kiosk.payments.gateway import OutcomeUnknown, ReversalRefused
from kiosk.payments.intents import REFUND_REQUESTED_KIND, Intent, IntentState
from kiosk.payments.settle import Settlement


class RefundError(LedgerError):
    """A refund that was not done; the message says what to do."""


class NoCompletedPayment(RefundError):
    """The order has no completed payment to refund (paid another way, or not paid)."""


class AlreadyRefunded(RefundError):
    pass


class NoProvider(RefundError):
    """No gateway for the payment's method here: refund it by hand."""


class RefundNotConfirmed(RefundError):
    """The provider did not answer: try again."""


class RefundRefused(RefundError):
    """The provider refused: the card issuer / payment company must look (manual review)."""


class Refunds(Settlement):
    def refund(self, order_id: str, reason: str = "") -> Intent:
        """Refund a completed order through its provider, then record the reversal entries."""
        intents = [i for i in self.store.for_order(order_id) if i.order_completed]
        if not intents:
            raise NoCompletedPayment(f"주문 {order_id} 에 완료된 결제가 없습니다 (no completed payment for this order)")
        intent = intents[-1]
        if intent.state is IntentState.REFUNDED:
            raise AlreadyRefunded(f"주문 {order_id} 은 이미 환불되었습니다 (already refunded)")
        gateway = self.gateways.get(intent.method)
        if gateway is None:
            raise NoProvider(f"no payment provider for {intent.method.value}: refund it by hand")
        with self._lock:
            self.ledger.record(REFUND_REQUESTED_KIND, {"intent_id": intent.id, "order_id": order_id, "reason": reason})
        try:
            gateway.reverse(intent)
        except OutcomeUnknown as exc:
            raise RefundNotConfirmed(
                f"환불 요청에 응답이 없습니다: {exc}. 다시 시도해 주세요 (the refund was not confirmed; try again)"
            ) from None
        except ReversalRefused as exc:
            self._transition(intent.id, IntentState.MANUAL_REVIEW, reason=str(exc))
            raise RefundRefused(f"환불이 거절되었습니다: {exc}. 카드사 / 결제사에 문의해 주세요.") from None
        self._commit_refund(intent, reason)
        return self.store.get(intent.id)

    def _commit_refund(self, intent: Intent, reason: str) -> None:
        with self._lock, self.ledger.transaction():
            self.store.transition(intent.id, IntentState.REFUNDED, reason=reason or "환불")
            self.ledger.record_refund(intent.order_id, reason=reason, method=intent.method.value)
