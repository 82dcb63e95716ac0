"""SIGKILL during the close: after a restart the day is either still open (no Z) or closed exactly once, the
journal's chain verifies, and a day still open closes normally into Z 1."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ledger.verify import verify_journal
from tests.helpers.counter import REPO, STAFF, count_of, journal, make_world


def _child(db: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tests.counter.kill_child", str(db), str(kill_at)]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)


def test_an_unkilled_close_runs_the_statements_the_kill_points_cover(tmp_path: Path) -> None:
    proc = _child(tmp_path / "ledger.sqlite3", 0)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.split("statements=")[1]) >= 18


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [1, 3, 6, 9, 12, 15, 18, -1, -2])
def test_sigkill_during_close_leaves_the_day_open_or_closed_exactly_once(tmp_path: Path, kill_at: int) -> None:
    db = tmp_path / "ledger.sqlite3"
    proc = _child(db, kill_at)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert verify_journal(db).ok
    w = make_world(db)
    try:
        kinds = [k for _, k, _ in journal(w.ledger)]
        assert kinds.count("sale.completed") == 3
        closed = kinds.count("day.closed")
        assert closed in (0, 1)
        if closed == 0:
            assert w.day.current() is not None and w.day.z_list() == []
            z = w.day.close(STAFF, count_of(w.day.drawer_balance()))
        else:
            assert w.day.current() is None
            z = w.day.z_report()
        assert z["z_number"] == 1 and z["sales"]["count"] == 3 and z["cash"]["difference"] == 0
        assert [k for _, k, _ in journal(w.ledger)].count("day.closed") == 1
        assert len(w.day.z_list()) == 1
    finally:
        w.close()
    assert verify_journal(db).ok
