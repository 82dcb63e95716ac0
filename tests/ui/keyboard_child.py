"""Run by tests/ui/test_onscreen_keyboard.py in a process of its own (the input method is chosen when the
application starts): the owner adds a staff member and types the name "김민" on the on-screen keyboard.
Prints the name field's text and whether the keyboard showed and hid."""

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    from app.builders.window import attach_window, open_window
    from kiosk.config import load_settings
    from kiosk.domain.catalog import load_catalog
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.simulated import SimulatedPaymentProvider
    from kiosk.ports import FakeClock
    from kiosk.staff.pins import PinHasher
    from kiosk.staff.service import StaffService

    tmp = Path(sys.argv[1])
    settings = load_settings(env={})
    clock = FakeClock(datetime(2026, 3, 2, 3, 30, tzinfo=UTC))
    ledger = Ledger.open(tmp / "ledger.sqlite3", clock=clock, tz=settings.tz)
    kw = open_window(settings, load_catalog(settings.catalog_path), clock, windowed=True, size=(1280, 800))
    staff = StaffService(ledger, hasher=PinHasher(n=2**4, r=8, p=1))
    attach_window(kw, ledger, SimulatedPaymentProvider(0.05), staff=staff)

    def spin(cond: object, seconds: float = 5.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if cond():  # type: ignore[operator]
                return True
            time.sleep(0.01)
        return False

    def find(name: str) -> QQuickItem:
        assert spin(lambda: (i := kw.window.findChild(QQuickItem, name)) is not None and i.width() > 0), name
        return kw.window.findChild(QQuickItem, name)

    def tap(item: QQuickItem) -> None:
        c = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
        QTest.mouseClick(kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, c)

    def key(text: str) -> QQuickItem:
        panel = find("onScreenKeyboard")
        stack = [panel]
        while stack:
            item = stack.pop()
            stack.extend(item.childItems())
            if item.property("text") == text and item.isVisible() and item.width() > 0:
                return item
        raise AssertionError(f"no key {text}")

    staff.init_owner("김사장", "482915")
    assert kw.staff.submitPin("482915") == ""
    assert kw.staff.enterMode("owner") == ""
    assert spin(lambda: kw.modes.viewModel is not None)
    kw.modes.viewModel.setTab("staff")
    tap(find("staffAdd"))
    name = find("staffNameInput")
    tap(name)
    shown = spin(lambda: bool(find("onScreenKeyboard").property("active")))
    spin(lambda: False, 0.5)  # the panel slides in
    for jamo in ("ㄱ", "ㅣ", "ㅁ", "ㅁ", "ㅣ", "ㄴ"):
        tap(key(jamo))
        app.processEvents()
    spin(lambda: False, 0.2)
    text = name.property("text") or ""
    preedit = name.property("preeditText") or ""
    print(f"TEXT={text}{preedit}", flush=True)
    name.setFocus(False)
    kw.window.contentItem().forceActiveFocus()
    hidden = spin(lambda: not find("onScreenKeyboard").property("active"))
    print(f"SHOWN={shown} HIDDEN={hidden}", flush=True)
    kw.close()
    ledger.close()


if __name__ == "__main__":
    main()
