"""Who is signed in, for every mode's screens, and the way in: properties and slots over the core's
StaffSession (kiosk/staff/session.py), which decides everything (the gesture, card taps, PINs, lockouts,
the idle sign-out, which modes may be entered). Made with the window, before the ledger is open; `attach`
gives it the session once it is.

The PIN pad (ui/qml/staff/PinPad.qml) shows `padOpen`, `stage` ("pin", "choose" and "confirm" for one's
own PIN after a one-time PIN, "modes" to choose where to go), `typed` (how many digits: the PIN itself
stays here, never in QML, never logged), `refusal` (a reason code the screen words) with `retryLeft`
counting down, and `choices` (the modes this person may enter on this terminal). PIN checks run off the
GUI thread (ui/staff/work.py)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.session.modes import Mode, Permission, SignedIn, authorise, may
from kiosk.staff.gesture import GESTURE_CORNER, GESTURE_HOLD_S
from ui.staff.work import Post, StaffWork

if TYPE_CHECKING:  # the register needs the ledger (SQLAlchemy): not on the first frame's path
    from kiosk.devices.nfc import CardTapped
    from kiosk.staff.service import PinChangeRequired, SignInRefused, SignInResult
    from kiosk.staff.session import StaffSession

# The modes a signed-in person may be offered, in the order the chooser shows them.
STAFF_MODES = (Mode.OWNER, Mode.COUNTER, Mode.INSTALLER)
IDLE_WARNING_S = 20  # the "signing out in N s" warning on staff screens
PAD_IDLE_S = 60.0  # a PIN pad nobody types on closes (the customer screen is behind it)


def _pin_length() -> int:
    """kiosk/staff/pins.py (hashlib, hmac, secrets) is imported with the first PIN pad, not before the
    attract screen's first frame."""
    from kiosk.staff.pins import PIN_LENGTH

    return PIN_LENGTH


