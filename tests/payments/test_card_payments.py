"""Card payments end to end: pty terminal simulator → adapter → PaymentService → ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk.domain.order import PaymentMethod
from kiosk.ledger import LedgerError, PaymentRecord
from kiosk.ledger.verify import verify_journal
from kiosk.payments.intents import IntentState
from kiosk.payments.port import Instruction, PaymentRequest, PaymentStatus
from kiosk.payments.terminal import TerminalStatus
from tests.helpers.payments import Listener, Rig, card_rig


@pytest.fixture
def rig(tmp_path: Path, sim: TerminalSimulator) -> Iterator[Rig]:
    sim.reset()
    with card_rig(tmp_path, sim) as r:
        yield r


def _states(rig: Rig, intent_id: str) -> list[str]:
    return [kind.removeprefix("payment.") for kind, _ in rig.service.store.history(intent_id)]


def test_approve_completes_the_order_with_a_masked_card(rig: Rig) -> None:
    order = rig.order()
    result = rig.pay(order, "i-ok")
    assert result.status is PaymentStatus.APPROVED
    assert result.masked_card.startswith("5365-12**-****-")
    assert result.issuer == "신한카드" and result.approval_no
    rig.checkout(order, result)
    intent = rig.service.store.get("i-ok")
    assert intent.final and intent.order_completed
    assert _states(rig, "i-ok") == ["created", "sent", "approved"]
    assert len(rig.sim.open_approvals("i-ok")) == 1
    assert verify_journal(rig.ledger_path).ok


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [(Behaviour.DECLINE_FUNDS, "잔액이 부족합니다"), (Behaviour.DECLINE_CARD, "카드를 읽을 수 없습니다")],
)
def test_declines_tell_the_customer_what_to_do(rig: Rig, behaviour: Behaviour, reason: str) -> None:
    rig.sim.queue(behaviour)
    order = rig.order()
    result = rig.pay(order, "i-dec")
    assert result.status is PaymentStatus.DECLINED
    assert reason in result.reason
    assert rig.service.store.get("i-dec").state is IntentState.DECLINED
    # retry with another intent (the customer tries again): approved, one order
    retry = rig.pay(order, "i-dec-2")
    assert retry.status is PaymentStatus.APPROVED
    rig.checkout(order, retry)
    assert rig.sim.open_approvals() and all(b.intent_id == "i-dec-2" for b in rig.sim.open_approvals())


def test_customer_takes_too_long(rig: Rig) -> None:
    rig.sim.queue(Behaviour.SLOW_CUSTOMER)
    result = rig.pay(rig.order(), "i-slow")
    assert result.status is PaymentStatus.CANCELLED
    assert rig.service.store.get("i-slow").state is IntentState.CANCELLED
    assert rig.sim.bank == []


def test_customer_cancel_aborts_the_terminal(tmp_path: Path) -> None:
    sim = TerminalSimulator(customer_seconds=30)
    sim.start()
    try:
        with card_rig(tmp_path, sim) as rig:
            sim.queue(Behaviour.SLOW_CUSTOMER)
            listener = Listener()
            rig.service.start(PaymentRequest("i-abort", "o-1", 4500, PaymentMethod.CARD), listener)
            assert listener.prompted.wait(20), "no prompt"
            assert listener.prompts[0].instruction is Instruction.CARD
            rig.service.cancel("i-abort")
            assert listener.wait().status is PaymentStatus.CANCELLED
            assert "X:i-abort" in sim.requests
            assert sim.bank == []
    finally:
        sim.stop()


@pytest.mark.parametrize("behaviour", [Behaviour.REPLY_LOST, Behaviour.LATE])
def test_lost_or_late_reply_is_resolved_by_query_and_kept(rig: Rig, behaviour: Behaviour) -> None:
    rig.sim.queue(behaviour)
    order = rig.order()
    result = rig.pay(order, "i-lost")
    assert result.status is PaymentStatus.APPROVED  # the customer is still there: kept
    rig.checkout(order, result)
    assert _states(rig, "i-lost") == ["created", "sent", "unknown", "approved"]
    assert rig.sim.requests.count("A:i-lost") == 1  # never a second approval for one intent
    assert "Q:i-lost" in rig.sim.requests
    assert len(rig.sim.open_approvals("i-lost")) == 1


def test_cable_pulled_mid_transaction_then_recovery_net_cancels(rig: Rig) -> None:
    rig.sim.queue(Behaviour.CABLE_PULLED_AFTER_APPROVAL)
    order = rig.order()
    result = rig.pay(order, "i-cable")
    assert result.status is PaymentStatus.UNKNOWN
    assert "직원" in result.reason
    assert rig.service.store.get("i-cable").state is IntentState.UNKNOWN
    assert not rig.ledger.order_exists(order.id)
    # still unplugged: recovery cannot resolve it and says so
    report = rig.service.recover()
    assert report.unresolved == ["i-cable"]
    rig.sim.plug_in()
    report = rig.service.recover()
    assert report.net_cancelled == ["i-cable"] and report.clean
    assert rig.sim.open_approvals() == []
    assert rig.service.store.get("i-cable").state is IntentState.NET_CANCELLED
    kinds = [e.kind for e in rig.ledger.entries_after(0)]
    assert kinds.count("payment.recovery") == 2  # the owner's journal shows both attempts


def test_cable_pulled_before_approval_nothing_charged(rig: Rig) -> None:
    rig.sim.queue(Behaviour.CABLE_PULLED)
    assert rig.pay(rig.order(), "i-pull").status is PaymentStatus.UNKNOWN
    rig.sim.plug_in()
    report = rig.service.recover()
    assert report.net_cancelled == ["i-pull"]
    assert rig.sim.bank == []


def test_unmasked_card_number_from_the_terminal_is_refused(rig: Rig) -> None:
    rig.sim.queue(Behaviour.UNMASKED)
    order = rig.order()
    result = rig.pay(order, "i-unmasked")
    assert result.status is PaymentStatus.APPROVED
    assert result.masked_card == ""  # not stored, not shown
    rig.checkout(order, result)
    assert "full card number" in rig.service.store.get("i-unmasked").reason
    raw = rig.ledger_path.read_bytes()
    from kiosk.payments.masking import contains_card_number

    assert not contains_card_number(raw)


def test_a_sale_without_a_committed_approval_is_refused(rig: Rig) -> None:
    order = rig.order()
    fake = PaymentRecord(PaymentMethod.CARD, order.total, "x", "123", "", "", 0, id="no-such-intent")
    with pytest.raises(LedgerError, match="no committed payment approval"):
        rig.ledger.record_sale(order, fake)
    rig.sim.queue(Behaviour.DECLINE_FUNDS)
    declined = rig.pay(order, "i-declined")
    with pytest.raises(LedgerError):
        rig.ledger.record_sale(order, PaymentRecord(PaymentMethod.CARD, order.total, id=declined.intent_id))
    assert not rig.ledger.order_exists(order.id)


def test_starting_an_intent_twice_never_sends_a_second_approval(rig: Rig) -> None:
    order = rig.order()
    first = rig.pay(order, "i-twice")
    second = rig.pay(order, "i-twice")
    assert first.status is second.status is PaymentStatus.APPROVED
    assert rig.sim.requests.count("A:i-twice") == 1


def test_recovery_after_restart_net_cancels_an_approval_without_order(rig: Rig) -> None:
    order = rig.order()
    assert rig.pay(order, "i-crash").status is PaymentStatus.APPROVED
    # the app dies before the checkout records the sale
    rig.reopen()
    report = rig.service.recover()
    assert report.net_cancelled == ["i-crash"]
    assert rig.sim.open_approvals() == []
    assert rig.service.recover().clean  # nothing left the second time
    kinds = [e.kind for e in rig.ledger.entries_after(0)]
    assert kinds.count("payment.recovery") == 1


def test_refund_cancels_at_the_terminal_with_the_original_approval(rig: Rig) -> None:
    order = rig.order()
    result = rig.pay(order, "i-refund")
    rig.checkout(order, result)
    before = [e.payload for e in rig.ledger.entries_after(0)]
    intent = rig.service.refund(order.id, reason="고객 요청")
    assert intent.state is IntentState.REFUNDED
    assert rig.sim.open_approvals() == []
    assert "C:i-refund" in rig.sim.requests
    after = rig.ledger.entries_after(0)
    assert [e.payload for e in after[: len(before)]] == before  # originals untouched
    assert [e.kind for e in after[len(before) :]] == ["payment.refund_requested", "payment.refunded", "sale.refunded"]
    with pytest.raises(LedgerError, match="이미 환불"):
        rig.service.refund(order.id)


def test_device_check_and_last_approval(rig: Rig) -> None:
    assert rig.terminal.check().status is TerminalStatus.OK
    assert rig.terminal.last_approval().status is TerminalStatus.NOT_FOUND
    rig.pay(rig.order(), "i-last")
    last = rig.terminal.last_approval()
    assert last.intent_id == "i-last" and last.status is TerminalStatus.APPROVED


def test_corrupted_replies_are_nakked_and_resent(rig: Rig) -> None:
    rig.sim.corrupt_replies = 2
    assert rig.pay(rig.order(), "i-noise").status is PaymentStatus.APPROVED
    assert rig.terminal._link is not None and rig.terminal._link.bad_frames == 1
