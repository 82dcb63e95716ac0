"""Who is signed in, for every mode's screens: properties and slots over the core's StaffSession
(kiosk/staff/session.py), which decides everything (PINs, lockouts, the idle sign-out, which modes may be
entered). Made with the window, before the ledger is open; `attach` gives it the session once it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.session.modes import Mode, Permission, may

if TYPE_CHECKING:  # the register needs the ledger (SQLAlchemy): not on the first frame's path
    from kiosk.staff.service import PinChangeRequired
    from kiosk.staff.session import StaffSession


class StaffViewModel(QObject):
    changed = Signal()

    def __init__(self, tick_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: StaffSession | None = None
        self.pin_change: PinChangeRequired | None = None  # signed in with a one-time PIN: the next step
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    def attach(self, session: StaffSession) -> None:
        self.session = session
        self._timer.start()
        self.changed.emit()

    def close(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        if self.session is not None and self.session.tick():
            self.changed.emit()

    # --- who ------------------------------------------------------------------------------------

    def _signed_in(self) -> bool:
        return self.session is not None and self.session.who is not None

    def _name(self) -> str:
        who = self.session.who if self.session is not None else None
        return who.name if who is not None else ""

    def _role(self) -> str:
        who = self.session.who if self.session is not None else None
        return who.role.value if who is not None else ""

    signedIn = Property(bool, _signed_in, notify=changed)
    personName = Property(str, _name, notify=changed)
    role = Property(str, _role, notify=changed)

    @Slot(str, result=bool)
    def may(self, permission: str) -> bool:
        """Whether the signed-in person may do `permission` (a kiosk.session.modes.Permission value); the
        core checks again when it is done."""
        who = self.session.who if self.session is not None else None
        try:
            return who is not None and may(who.role, Permission(permission))
        except ValueError:
            return False

    # --- what the screens report ------------------------------------------------------------------

    @Slot()
    def touch(self) -> None:
        if self.session is not None:
            self.session.touch()

    @Slot(str, result=str)
    def submitPin(self, pin: str) -> str:
        """A PIN from the pad: "" signed in; "change_pin" the person must choose their own PIN first; else
        the refusal in words (the display language's)."""
        from kiosk.staff.service import PinChangeRequired, SignInRefused

        if self.session is None:
            return "not_ready"
        result = self.session.sign_in(pin)
        self.changed.emit()
        if isinstance(result, SignInRefused):
            return result.message()
        if isinstance(result, PinChangeRequired):
            self.pin_change = result
            return "change_pin"
        return ""

    @Slot(str, result=str)
    def enterMode(self, name: str) -> str:
        """ "" when entered, else the refusal's name (kiosk.session.modes.Refusal)."""
        if self.session is None:
            return "not_ready"
        try:
            mode = Mode(name)
        except ValueError:
            return "unknown_mode"
        refusal = self.session.enter(mode)
        self.changed.emit()
        return refusal.value if refusal is not None else ""

    @Slot()
    def signOut(self) -> None:
        if self.session is not None:
            self.session.sign_out()
            self.changed.emit()
