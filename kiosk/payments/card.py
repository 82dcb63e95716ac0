"""Card payments through the certified card terminal (the `CardTerminal` port)."""

from __future__ import annotations

import threading

from kiosk.domain.order import PaymentMethod
from kiosk.payments.gateway import Outcome, OutcomeStatus, OutcomeUnknown, Prompt, ReversalRefused
from kiosk.payments.intents import Intent
from kiosk.payments.port import Instruction, PaymentPrompt
from kiosk.payments.terminal import CardTerminal, TerminalError, TerminalReply, TerminalStatus

_DECLINE_TEXT = {
    "51": "잔액이 부족합니다. 다른 카드나 결제 수단을 이용해 주세요.",
    "14": "카드를 읽을 수 없습니다. 카드를 다시 꽂거나 다른 카드를 이용해 주세요.",
}


def _outcome(reply: TerminalReply, provider: str) -> Outcome:
    if reply.status is TerminalStatus.APPROVED:
        return Outcome(
            OutcomeStatus.APPROVED,
            provider=provider,
            approval_no=reply.approval_no,
            approved_at=reply.approved_at,
            issuer=reply.issuer,
            masked_card=reply.masked_card,
            installments=reply.installments,
        )
    if reply.status is TerminalStatus.DECLINED:
        text = _DECLINE_TEXT.get(reply.reason_code, reply.message or "카드사에서 승인을 거절했습니다.")
        return Outcome(OutcomeStatus.DECLINED, provider=provider, reason=text)
    if reply.status in (TerminalStatus.TIMEOUT, TerminalStatus.ABORTED, TerminalStatus.CANCELLED):
        return Outcome(OutcomeStatus.CANCELLED, provider=provider, reason=reply.message)
    if reply.status is TerminalStatus.NOT_FOUND:
        return Outcome(OutcomeStatus.NOT_FOUND, provider=provider)
    raise OutcomeUnknown(f"unexpected card terminal status {reply.status.value}")


class CardGateway:
    method = PaymentMethod.CARD

    def __init__(self, terminal: CardTerminal, provider: str = "card-terminal") -> None:
        self.terminal = terminal
        self.provider = provider

    def authorize(self, intent: Intent, prompt: Prompt, cancel: threading.Event, code: str = "") -> Outcome:
        prompt(PaymentPrompt(intent.id, Instruction.CARD))
        try:
            reply = self.terminal.approve(intent.id, intent.amount, 0, cancel)
        except TerminalError as exc:
            raise OutcomeUnknown(str(exc)) from None
        if reply.status is TerminalStatus.APPROVED and reply.amount and reply.amount != intent.amount:
            raise OutcomeUnknown(f"the terminal approved {reply.amount} won for a {intent.amount} won payment")
        return _outcome(reply, self.provider)

    def query(self, intent: Intent) -> Outcome:
        try:
            return _outcome(self.terminal.query(intent.id), self.provider)
        except TerminalError as exc:
            raise OutcomeUnknown(str(exc)) from None

    def reverse(self, intent: Intent) -> Outcome:
        try:
            reply = self.terminal.cancel(intent.id, intent.amount, intent.approval_no, intent.approved_at)
        except TerminalError as exc:
            raise OutcomeUnknown(str(exc)) from None
        if reply.status in (TerminalStatus.CANCELLED, TerminalStatus.NOT_FOUND):
            return _outcome(reply, self.provider)
        raise ReversalRefused(f"the card terminal refused to cancel ({reply.status.value} {reply.message})")
