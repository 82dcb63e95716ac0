"""Crash safety: a child process commits sales while we SIGKILL it at random moments (seeded).

After each kill the ledger is reopened and checked: no sale is partial, the journal's sequence is
contiguous, the hash chain verifies, and every sale the child reported committed is there.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from kiosk.ledger.verify import verify_journal

KILLS_PER_CHUNK = 50
CHUNKS = 4  # 200 kills in the suite


def _run_and_kill(db: Path, seed: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ledger.crash_child", str(db), str(seed)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdout is not None
    out = b""
    try:
        if rng.random() < 0.1:
            time.sleep(rng.uniform(0, 0.4))  # sometimes during start-up and migrations
        else:
            deadline = time.monotonic() + 30
            while b"ready\n" not in out and time.monotonic() < deadline:
                if select.select([child.stdout], [], [], 0.5)[0]:
                    chunk = os.read(child.stdout.fileno(), 65536)
                    if not chunk:
                        break
                    out += chunk
            time.sleep(rng.uniform(0, 0.15))
    finally:
        child.send_signal(signal.SIGKILL)
        out += child.stdout.read()
        child.wait()
        child.stdout.close()
    return [line.split()[1] for line in out.decode().splitlines() if line.startswith("committed ")]


def _check(db: Path, reported: set[str]) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "journal" not in tables:
            assert not reported
            return 0
        seqs = [r[0] for r in conn.execute("SELECT seq FROM journal ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1)), "journal sequence has a gap"
        orders = {r[0]: r[1] for r in conn.execute("SELECT id, total FROM orders")}
        assert len(orders) == len(seqs), "a journal entry without its order, or an order without its entry"
        for order_id, total in orders.items():
            lines = conn.execute("SELECT sum(line_total) FROM order_lines WHERE order_id=?", (order_id,)).fetchone()
            paid = conn.execute("SELECT sum(amount) FROM payments WHERE order_id=?", (order_id,)).fetchone()
            assert lines[0] == total and paid[0] == total, f"partial sale {order_id}"
        daily = conn.execute("SELECT coalesce(sum(sale_count),0), coalesce(sum(gross),0) FROM daily_totals").fetchone()
        assert daily == (len(orders), sum(orders.values()))
        missing = reported - set(orders)
        assert not missing, f"sales reported committed but lost: {sorted(missing)[:3]}"
    finally:
        conn.close()
    result = verify_journal(db)
    assert result.ok, result
    return len(seqs)


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_sigkill_never_loses_or_splits_a_sale(tmp_path: Path, chunk: int) -> None:
    rng = random.Random(20261121 + chunk)
    db = tmp_path / "ledger.sqlite3"
    reported: set[str] = set()
    entries = 0
    for kill in range(KILLS_PER_CHUNK):
        reported.update(_run_and_kill(db, chunk * 1000 + kill, rng))
        entries = _check(db, reported)
    assert entries >= len(reported) > 0
