"""The back office's staff tab is the staff screens' management screen: an owner signed in through the real
Main.qml opens it, sees the register and hires someone from it, whose one-time PIN then signs them in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.session.modes import Mode, Role
from kiosk.staff.service import PinChangeRequired
from tests.helpers.kiosk import Kiosk
from tests.helpers.modes import NAMES, sign_in

QRHI = r"QRhiGles2: Failed to create"  # QtGraphs (the today tab) probes a GL context offscreen, then draws


@pytest.mark.qt_log_ignore(QRHI)
def test_the_owner_manages_staff_from_the_back_office(make_kiosk: Callable[..., Kiosk]) -> None:
    k = make_kiosk(size=(1280, 800))
    sign_in(k, Role.OWNER, Mode.OWNER)
    k.click("tab_staff")
    k.find("staffManagement")
    assert k.exists("staffRow_" + NAMES[Role.OWNER])
    management = k.kw.staff.management
    management.add("정알바", "staff")  # the dialog's confirm does the same; the dialog is tested in tests/ui
    k.qtbot.waitUntil(lambda: k.exists("staffRow_정알바"), timeout=5000)  # in the list on the screen
    k.qtbot.waitUntil(lambda: management.property("shownPin") != "", timeout=5000)
    one_time = str(management.property("shownPin"))
    assert len(one_time) == 6 and one_time.isdigit()
    staff = k.kw.staff.session.staff
    assert isinstance(staff.sign_in(one_time), PinChangeRequired)