class StaffViewModel(QObject):
    changed = Signal()  # who is signed in
    padChanged = Signal()  # the PIN pad
    idleChanged = Signal()  # the idle sign-out countdown

    def __init__(self, tick_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: StaffSession | None = None
        self.pin_change: PinChangeRequired | None = None  # signed in with a one-time PIN: the next step
        self.work = StaffWork()
        self._management: QObject | None = None
        self._pad_open = False
        self._stage = "pin"
        self._greeting = ""
        self._pin = ""  # the digits typed so far: never leaves this object
        self._first = ""  # choosing one's own PIN: the first entry, to compare with the second
        self._refusal = ""
        self._retry_at: float | None = None  # the session clock's monotonic time a wait or lock ends
        self._retry_left = 0
        self._choices: list[str] = []
        self._idle_left = -1
        self._press: tuple[float, float, float, float, float] | None = None  # x, y, width, height, since
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    def attach(self, session: StaffSession, post: Post | None = None) -> None:
        """The session, and `post` (GuiBridge.post): how PIN checks on a worker thread report back."""
        self.session = session
        self.work.post = post
        self._timer.start()
        self.changed.emit()

    def close(self) -> None:
        self._timer.stop()
        self.work.join()
        close = getattr(self._management, "close", None)
        if callable(close):
            close()

    # --- who ------------------------------------------------------------------------------------

    def _who(self) -> SignedIn | None:
        return self.session.who if self.session is not None else None

    def _signed_in(self) -> bool:
        return self._who() is not None

    def _name(self) -> str:
        who = self._who()
        return who.name if who is not None else ""

    def _role(self) -> str:
        who = self._who()
        return who.role.value if who is not None else ""

    signedIn = Property(bool, _signed_in, notify=changed)
    personName = Property(str, _name, notify=changed)
    role = Property(str, _role, notify=changed)

    @Slot(str, result=bool)
    def may(self, permission: str) -> bool:
        """Whether the signed-in person may do `permission` (a kiosk.session.modes.Permission value); the
        core checks again when it is done."""
        who = self._who()
        try:
            return who is not None and may(who.role, Permission(permission))
        except ValueError:
            return False

    def _make_management(self) -> QObject | None:
        """The staff-management screen's view-model (ui/staff/manage.py), for the back office's tab."""
        if self._management is None and self.session is not None:
            from ui.staff.manage import StaffManagementViewModel

            self._management = StaffManagementViewModel(self.session, self.work.post, parent=self)
        return self._management

    management = Property(QObject, _make_management, notify=changed)

    # --- the PIN pad's state ----------------------------------------------------------------------

    def _set(self, **values: Any) -> None:
        changed = False
        for name, value in values.items():
            if getattr(self, "_" + name) != value:
                setattr(self, "_" + name, value)
                changed = True
        if changed:
            self.padChanged.emit()

    padOpen = Property(bool, lambda self: self._pad_open, notify=padChanged)
    stage = Property(str, lambda self: self._stage, notify=padChanged)
    greeting = Property(str, lambda self: self._greeting, notify=padChanged)
    typed = Property(int, lambda self: len(self._pin), notify=padChanged)
    pinLength = Property(int, lambda self: _pin_length(), constant=True)
    checking = Property(bool, lambda self: self.work.running, notify=padChanged)
    refusal = Property(str, lambda self: self._refusal, notify=padChanged)
    retryLeft = Property(int, lambda self: self._retry_left, notify=padChanged)
    choices = Property(list, lambda self: list(self._choices), notify=padChanged)
    cornerFraction = Property(float, lambda self: GESTURE_CORNER, constant=True)

    def _open(self, greeting: str) -> None:
        self._pin = self._first = ""
        self._set(pad_open=True, stage="pin", greeting=greeting, refusal="", retry_at=None, retry_left=0, choices=[])
        self.padChanged.emit()

    def _close(self) -> None:
        self._pin = self._first = ""
        self.pin_change = None
        self._set(pad_open=False, stage="pin", greeting="", refusal="", retry_at=None, retry_left=0, choices=[])
        self.padChanged.emit()

    # --- the way in: the corner press and card taps ---------------------------------------------------

    @Slot(float, float, float, float)
    def cornerPressed(self, x: float, y: float, width: float, height: float) -> None:
        """A press began in the top-left corner (Main.qml's corner layer); held long enough, it opens the
        pad (checked on each tick, on the session's clock)."""
        if self.session is not None:
            self._press = (x, y, width, height, self.session.clock.monotonic())

    @Slot()
    def cornerReleased(self) -> None:
        self._check_press(released=True)

    def _check_press(self, *, released: bool = False) -> None:
        if self._press is None or self.session is None:
            return
        x, y, width, height, since = self._press
        held = self.session.clock.monotonic() - since
        if released or held >= GESTURE_HOLD_S:
            self._press = None
            if not self._pad_open and self.session.gesture(x, y, width, height, held) is not None:
                self._open("")

    def card_tapped(self, tap: CardTapped) -> None:
        """A card on the NFC reader (on the GUI thread, from the composition root's listener)."""
        if self.session is None or self.work.running:
            return
        asked = self.session.card_tapped(tap)
        if asked is not None and asked.member is not None:
            self._open(asked.member.name)

    # --- the keys ---------------------------------------------------------------------------------

    def _locked_out(self) -> bool:
        return self._retry_left > 0 or self.work.running

    @Slot(str)
    def key(self, digit: str) -> None:
        if self.session is None or not self._pad_open or self._stage == "modes" or self._locked_out():
            return
        if len(digit) != 1 or not digit.isdigit() or len(self._pin) >= _pin_length():
            return
        self.session.touch()
        self._pin += digit
        if self._refusal and self._refusal not in ("wait", "locked"):
            self._refusal = ""
        self.padChanged.emit()
        if len(self._pin) == _pin_length():
            self._entered()

    @Slot()
    def back(self) -> None:
        if self._pin and not self.work.running:
            self._pin = self._pin[:-1]
            self.touch()
            self.padChanged.emit()

    @Slot()
    def clear(self) -> None:
        if self._pin and not self.work.running:
            self._pin = ""
            self.touch()
            self.padChanged.emit()

    @Slot()
    def cancel(self) -> None:
        """The pad's cancel: nobody signs in (someone signed in at the chooser is signed out again)."""
        if self.session is None or self.work.running:
            return
        self.session.cancel()
        if self._stage == "modes" and self.session.who is not None and self.session.router.mode is Mode.CUSTOMER:
            self.session.sign_out()
            self.changed.emit()
        self._close()

    def _entered(self) -> None:
        assert self.session is not None
        pin, self._pin = self._pin, ""
        if self._stage == "pin":
            staff, card = self.session.staff, self.session.card_hash
            self.work.run(lambda: staff.sign_in(pin, card), self._signed_in_result)
        elif self._stage == "choose":
            from kiosk.staff.pins import PinError, check_pin_format

            try:
                check_pin_format(pin)
            except PinError:
                self._set(refusal="pin_easy")
                self.padChanged.emit()
                return
            self._first = pin
            self._set(stage="confirm", refusal="")
        elif self._stage == "confirm":
            if pin != self._first:
                self._first = ""
                self._set(stage="choose", refusal="pin_mismatch")
                self.padChanged.emit()
                return
            change = self.pin_change
            assert change is not None
            staff = self.session.staff
            self.work.run(lambda: staff.complete_pin_change(change.token, pin), self._pin_chosen)
        self.padChanged.emit()

    def _signed_in_result(self, result: SignInResult | None, error: BaseException | None) -> None:
        from kiosk.staff.service import PinChangeRequired, SignInRefused

        if self.session is None:
            return
        if result is None:  # the ledger failed under us: say so, keep the pad
            self._set(refusal="failed")
            self.padChanged.emit()
            return
        self.session.accept(result)
        self.changed.emit()
        if isinstance(result, SignInRefused):
            self._refused(result)
        elif isinstance(result, PinChangeRequired):
            self.pin_change = result
            self._first = ""
            self._set(stage="choose", greeting=result.name, refusal="")
        else:
            self._offer_modes()
        self.padChanged.emit()

    def _refused(self, result: SignInRefused) -> None:
        from kiosk.staff.service import SignInRefusal

        assert self.session is not None
        if result.retry_after_s > 0:
            self._retry_at = self.session.clock.monotonic() + result.retry_after_s
            self._retry_left = result.retry_after_s
        reason = result.reason
        if reason is SignInRefusal.PIN_EXPIRED or reason is SignInRefusal.NO_OWNER:
            self._retry_at, self._retry_left = None, 0
        self._refusal = reason.value

    def _pin_chosen(self, who: SignedIn | None, error: BaseException | None) -> None:
        from kiosk.staff.pins import PinError
        from kiosk.staff.service import PinInUse

        if self.session is None:
            return
        if isinstance(error, PinInUse):
            self._set(stage="choose", refusal="pin_in_use")
        elif isinstance(error, PinError):
            self._set(stage="choose", refusal="pin_easy")
        elif who is None:  # timed out, locked, removed meanwhile: start again
            self.pin_change = None
            self._set(stage="pin", greeting="", refusal="change_failed")
        else:
            self.pin_change = None
            self.session.accept(who)
            self.changed.emit()
            self._offer_modes()
        self._first = ""
        self.padChanged.emit()

    def _offer_modes(self) -> None:
        """Signed in: the modes this person may enter on this terminal; straight in when there is one."""
        from ui.modes import MODE_UIS

        who = self._who()
        choices = [m.value for m in STAFF_MODES if m in MODE_UIS and authorise(m, who) is None]
        if len(choices) == 1 and self.enterMode(choices[0]) == "":
            return
        self._set(stage="modes", greeting=who.name if who is not None else "", refusal="", choices=choices)

    @Slot(str, result=str)
    def submitPin(self, pin: str) -> str:
        """A whole PIN at once, checked on this thread (tests' and tools' shortcut; the pad uses `key`):
        "" signed in; "change_pin" the person must choose their own PIN first; else the refusal in words."""
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
        """ "" when entered (the pad closes), else the refusal's name (kiosk.session.modes.Refusal)."""
        if self.session is None:
            return "not_ready"
        try:
            mode = Mode(name)
        except ValueError:
            return "unknown_mode"
        refusal = self.session.enter(mode)
        self.changed.emit()
        if refusal is None:
            if self._pad_open:
                self._close()
            return ""
        if self._pad_open:
            self._set(refusal=refusal.value)
        return refusal.value

    # --- the way out ------------------------------------------------------------------------------

    @Slot()
    def touch(self) -> None:
        if self.session is not None:
            self.session.touch()
            self._update_idle()

    @Slot()
    def signOut(self) -> None:
        if self.session is not None:
            self.session.sign_out()
            self.changed.emit()
            if self._pad_open:
                self._close()
            self._update_idle()

    def _idle_left_value(self) -> int:
        return self._idle_left

    def _idle_warning(self) -> bool:
        return 0 <= self._idle_left <= IDLE_WARNING_S

    idleLeft = Property(int, _idle_left_value, notify=idleChanged)
    idleWarning = Property(bool, _idle_warning, notify=idleChanged)

    def _update_idle(self) -> None:
        left = self.session.signs_out_in() if self.session is not None else None
        value = -1 if left is None else math.ceil(left)
        if value != self._idle_left:
            self._idle_left = value
            self.idleChanged.emit()

    def _tick(self) -> None:
        session = self.session
        if session is None:
            return
        self._check_press()
        if self._retry_at is not None:
            left = max(0, math.ceil(self._retry_at - session.clock.monotonic()))
            if left != self._retry_left:
                self._retry_left = left
                if left == 0:  # may try again: the pad stays open a while from now
                    self._retry_at = None
                    self._refusal = ""
                    session.touch()
                self.padChanged.emit()
        if session.tick():
            self.changed.emit()
            if self._pad_open:
                self._close()
        elif (
            self._pad_open
            and not self.work.running
            and session.who is None
            and self._retry_at is None
            and session.idle_for() >= min(PAD_IDLE_S, session.idle_timeout_s)
        ):
            self.cancel()  # a pad left open on the customer screen
        self._update_idle()


__all__ = ["IDLE_WARNING_S", "STAFF_MODES", "StaffViewModel"]
