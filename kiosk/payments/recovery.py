"""Recovery: every intent a crash left open is resolved before the first customer can start (kept, cancelled
or net-cancelled, never a second approval); refunds asked but never journaled are finished; money that
arrived after the kiosk gave up on a QR / code payment is refunded (reconciliation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from kiosk.domain.order import PaymentMethod
from kiosk.payments.gateway import Gateway, OutcomeStatus, OutcomeUnknown
from kiosk.payments.intents import RECOVERY_KIND, Intent, IntentRow, IntentState
from kiosk.payments.refunds import Refunds


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


class Recovery(Refunds):
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
