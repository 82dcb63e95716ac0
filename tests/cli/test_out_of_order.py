"""`kiosk run` on a damaged ledger: the attract screen says the kiosk is out of order, the process stays up
(no restart loop) until it is stopped, and the ledger file is left byte for byte for recovery."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.config import REPO_ROOT, load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.ports import FakeClock
from tests.helpers.processes import kill, read_until


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


def test_the_attract_screen_says_out_of_order_and_does_not_start(qtbot: Any) -> None:
    """What the customer sees: the start button carries the out-of-order text in both languages and a tap
    does not start an order."""
    from PySide6.QtQuick import QQuickItem

    from app.builders.window import open_window
    from app.commands.run import OUT_OF_ORDER

    settings = load_settings(env={})
    clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
    kw = open_window(settings, load_catalog(settings.catalog_path), clock, windowed=True, size=(1080, 1920), tick_ms=20)
    try:
        qtbot.waitExposed(kw.window)

        def named(name: str) -> QQuickItem | None:
            todo = [kw.window.contentItem()]
            while todo:
                item = todo.pop()
                if item.objectName() == name:
                    return item
                todo.extend(item.childItems())
            return None

        qtbot.waitUntil(lambda: named("startButton") is not None, timeout=5000)
        button = named("startButton")
        assert button is not None
        assert button.property("text") == "화면을 터치해 주문하세요" or "준비 중" in button.property("text")
        kw.vm.set_out_of_order(OUT_OF_ORDER)
        qtbot.waitUntil(lambda: button.property("text") == OUT_OF_ORDER, timeout=3000)
        assert "고장" in OUT_OF_ORDER and "Out of order" in OUT_OF_ORDER
        assert not button.property("enabled_")
        # Nothing else to choose on an out-of-order kiosk: easy mode and the languages are gone.
        for name in ("easyModeButton", "lang_ko", "lang_en"):
            item = named(name)
            assert item is None or not item.isVisible(), name
        kw.vm.start()
        assert kw.vm.screen == "customer/AttractScreen.qml" and kw.vm.cartCount == 0
    finally:
        kw.close()
