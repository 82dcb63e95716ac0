"""`kiosk run` on a damaged ledger: the attract screen says the kiosk is out of order, the process stays up
(no restart loop) until it is stopped, and the ledger file is left byte for byte for recovery."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.config import REPO_ROOT
from tests.cli.test_run import kill, read_until


def test_a_damaged_ledger_puts_the_kiosk_out_of_order_and_leaves_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    ledger = data / "ledger.sqlite3"
    made = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo-sales", "--db", str(ledger), "--days", "1", "--per-day", "30"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    raw = bytearray(ledger.read_bytes())
    page = int.from_bytes(raw[16:18], "big")
    raw[page * 2 : page * 3] = bytes(b ^ 0xFF for b in raw[page * 2 : page * 3])  # page 3: a b-tree page
    ledger.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        Path(f"{ledger}{side}").unlink(missing_ok=True)
    before = hashlib.sha256(ledger.read_bytes()).hexdigest()

    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software", "KIOSK_DATA_DIR": str(data)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = read_until(proc, "out of order")
        assert any("the ledger is damaged" in line and "call staff" in line for line in lines), lines
        assert proc.poll() is None  # still up, showing the out-of-order screen
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
    finally:
        kill(proc)
    assert proc.returncode == 0, rest
    assert "Traceback" not in "\n".join(lines) + rest
    assert "ready for customers" not in "\n".join(lines) + rest
    assert hashlib.sha256(ledger.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in data.iterdir()) == ["ledger.sqlite3"]
