"""The card-terminal simulator keeps only its latest approvals and requests: the demo kiosk (`kiosk run`, card
`sim://`) sells through it for months, and every payment was kept for good (issue 11's soak)."""

from __future__ import annotations

from pathlib import Path

from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk.payments.port import PaymentStatus
from tests.helpers.payments import card_rig


def test_approvals_and_requests_are_bounded_and_the_latest_still_answer(tmp_path: Path) -> None:
    sim = TerminalSimulator(keep=3)
    sim.start()
    try:
        with card_rig(tmp_path, sim) as rig:
            for n in range(8):
                order = rig.order()
                result = rig.pay(order, f"i-{n}")
                assert result.status is PaymentStatus.APPROVED
                rig.checkout(order, result)
                assert len(sim.bank) < 2 * 3 and len(sim.requests) < 2 * 3
            assert [b.intent_id for b in sim.bank][-3:] == ["i-5", "i-6", "i-7"]
            assert sim.requests[-1] == "A:i-7"
            # A reply lost: the adapter asks the terminal (an inquiry over the kept approvals) and gets it.
            sim.queue(Behaviour.REPLY_LOST)
            order = rig.order()
            result = rig.pay(order, "i-lost")
            assert result.status is PaymentStatus.APPROVED
            assert "Q:i-lost" in sim.requests and len(sim.open_approvals("i-lost")) == 1
            # The approval numbers go on past what was dropped.
            assert result.approval_no == f"{30000000 + 9:08d}"
    finally:
        sim.stop()
