"""Real SIGKILLs of a kiosk process at every persisted payment state, then restart and recovery."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from kiosk.ledger.verify import verify_journal
from kiosk.payments.card import CardGateway
from kiosk.payments.service import PaymentService
from tests.helpers.payments import check_invariants, fast_terminal
from tests.ledger.helpers import open_ledger

REPO = Path(__file__).resolve().parents[2]


def _child(sim: TerminalSimulator, db: Path, kill_at: int, when: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tests.payments.kill_child", sim.port, str(db), str(kill_at), when]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)


# writes of a full run: kill-1 created, sent, approved, sale, refund_requested, refunded, sale.refunded;
# kill-2 (reply lost) created, sent, unknown, approved, sale = 12
@pytest.mark.parametrize(("kill_at", "when"), [(k, "after") for k in range(1, 13)] + [(6, "before"), (10, "before")])
def test_sigkill_at_every_persisted_state_then_recovery(
    sim: TerminalSimulator, tmp_path: Path, kill_at: int, when: str
) -> None:
    sim.reset()
    sim.queue(Behaviour.APPROVE, Behaviour.REPLY_LOST)
    db = tmp_path / "ledger.sqlite3"
    proc = _child(sim, db, kill_at, when)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    # restart: the next process recovers before the attract screen
    terminal = fast_terminal(sim.port)
    terminal.open()
    ledger = open_ledger(db)
    service = PaymentService(ledger, [CardGateway(terminal)])
    try:
        report = service.recover()
        assert report.clean, report
        check_invariants(sim, ledger, service, ["kill-1", "kill-2"])
    finally:
        service.close()
        ledger.close()
        terminal.close()
    assert verify_journal(db).ok


def test_unkilled_run_writes_twelve_entries(sim: TerminalSimulator, tmp_path: Path) -> None:
    sim.reset()
    sim.queue(Behaviour.APPROVE, Behaviour.REPLY_LOST)
    proc = _child(sim, tmp_path / "ledger.sqlite3", 99, "after")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "writes=12" in proc.stdout
