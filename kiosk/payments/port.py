"""The payment port between the ordering flow and whatever takes the money.

A provider's `start()` returns at once and reports back through the listener from its own thread:
zero or more prompts (what the screen should tell the customer), then exactly one result. The flow
never decides whether money moved; the provider (and the ledger's payment intents) do.
The app never sees a card number: results carry a masked number only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.domain.order import PaymentMethod


class PaymentStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # the customer or the kiosk gave up before any approval
    UNKNOWN = "unknown"  # no answer; recovery resolves it (query, then keep or net-cancel)


class Instruction(StrEnum):
    """What the in-progress screen shows, with a picture."""

    CARD = "card"  # tap or insert the card at the card terminal
    SCAN_QR = "scan_qr"  # scan this QR with your payment app
    SHOW_BARCODE = "show_barcode"  # show your payment app's barcode to the scanner
    PROCESSING = "processing"  # approval in progress, please wait


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    intent_id: str  # one id for every call about this payment
    order_id: str
    amount: int
    method: PaymentMethod
    order_ref: str = ""  # short reference shown to providers (e.g. in the QR's additional data)


@dataclass(frozen=True, slots=True)
class PaymentPrompt:
    intent_id: str
    instruction: Instruction
    qr_payload: str = ""  # for SCAN_QR: the EMVCo payload to show as a QR code
    expires_in_seconds: int = 0  # for SCAN_QR: the countdown to show


@dataclass(frozen=True, slots=True)
class PaymentResult:
    intent_id: str
    status: PaymentStatus
    method: PaymentMethod
    amount: int = 0
    provider: str = ""
    approval_no: str = ""
    issuer: str = ""
    masked_card: str = ""  # masked by the terminal and re-checked by us; never a full number
    installments: int = 0
    reason: str = ""  # for DECLINED: a short reason for the customer (e.g. "잔액 부족")


class PaymentListener(Protocol):
    def on_prompt(self, prompt: PaymentPrompt) -> None: ...

    def on_result(self, result: PaymentResult) -> None: ...


class PaymentProvider(Protocol):
    def methods(self) -> frozenset[PaymentMethod]:
        """The methods this provider takes (the payment-method screen offers these)."""
        ...

    def start(self, request: PaymentRequest, listener: PaymentListener) -> None:
        """Begin a payment; returns at once, reports through `listener` from another thread."""
        ...

    def cancel(self, intent_id: str) -> None:
        """The customer pressed cancel. The provider answers with a result: CANCELLED, or APPROVED
        if the approval was already done (the flow then completes the order)."""
        ...

    def close(self) -> None: ...
