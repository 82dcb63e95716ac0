"""The window's life in a process of its own: the attract screen's first frame waits for nothing heavy (the
window, every mode's shell included, opens without SQLAlchemy, the payment stack, escpos or httpx: they come
with the ledger side after the first frame; docs/PERFORMANCE.md, "Cold start"), and a window closed while
its photos are still being decoded lets the process exit cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.config import REPO_ROOT

HEAVY = ("sqlalchemy", "alembic", "escpos", "httpx", "serial", "smartcard", "kiosk.ledger", "kiosk.payments")

CODE = """
import sys
from PySide6.QtGui import QGuiApplication
from app.builders.window import open_window
from app.commands.run import load_menu
from kiosk.config import load_settings
from kiosk.ports import SystemClock

app = QGuiApplication(sys.argv[:1])
settings = load_settings(env={})
window = open_window(settings, load_menu(settings), SystemClock(), windowed=True, size=(800, 1280))
app.processEvents()
assert window.window.findChild(object, "screenLoader") is not None
print("LOADED", sorted(m for m in sys.modules if m.startswith(%r)))
window.close()
"""
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}


def test_the_window_opens_without_the_ledger_side() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE % (HEAVY,)], capture_output=True, text=True, cwd=REPO_ROOT, env=ENV, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("LOADED")[1].strip() == "[]"


def test_closing_the_window_while_its_photos_decode_exits_cleanly() -> None:
    """The engine's image reader thread decodes the attract screen's photos after the first frame; a window
    closed before they are done (`kiosk run` stopped at start, a test) used to leave that thread running
    into the interpreter's teardown: SIGSEGV in about one exit of five. Twenty exits, all clean."""
    for _ in range(20):
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-c", CODE % (HEAVY,)],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env=ENV,
            timeout=60,
        )
        assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
