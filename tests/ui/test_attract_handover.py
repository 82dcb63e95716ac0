"""The attract screen's first frame is drawn from a small stand-in (ui/attract.py), without the customer's
session, the flow or the full view-model; those are made right after the first frame and take the stand-in's
place on the screen, keeping what a customer chose in between and the photos already on show
(docs/PERFORMANCE.md, "Cold start")."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickItem

from app.builders.window import open_window
from kiosk.config import REPO_ROOT, load_settings
from kiosk.domain.catalog import load_catalog
from kiosk.ports import FakeClock
from tests.helpers.kiosk import walk

# (and PySide6.QtQuick, ~10 ms: the window's wrapper is made after the first frame, ui/app.py `KioskWindow.window`)
LATER = ("kiosk.flow", "kiosk.session", "ui.customer", "ui.modes", "ui.staff", "PySide6.QtQuick")

CODE = """
import sys
from PySide6.QtGui import QGuiApplication
from app.builders.window import open_window
from app.commands.run import Menu
from kiosk.config import load_settings
from kiosk.ports import SystemClock

app = QGuiApplication(sys.argv[:1])
settings = load_settings(env={})
menu = Menu(settings)  # as `kiosk run` does: the catalog parsed after the first frame
window = open_window(settings, menu.catalog, SystemClock(), photos=menu.photos, windowed=True, size=(800, 1280))
print("OPENED", sorted(m for m in sys.modules if m.startswith(%r)))
print("CATALOG PARSER", "kiosk.domain.catalog" in sys.modules)
frames = []
window.window.frameSwapped.connect(lambda: frames.append(1))
while not window.built:
    app.processEvents()
print("FRAMES BEFORE THE VIEW-MODEL", len(frames))
window.close()
"""


def test_the_first_frame_needs_neither_the_session_nor_the_flow() -> None:
    """Opening the window loads none of them (nor the mode router's and staff view-models, nor the catalog's
    parser); the first frame is drawn before they are made, and they are made after it without anyone
    asking."""
    done = subprocess.run(
        [sys.executable, "-c", CODE % (LATER,)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("OPENED")[1].splitlines()[0].strip() == "[]"
    assert done.stdout.split("CATALOG PARSER")[1].split()[0] == "False"
    assert int(done.stdout.split("FRAMES BEFORE THE VIEW-MODEL")[1].split()[0]) >= 1


def _texts(root: QQuickItem) -> list[str]:
    return [str(i.property("text")) for i in walk(root) if i.inherits("QQuickText") and i.isVisible()]


def test_the_view_model_takes_over_with_the_choices_made_on_the_stand_in(
    qtbot: Any, compiled_translations: None
) -> None:
    settings = load_settings(env={})
    clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
    kw = open_window(settings, load_catalog(settings.catalog_path), clock, windowed=True, size=(800, 1280))
    try:
        assert not kw.built
        assert kw.window.property("kiosk") is kw.attract
        # A customer taps English and easy mode before the first frame's follow-up has run.
        kw.attract.chooseLanguage("en")
        kw.attract.setEasyMode(True)
        kw.attract.setLowPosition(True)
        qtbot.waitUntil(lambda: kw.built, timeout=5000)  # made after the first frame, not asked for
        vm = kw.vm
        assert kw.window.property("kiosk") is vm
        assert kw.window.property("modes") is kw.modes and kw.window.property("staff") is kw.staff
        assert kw.modes.mode == "customer" and not kw.staff.padOpen
        loader = kw.window.findChild(QObject, "screenLoader")
        assert loader.property("item").property("kiosk") is vm  # the attract screen on show follows it
        assert (vm.language, vm.easyMode, vm.lowPosition) == ("en", True, True)
        assert vm.step == "attract" and not vm.isReady
        # The photos' rows are the stand-in's model, unchanged: nothing is read or faded in again.
        assert vm.menu is kw.attract.menu
        assert vm.menu.rowCount() > 0
        qtbot.waitUntil(lambda: any("Getting ready" in t for t in _texts(kw.window.contentItem())), timeout=5000)
    finally:
        kw.close()
