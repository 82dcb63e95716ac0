"""The staff screens under test (tests/ui/test_sign_in_screens.py): the corner press, typing a PIN on the
pad's keys, the journal, and two stand-in modes: the probe mode (tests/helpers/probe_mode.py) in the owner
mode's place, or the staff-management screen by itself (its view-model made from the `ModeContext`, as
the owner's back office will)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.builders.modes import MODE_BUILDERS, ModeContext
from app.builders.window import attach_window
from app.devices import nfc_reader
from hardware.nfc import NfcReaderService
from hardware.nfc.simulator import SimulatedReaderDriver
from hardware.vcard.card import CardProfile
from kiosk.ledger.models import JournalRow
from kiosk.session.modes import Mode
from kiosk.staff.service import StaffService
from tests.helpers.kiosk import Kiosk
from tests.helpers.staff import CHEAP
from ui.modes import MODE_UIS, ModeUi
from ui.staff.manage import StaffManagementViewModel

QML = Path(__file__).resolve().parent / "qml"


def _back_office_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal whose only staff mode is the back office (no counter, no installer screens): what these
    tests were written for; the chooser then has one mode for an owner and none for staff."""
    for mode in (Mode.COUNTER, Mode.INSTALLER):
        monkeypatch.delitem(MODE_UIS, mode, raising=False)


def use_probe_as_owner_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    _back_office_only(monkeypatch)
    monkeypatch.setitem(MODE_UIS, Mode.OWNER, ModeUi(str(QML / "probe")))
    monkeypatch.setitem(MODE_BUILDERS, Mode.OWNER, "tests.helpers.probe_mode")


def use_staff_management_as_owner_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    _back_office_only(monkeypatch)
    monkeypatch.setitem(MODE_UIS, Mode.OWNER, ModeUi(str(QML / "staffmanage")))
    monkeypatch.setitem(MODE_BUILDERS, Mode.OWNER, "tests.helpers.staff_screens")


def build(ctx: ModeContext) -> QObject:
    """The stand-in mode's view-model: the staff-management screen's, made from the mode context."""
    return StaffManagementViewModel(ctx.staff_session, ctx.bridge.post)


def press_corner(k: Kiosk, held_s: float, at: QPoint | None = None) -> None:
    """Press (in the top-left corner unless `at`), hold `held_s` seconds on the kiosk's clock, release;
    when that is the way in, waits for the PIN pad while the press is held."""
    point = at or QPoint(20, 20)
    QTest.mousePress(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    k.clock.advance(held_s)
    if held_s >= 3 and at is None:
        k.qtbot.waitUntil(lambda: k.exists("pinPad"), timeout=3000)
    else:
        k.wait_ticks()
    QTest.mouseRelease(k.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def type_pin(k: Kiosk, pin: str) -> None:
    """Six digits with the pad's keys, each click seen by the view-model before the next."""
    for i, digit in enumerate(pin):
        k.qtbot.waitUntil(lambda: k.kw.staff.checking is False, timeout=5000)
        before = k.kw.staff.typed
        k.click(f"pinKey_{digit}")
        if i < len(pin) - 1:
            k.qtbot.waitUntil(lambda b=before: k.kw.staff.typed == b + 1, timeout=3000)
    k.qtbot.waitUntil(lambda: k.kw.staff.checking is False, timeout=5000)


def type_text(k: Kiosk, text: str) -> None:
    """Text into the focused field as a Korean input method commits it."""
    item = k.window.activeFocusItem()
    assert item is not None, "no field has the focus"
    event = QInputMethodEvent()
    event.setCommitString(text)
    QGuiApplication.sendEvent(item, event)


def journal(k: Kiosk, prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """The journal's entries (kind, payload) whose kind starts with `prefix`, oldest first."""
    with k.ledger.reading() as s:
        rows = s.execute(select(JournalRow.kind, JournalRow.payload).order_by(JournalRow.seq)).all()
    return [(kind, json.loads(p) if isinstance(p, str) else p) for kind, p in rows if kind.startswith(prefix)]


class CardReader:
    """The simulated NFC reader the kiosk runs (`nfc.reader = "sim://"`), built by the composition root's
    own `app.devices.nfc_reader` with the shop's key in the test's data directory."""

    def __init__(self, service: NfcReaderService) -> None:
        assert isinstance(service.driver, SimulatedReaderDriver)
        self.service = service
        self.driver = service.driver

    def tap(self, uid: bytes) -> None:
        """A card laid on the reader and taken away again."""
        self.driver.tap(CardProfile(uid=uid))
        self.driver.remove()


def kiosk_with_card_reader(make: Callable[..., Kiosk], data_dir: Path, **kwargs: Any) -> tuple[Kiosk, CardReader]:
    """`make_kiosk`'s window attached as `kiosk run` attaches it, with the simulated NFC reader."""
    k = make(attach=False, **kwargs)
    settings = replace(k.kw.settings, data_dir=str(data_dir))
    made: list[NfcReaderService] = []

    def reader(listener: Callable[[object], None], staff: StaffService) -> NfcReaderService:
        made.append(nfc_reader(settings, listener, staff=staff))
        return made[0]

    attach_window(k.kw, k.ledger, k.provider, staff=StaffService(k.ledger, hasher=CHEAP), card_reader=reader)
    return k, CardReader(made[0])
