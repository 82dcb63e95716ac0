"""Signing people in on the real kiosk window (made by `make_kiosk`) and entering their mode, as a mode's
tests need before they drive its Root.qml inside the real Main.qml: the owner is set up on first use,
anyone else is hired by the owner and has chosen their PIN."""

from __future__ import annotations

from kiosk.session.modes import Mode, Role, SignedIn
from kiosk.staff.service import PinChangeRequired
from tests.helpers.kiosk import Kiosk
from tests.helpers.staff import OWNER_PIN

PINS = {Role.OWNER: OWNER_PIN, Role.MANAGER: "615203", Role.STAFF: "730418", Role.INSTALLER: "905126"}
NAMES = {Role.OWNER: "김사장", Role.MANAGER: "이매니저", Role.STAFF: "박직원", Role.INSTALLER: "최기사"}


def person(k: Kiosk, role: Role) -> SignedIn:
    """The shop's person with `role` (made on first use), as the register knows them."""
    session = k.kw.staff.session
    assert session is not None, "the window is not attached"
    staff = session.staff
    if not staff.owner_set_up():
        staff.init_owner(NAMES[Role.OWNER], OWNER_PIN)
    owner = staff.sign_in(OWNER_PIN)
    assert isinstance(owner, SignedIn)
    if role is Role.OWNER:
        return owner
    for member in staff.members():
        if member.role is role and member.has_pin and not member.must_change_pin:
            return SignedIn(role, member.id, member.name)
    member, one_time = staff.add(owner, NAMES[role], role)
    first = staff.sign_in(one_time)
    assert isinstance(first, PinChangeRequired)
    return staff.complete_pin_change(first.token, PINS[role])


def sign_in(k: Kiosk, role: Role = Role.OWNER, mode: Mode | None = None) -> SignedIn:
    """Sign `role`'s person in through the staff view-model (as the PIN pad does) and enter `mode`."""
    who = person(k, role)
    assert k.kw.staff.submitPin(PINS[role]) == ""
    if mode is not None:
        assert k.kw.staff.enterMode(mode.value) == "", f"{role.value} could not enter {mode.value}"
        k.qtbot.waitUntil(lambda: k.kw.window.findChild(object, "modeLoader") is not None, timeout=3000)
    return who
