"""What PaymentService needs from each way of taking money: authorise, query, reverse.

A gateway is blocking and is called on the payment service's worker thread. It never writes to the
ledger itself: the service records every step, before the step leaves the device. One intent id is
passed to every call. A gateway that cannot tell what happened raises `OutcomeUnknown`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.domain.order import PaymentMethod
from kiosk.payments.intents import Intent
from kiosk.payments.port import PaymentPrompt


class OutcomeStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # nothing charged (customer gave up, terminal timeout, expired) or reversed
    NOT_FOUND = "not_found"
    LATE = "late"  # paid after the kiosk gave up (expired QR): reconciliation refunds it


@dataclass(frozen=True, slots=True)
class Outcome:
    status: OutcomeStatus
    provider: str = ""
    approval_no: str = ""
    approved_at: str = ""
    issuer: str = ""
    masked_card: str = ""
    installments: int = 0
    reason: str = ""


class OutcomeUnknown(RuntimeError):
    """No answer (timeout, link down, crash of the provider): resolve with `query` by the same id."""


class ReversalRefused(RuntimeError):
    """The provider refused to cancel: a person must look at it (manual review)."""


Prompt = Callable[[PaymentPrompt], None]


class Gateway(Protocol):
    method: PaymentMethod
    provider: str

    def authorize(self, intent: Intent, prompt: Prompt, cancel: threading.Event, code: str = "") -> Outcome:
        """Take the money. `code` is the customer-presented code (BARCODE only; the service waits for
        the scanner and records a hash of it before calling)."""
        ...

    def query(self, intent: Intent) -> Outcome: ...

    def reverse(self, intent: Intent) -> Outcome:
        """Net-cancel or refund the intent's approval (idempotent): CANCELLED or NOT_FOUND."""
        ...


class CodeInbox:
    """Where the scanner's customer-presented code reaches the payment waiting for it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._codes: dict[str, str] = {}

    def put(self, intent_id: str, code: str) -> None:
        with self._cond:
            self._codes[intent_id] = code
            self._cond.notify_all()

    def wait(self, intent_id: str, timeout: float, cancel: threading.Event) -> str | None:
        """The code for `intent_id`, or None after `timeout` seconds or when cancelled."""
        import time

        deadline = time.monotonic() + timeout
        with self._cond:
            while intent_id not in self._codes:
                left = deadline - time.monotonic()
                if left <= 0 or cancel.is_set():
                    return None
                self._cond.wait(min(left, 0.05))
            return self._codes.pop(intent_id)
