"""The card-terminal port: what the payment core needs from a certified card terminal.

Vendor protocols are under NDA, so the core only knows this small interface; `hardware/card_terminal`
has the frame codec for the common STX … ETX + LRC + ACK/NAK family, a reference adapter and a
simulator. One intent id is sent with every call so the terminal (and its VAN) can be asked about it
again after a timeout or a crash.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class TerminalStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    TIMEOUT = "timeout"  # the customer did not present a card in time; nothing was charged
    ABORTED = "aborted"  # the kiosk asked to stop before any approval; nothing was charged
    CANCELLED = "cancelled"  # an approval was cancelled (net-cancel or refund)
    NOT_FOUND = "not_found"  # the terminal knows no transaction with this id
    BUSY = "busy"
    OK = "ok"  # device check passed


@dataclass(frozen=True, slots=True)
class TerminalReply:
    status: TerminalStatus
    intent_id: str = ""
    amount: int = 0
    approval_no: str = ""
    approved_at: str = ""  # the terminal's approval date-time (needed to cancel it later)
    issuer: str = ""
    masked_card: str = ""  # masked by the terminal; the core re-checks it with masking.check_masked
    installments: int = 0
    reason_code: str = ""  # e.g. "51" insufficient funds, "14" card error
    message: str = ""


class TerminalError(RuntimeError):
    """The terminal could not be asked at all; the message says what to check."""


class TerminalNoReply(TerminalError):
    """The request reached the terminal (it was acknowledged) but no result came back in time:
    the outcome is unknown and must be resolved by a query with the same id."""


class TerminalLinkError(TerminalError):
    """The terminal did not acknowledge the request (cable pulled, powered off, wrong port)."""


class TerminalProtocolError(TerminalError):
    """The terminal answered something we cannot understand (garbage, a reply for another id)."""


class CardTerminal(Protocol):
    def open(self) -> None: ...

    def close(self) -> None: ...

    def approve(
        self, intent_id: str, amount: int, installments: int = 0, cancel: threading.Event | None = None
    ) -> TerminalReply:
        """Ask for an approval and wait for the customer and the VAN. Setting `cancel` asks the
        terminal to abort; its reply then says whether the approval was already done."""
        ...

    def cancel(self, intent_id: str, amount: int, approval_no: str = "", approved_at: str = "") -> TerminalReply:
        """Cancel (net-cancel or refund) the approval of `intent_id`; idempotent."""
        ...

    def query(self, intent_id: str) -> TerminalReply:
        """What happened to `intent_id`: APPROVED, CANCELLED, DECLINED or NOT_FOUND."""
        ...

    def last_approval(self) -> TerminalReply: ...

    def check(self) -> TerminalReply:
        """Device check: OK, or raises TerminalError."""
        ...
