"""Checkout: turns the cart into an Order, runs the payment through the payment port, and on approval
records the sale in the ledger, returning the order number for the result screen.

The provider reports from its own thread; the caller brings each PaymentResult back to its own thread
(the UI marshals it through a queued Qt signal) before calling `finish()`, so the ledger is only ever
written from one thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from kiosk.domain.cart import Cart
from kiosk.domain.catalog import Catalog
from kiosk.domain.ids import uuid7
from kiosk.domain.order import Order, OrderType, PaymentMethod, order_from_cart
from kiosk.flow.machine import Event, PaymentApproved, PaymentCancelled, PaymentDeclined, PaymentFailed
from kiosk.ledger.ledger import Ledger, LedgerError, SaleRecord
from kiosk.payments.port import PaymentListener, PaymentProvider, PaymentRequest, PaymentResult, PaymentStatus
from kiosk.payments.remote import UNAVAILABLE
from kiosk.payments.service import payment_record
from kiosk.ports import Clock

log = logging.getLogger(__name__)

# Shown on the failure screen; it says what to do (DESIGN section 10).
UNKNOWN_RESULT = "결제 결과를 확인하지 못했습니다. 직원을 불러 주세요."
# A payment that ended by itself without the customer cancelling (the QR's time ran out, no code shown).
NOT_PAID_IN_TIME = "결제 시간이 지났습니다. 다시 시도하거나 다른 결제 수단을 골라 주세요."
NOT_RECORDED = "결제는 승인되었지만 주문을 저장하지 못했습니다. 영수증을 버리지 말고 직원을 불러 주세요."


@dataclass(frozen=True, slots=True)
class PendingPayment:
    order: Order
    request: PaymentRequest


class Checkout:
    def __init__(self, ledger: Ledger, provider: PaymentProvider, clock: Clock) -> None:
        self.ledger = ledger
        self.provider = provider
        self.clock = clock
        self.pending: PendingPayment | None = None
        self._cancel_asked = False  # the customer pressed cancel for the pending payment
        self.last_sale: SaleRecord | None = None

    def begin(
        self,
        catalog: Catalog,
        cart: Cart,
        order_type: OrderType,
        method: PaymentMethod,
        listener: PaymentListener,
        language: str = "ko",
    ) -> PaymentRequest:
        """Build the order and start the payment; the provider answers through `listener`."""
        order = order_from_cart(catalog, cart, order_type, self.clock.now(), language)
        request = PaymentRequest(
            intent_id=uuid7(), order_id=order.id, amount=order.total, method=method, order_ref=order.id[-8:]
        )
        self.pending = PendingPayment(order, request)
        self._cancel_asked = False
        self.provider.start(request, listener)
        return request

    def cancel(self) -> None:
        if self.pending is not None:
            self._cancel_asked = True
            self.provider.cancel(self.pending.request.intent_id)

    def finish(self, result: PaymentResult) -> Event:
        """The provider's answer, as the flow event to send next. Records the sale when approved."""
        pending = self.pending
        if pending is None or result.intent_id != pending.request.intent_id:
            # A late answer for a payment the kiosk already gave up on: recovery (payment intents)
            # reconciles it; it never fulfils an order here.
            log.warning("payment result for unknown intent %s (%s) ignored", result.intent_id, result.status)
            return PaymentFailed(UNKNOWN_RESULT) if result.status is PaymentStatus.APPROVED else PaymentCancelled()
        self.pending = None
        if result.status is PaymentStatus.APPROVED:
            if not result.amount:
                result = replace(result, amount=pending.order.total)
            # Its id is the intent id: PaymentService's sale guard matches the sale to its committed approval.
            payment = payment_record(result)
            try:
                sale = self.ledger.record_sale(pending.order, payment)
            except LedgerError as exc:
                log.error("approved payment %s not recorded: %s", result.intent_id, exc)
                return PaymentFailed(NOT_RECORDED)
            self.last_sale = sale
            return PaymentApproved(sale.order_number)
        if result.status is PaymentStatus.DECLINED:
            return PaymentDeclined(result.reason or "declined")
        if result.status is PaymentStatus.CANCELLED:
            if self._cancel_asked:
                return PaymentCancelled()
            # Ended by itself (the QR expired, no code was shown): the customer gets the same choices
            # as after a decline (try again, another method) instead of being dropped back silently.
            # The provider's own words only when they say what to do (the QR service is down).
            return PaymentDeclined(result.reason if result.reason == UNAVAILABLE else NOT_PAID_IN_TIME, public=True)
        return PaymentFailed(UNKNOWN_RESULT)
