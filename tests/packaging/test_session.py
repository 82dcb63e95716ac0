"""The kiosk under systemd (app/systemd.py), tested as the service runs it: full-screen kiosk mode, a
notification socket like systemd's, SIGTERM as `systemctl stop` sends it."""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.systemd import JournalFormatter, Session, notify, watchdog_interval_ms
from tests.packaging.helpers import (
    NotifySocket,
    kill,
    query,
    read_available,
    read_until,
    start_kiosk,
    stop,
    verify_ledger,
)

WATCHDOG_USEC = 1_500_000


def test_ready_after_the_ledger_check_and_recovery_heartbeats_then_sigterm_in_kiosk_mode(tmp_path: Path) -> None:
    sock = NotifySocket()
    proc = start_kiosk(tmp_path / "data", NOTIFY_SOCKET=sock.name, WATCHDOG_USEC=str(WATCHDOG_USEC))
    try:
        sock.wait_for(lambda ms: any("READY=1" in m.split("\n") for _, m in ms))
        # The ledger was opened and checked and payment recovery reported before READY=1 was sent.
        before_ready = read_available(proc)
        assert "결제 복구" in before_ready and "ready for customers" in before_ready, before_ready
        sock.wait_for(lambda ms: sum(m == "WATCHDOG=1" for _, m in ms) >= 6, timeout=30)
        elapsed, rest = stop(proc)
    finally:
        kill(proc)
        sock.close()
    assert proc.returncode == 0, before_ready + rest
    assert elapsed < 5.0
    [ready] = sock.times("READY=1")
    beats = sock.times("WATCHDOG=1")
    assert all(t >= ready for t in beats), "a heartbeat before READY=1"
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    half = WATCHDOG_USEC / 2 / 1e6
    assert max(gaps) <= half, f"heartbeats {gaps} further apart than half the watchdog interval"
    assert min(gaps) >= half / 4, f"heartbeats {gaps} far more often than needed"
    assert sock.times("STOPPING=1"), "no STOPPING=1 on SIGTERM"
    output = before_ready + rest
    assert "Traceback" not in output and ".qml:" not in output
    assert "alembic" not in output  # no migration chatter at INFO
    verify_ledger(tmp_path / "data" / "ledger.sqlite3")


def test_sigterm_during_a_card_payment_lets_it_finish_and_records_the_sale(tmp_path: Path) -> None:
    proc = start_kiosk(tmp_path / "data", "--pay")
    try:
        out = read_until(proc, "PAYING ")
        intent = out.split("PAYING ", 1)[1].split()[0]
        elapsed, rest = stop(proc)
    finally:
        kill(proc)
    assert proc.returncode == 0, out + rest
    assert elapsed < 5.0
    db = tmp_path / "data" / "ledger.sqlite3"
    [(state, order_id)] = query(db, "SELECT state, order_id FROM payment_intents WHERE id = ?", intent)
    # The terminal answers in 1.5 s, inside the stop's grace: approved, and the sale is in the ledger.
    assert state == "approved", (state, out + rest)
    assert query(db, "SELECT count(*) FROM orders WHERE id = ?", order_id) == [(1,)]
    assert query(db, "SELECT count(*) FROM payments WHERE id = ?", intent) == [(1,)]
    verify_ledger(db)


def test_sigterm_during_a_card_payment_that_hangs_cancels_it_and_exits_0(tmp_path: Path) -> None:
    # The customer has not tapped a card: the terminal would wait 60 s. The stop cancels the payment.
    proc = start_kiosk(tmp_path / "data", "--pay", KIOSK_PAYMENTS__SIMULATED_DELAY_SECONDS="60")
    try:
        out = read_until(proc, "PAYING ")
        intent = out.split("PAYING ", 1)[1].split()[0]
        elapsed, rest = stop(proc)
    finally:
        kill(proc)
    assert proc.returncode == 0, out + rest
    assert elapsed < 5.0
    db = tmp_path / "data" / "ledger.sqlite3"
    [(state, order_id)] = query(db, "SELECT state, order_id FROM payment_intents WHERE id = ?", intent)
    assert state in ("cancelled", "net_cancelled"), (state, out + rest)
    assert query(db, "SELECT count(*) FROM orders WHERE id = ?", order_id) == [(0,)]
    verify_ledger(db)


def test_heartbeats_stop_while_the_event_loop_is_blocked(qtbot: QtBot, qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    assert isinstance(qapp, QCoreApplication)
    sock = NotifySocket()
    session = Session(qapp, env={"NOTIFY_SOCKET": sock.name, "WATCHDOG_USEC": "300000"}, exit_on_stop=False)
    try:
        session.ready()
        qtbot.waitUntil(lambda: len(sock.times("WATCHDOG=1")) >= 3, timeout=5000)
        # The GUI thread busy for a second (a hung handler): the timer cannot fire, no heartbeat goes out.
        blocked_from = time.monotonic()
        while time.monotonic() < blocked_from + 1.0:
            hashlib.sha256(b"x" * 4096).digest()
        blocked_to = time.monotonic()
        qtbot.waitUntil(lambda: any(t > blocked_to for t in sock.times("WATCHDOG=1")), timeout=5000)
    finally:
        session.close()
        sock.close()
    during = [t for t in sock.times("WATCHDOG=1") if blocked_from + 0.02 < t < blocked_to]
    assert during == []
    assert sock.times("READY=1")


def test_watchdog_settings_and_notify_without_a_manager() -> None:
    assert watchdog_interval_ms({}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 30_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 30_000
    # Under cage, systemd's main process is cage, this process's parent.
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getppid())}) == 30_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "soon"}) is None
    assert notify("READY=1", {}) is False
    assert notify("READY=1", {"NOTIFY_SOCKET": "@kiosk-test-nobody-listens"}) is False


def test_journal_lines_carry_syslog_priorities() -> None:
    fmt = JournalFormatter("%(name)s: %(message)s")

    def line(level: int, msg: str) -> str:
        return fmt.format(logging.LogRecord("kiosk.x", level, __file__, 1, msg, None, None))

    assert line(logging.ERROR, "printer lost") == "<3>kiosk.x: printer lost"
    assert line(logging.WARNING, "w") == "<4>kiosk.x: w"
    assert line(logging.INFO, "i") == "<6>kiosk.x: i"
    assert line(logging.DEBUG, "d") == "<7>kiosk.x: d"
    assert line(logging.ERROR, "a\nb") == "<3>kiosk.x: a\n<3>b"


def test_sigterm_during_start_up_stops_cleanly(tmp_path: Path) -> None:
    # The attract screen is up; the ledger side (migrations, payment recovery) is still starting.
    proc = start_kiosk(tmp_path / "data")
    try:
        out = read_until(proc, "attract screen drawn")
        elapsed, rest = stop(proc)
    finally:
        kill(proc)
    assert proc.returncode == 0, out + rest
    assert elapsed < 5.0
    assert "Traceback" not in out + rest
