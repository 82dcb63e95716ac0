"""`kiosk run` as an installer starts it: a real process on the demo shop (offscreen), its startup order
(attract screen first, customers only after the ledger and payment recovery), SIGTERM, and errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.config import REPO_ROOT
from tests.helpers.processes import kill, read_until


def start(tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "KIOSK_DATA_DIR": str(tmp_path / "data"),
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_attract_screen_first_then_ready_then_a_clean_stop_on_sigterm(tmp_path: Path) -> None:
    proc = start(tmp_path)
    try:
        lines = read_until(proc, "ready for customers")
        drawn = next(i for i, line in enumerate(lines) if "attract screen drawn" in line)
        recovered = next(i for i, line in enumerate(lines) if "결제 복구" in line)  # the recovery report
        # The first frame comes before the ledger side; payment recovery before customers may start.
        assert drawn < recovered < len(lines) - 1
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
    finally:
        kill(proc)
    assert proc.returncode == 0, rest
    output = "\n".join(lines) + rest
    assert "Traceback" not in output
    assert ".qml:" not in output and "QEventLoop" not in output  # no QML or Qt warnings
    verify = subprocess.run(
        [sys.executable, "-m", "kiosk", "ledger", "verify", "--db", str(tmp_path / "data" / "ledger.sqlite3")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_a_card_terminal_that_is_not_there_is_reported_with_what_to_check(tmp_path: Path) -> None:
    proc = start(tmp_path, KIOSK_CARD_TERMINAL__URL=str(tmp_path / "no-such-tty"))
    try:
        out, _ = proc.communicate(timeout=60)
    finally:
        kill(proc)
    assert proc.returncode == 2, out
    assert "kiosk: [payments]" in out and "no-such-tty" in out
    assert "Traceback" not in out
