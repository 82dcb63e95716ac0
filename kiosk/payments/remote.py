"""QR and mobile-barcode payments through the programme backend's payment-provider API.

* `QrGateway` (merchant-presented): creates the payment (idempotent by intent id), shows the EMVCo
  payload as a QR with a countdown, polls for the confirmation, and gives up after the expiry
  (3 minutes). Paid after that → LATE: the service refunds it as a reconciliation item.
* `CodeGateway` (customer-presented): sends the scanned one-time code for approval; a timeout is an
  unknown outcome, resolved by a status query and a net-cancel.
"""

from __future__ import annotations

import threading
from typing import Any

from kiosk.domain.order import PaymentMethod
from kiosk.payments.gateway import Outcome, OutcomeStatus, OutcomeUnknown, Prompt, ReversalRefused
from kiosk.payments.intents import Intent
from kiosk.payments.port import Instruction, PaymentPrompt
from kiosk.ports import Clock, SystemClock

UNAVAILABLE = "QR 결제를 지금 사용할 수 없습니다. 카드로 결제해 주세요."


class _Api:
    def __init__(self, base_url: str, timeout: float) -> None:
        import httpx  # here, not at the top: ~0.1 s that the kiosk pays only with a backend configured

        self.client = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)

    def call(self, method: str, path: str, json: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        import httpx

        try:
            r = self.client.request(method, path, json=json)
        except httpx.HTTPError as exc:
            raise OutcomeUnknown(f"the payment provider did not answer ({type(exc).__name__})") from None
        if r.status_code >= 500:
            raise OutcomeUnknown(f"the payment provider failed ({r.status_code})")
        try:
            body = r.json()
        except ValueError:
            raise OutcomeUnknown(f"the payment provider sent a malformed reply ({r.status_code})") from None
        return r.status_code, body if isinstance(body, dict) else {}

    def close(self) -> None:
        self.client.close()


def _qr_outcome(body: dict[str, Any]) -> Outcome:
    status = body.get("status")
    provider = str(body.get("provider") or "QR")
    if status == "approved":
        return Outcome(OutcomeStatus.APPROVED, provider=provider, approval_no=str(body.get("approval_no") or ""))
    if status == "paid_late":
        return Outcome(OutcomeStatus.LATE, provider=provider, approval_no=str(body.get("approval_no") or ""))
    if status in ("expired", "cancelled", "refunded"):
        return Outcome(OutcomeStatus.CANCELLED, provider=provider, reason=f"QR {status}")
    if status == "pending":
        return Outcome(OutcomeStatus.NOT_FOUND, provider=provider, reason="QR still pending")
    raise OutcomeUnknown(f"unexpected QR status {status!r}")


class QrGateway:
    method = PaymentMethod.QR
    provider = "qr"

    def __init__(
        self,
        base_url: str,
        *,
        merchant_name: str,
        merchant_city: str = "SEOUL",
        expiry_seconds: int = 180,
        poll_seconds: float = 1.0,
        http_timeout: float = 5.0,
        clock: Clock | None = None,
    ) -> None:
        self.api = _Api(base_url, http_timeout)
        self.merchant_name = merchant_name
        self.merchant_city = merchant_city
        self.expiry_seconds = expiry_seconds
        self.poll_seconds = poll_seconds
        self.clock = clock or SystemClock()

    def close(self) -> None:
        self.api.close()

    def authorize(self, intent: Intent, prompt: Prompt, cancel: threading.Event, code: str = "") -> Outcome:
        body = {
            "intent_id": intent.id,
            "amount": intent.amount,
            "order_ref": intent.order_ref or intent.order_id[-8:],
            "merchant_name": self.merchant_name,
            "merchant_city": self.merchant_city,
        }
        try:
            status, created = self.api.call("POST", "/v1/qr/payments", body)
        except OutcomeUnknown:
            return Outcome(OutcomeStatus.CANCELLED, reason=UNAVAILABLE)  # no QR shown: nobody could pay
        if status != 201 or not created.get("payload"):
            return Outcome(OutcomeStatus.CANCELLED, reason=UNAVAILABLE)
        payload = str(created["payload"])
        deadline = self.clock.monotonic() + self.expiry_seconds
        last_shown = -1
        while True:
            left = max(0, int(deadline - self.clock.monotonic() + 0.999))
            if left != last_shown:
                prompt(PaymentPrompt(intent.id, Instruction.SCAN_QR, qr_payload=payload, expires_in_seconds=left))
                last_shown = left
            try:
                outcome = self.query(intent)
            except OutcomeUnknown:
                outcome = Outcome(OutcomeStatus.NOT_FOUND)  # the network blinked: keep polling until expiry
            if outcome.status is not OutcomeStatus.NOT_FOUND:
                return outcome
            if cancel.is_set() or left <= 0:
                return self._give_up(intent)
            cancel.wait(self.poll_seconds)

    def _give_up(self, intent: Intent) -> Outcome:
        """Cancel at the provider; if the customer paid in the meantime, that is reconciled (refund)."""
        outcome = self.query(intent)
        if outcome.status is OutcomeStatus.APPROVED:
            return outcome  # paid before the cancel: the flow completes the order (port contract)
        _status, body = self.api.call("POST", f"/v1/qr/payments/{intent.id}/cancel")
        if body.get("status") == "refunded":
            return Outcome(OutcomeStatus.LATE, provider=str(body.get("provider") or "QR"))
        return Outcome(OutcomeStatus.CANCELLED, reason="QR 결제 시간이 지났거나 취소되었습니다.")

    def query(self, intent: Intent) -> Outcome:
        status, body = self.api.call("GET", f"/v1/qr/payments/{intent.id}")
        if status == 404:
            return Outcome(OutcomeStatus.NOT_FOUND)
        return _qr_outcome(body)

    def reverse(self, intent: Intent) -> Outcome:
        status, body = self.api.call("POST", f"/v1/qr/payments/{intent.id}/cancel")
        if status == 404:
            return Outcome(OutcomeStatus.NOT_FOUND)
        if body.get("status") in ("cancelled", "refunded", "expired"):
            return Outcome(OutcomeStatus.CANCELLED)
        raise ReversalRefused(f"the QR provider did not cancel ({body.get('status')})")


class CodeGateway:
    method = PaymentMethod.BARCODE
    provider = "code"

    def __init__(self, base_url: str, *, http_timeout: float = 10.0) -> None:
        self.api = _Api(base_url, http_timeout)

    def close(self) -> None:
        self.api.close()

    def authorize(self, intent: Intent, prompt: Prompt, cancel: threading.Event, code: str = "") -> Outcome:
        prompt(PaymentPrompt(intent.id, Instruction.PROCESSING))
        body = {"intent_id": intent.id, "code": code, "amount": intent.amount, "order_ref": intent.order_ref}
        status, reply = self.api.call("POST", "/v1/codes/approve", body)
        return self._outcome(status, reply)

    def _outcome(self, status: int, reply: dict[str, Any]) -> Outcome:
        st = reply.get("status")
        provider = str(reply.get("provider") or "간편결제")
        if st == "approved":
            return Outcome(OutcomeStatus.APPROVED, provider=provider, approval_no=str(reply.get("approval_no") or ""))
        if st == "declined":
            reason = str(reply.get("reason") or "승인 거절")
            return Outcome(
                OutcomeStatus.DECLINED, provider=provider, reason=f"{reason}. 다른 결제 수단을 이용해 주세요."
            )
        if st == "cancelled":
            return Outcome(OutcomeStatus.CANCELLED, provider=provider)
        if st == "not_found":
            return Outcome(OutcomeStatus.NOT_FOUND)
        raise OutcomeUnknown(f"unexpected reply from the payment provider ({status} {st!r})")

    def query(self, intent: Intent) -> Outcome:
        return self._outcome(*self.api.call("GET", f"/v1/codes/{intent.id}"))

    def reverse(self, intent: Intent) -> Outcome:
        _status, reply = self.api.call("POST", f"/v1/codes/{intent.id}/cancel")
        if reply.get("status") in ("cancelled", "not_found"):
            return Outcome(OutcomeStatus.CANCELLED)
        raise ReversalRefused(f"the payment provider did not cancel ({reply.get('status')})")
