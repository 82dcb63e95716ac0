"""The way in from the customer screen and the way out after idle (issue 14 item 4), without Qt.

The screens report what happened (a press in a corner and how long it was held, a card tap, a PIN, a
touch, a clock tick); this decides. The way in: the documented gesture (`is_way_in_gesture`: a press held
`GESTURE_HOLD_S` seconds in the top-left corner) opens the PIN pad, and a tap of a registered staff card
asks that person's PIN, at any time when no payment is in flight. The way out: after `idle_timeout_s`
without a touch (default 2 minutes) the person is signed out and the terminal returns to its default
mode, except while a refund is in progress. docs/STAFF.md, "The way in and out".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.devices.nfc import CardTapped
from kiosk.session.modes import ChangeMode, Mode, ModeRouter, Refusal, SignedIn
from kiosk.staff.gesture import GESTURE_CORNER, GESTURE_HOLD_S, is_way_in_gesture
from kiosk.staff.results import SignInResult, StaffMember

if TYPE_CHECKING:  # the register needs the ledger (SQLAlchemy); this module is on the first frame's path
    from kiosk.staff.service import StaffService

IDLE_TIMEOUT_S = 120.0

__all__ = ["GESTURE_CORNER", "GESTURE_HOLD_S", "IDLE_TIMEOUT_S", "AskPin", "StaffSession", "is_way_in_gesture"]


@dataclass(frozen=True, slots=True)
class AskPin:
    """Show the PIN pad: for the person whose card was tapped, or (None) for a PIN alone."""

    member: StaffMember | None


class StaffSession:
    """Who is signed in on this terminal, how they got in, and when they are signed out."""

    def __init__(
        self,
        staff: StaffService,
        router: ModeRouter,
        *,
        idle_timeout_s: float = IDLE_TIMEOUT_S,
        payment_in_flight: Callable[[], bool] = lambda: False,
        refund_in_progress: Callable[[], bool] = lambda: False,
    ) -> None:
        if idle_timeout_s <= 0:
            raise ValueError("the idle sign-out needs a positive number of seconds")
        self.staff = staff
        self.router = router
        self.clock = staff.clock
        self.idle_timeout_s = idle_timeout_s
        self._payment_in_flight = payment_in_flight
        self._refund_in_progress = refund_in_progress
        self.who: SignedIn | None = None
        self._card: str | None = None  # the keyed hash of the card tapped before the PIN
        self._last_touch = self.clock.monotonic()
        self._card_waiter: Callable[[CardTapped], None] | None = None  # tap to register: the next tap

    # --- the way in ------------------------------------------------------------------------------

    def gesture(self, x: float, y: float, width: float, height: float, held_s: float) -> AskPin | None:
        if not is_way_in_gesture(x, y, width, height, held_s) or self._payment_in_flight():
            return None
        self._card = None
        self.touch()
        return AskPin(None)

    def card_tapped(self, tap: CardTapped) -> AskPin | None:
        """A registered staff card: ask its holder's PIN. Anything else (a membership or payment card, an
        unknown card) is not a way in, and nothing is a way in while a payment is in flight or someone is
        signed in (they sign out first). While a card is being registered (`wait_for_card`) the tap goes
        there instead."""
        waiter = self._card_waiter
        if waiter is not None:
            self._card_waiter = None
            self.touch()
            waiter(tap)
            return None
        if self._payment_in_flight() or self.who is not None:
            return None
        member = self.staff.identify_card(tap)
        if member is None:
            return None
        self._card = tap.uid_hash
        self.touch()
        return AskPin(member)

    def sign_in(self, pin: str) -> SignInResult:
        """The PIN typed on the pad: after a card tap, for that card's holder; otherwise whoever has it."""
        return self.accept(self.staff.sign_in(pin, self._card))

    @property
    def card_hash(self) -> str | None:
        """The keyed hash of the card tapped before the PIN (None: a PIN alone). The screens check a PIN
        off the GUI thread as `staff.sign_in(pin, card_hash)` and hand the result to `accept`."""
        return self._card

    def accept(self, result: SignInResult) -> SignInResult:
        """The result of a PIN check (`StaffService.sign_in`): a `SignedIn` is who is signed in now."""
        self.touch()
        if isinstance(result, SignedIn):
            self.who, self._card = result, None
        return result

    def wait_for_card(self, waiter: Callable[[CardTapped], None] | None) -> None:
        """Tap to register: the next card tap goes to `waiter` (once), not to the sign-in; None: stop
        waiting."""
        self._card_waiter = waiter

    def complete_pin_change(self, token: str, new_pin: str) -> SignedIn:
        who = self.staff.complete_pin_change(token, new_pin)
        self.who, self._card = who, None
        self.touch()
        return who

    def cancel(self) -> None:
        """The PIN pad closed without a sign-in."""
        self._card = None

    def enter(self, mode: Mode) -> Refusal | None:
        self.touch()
        return self.staff.enter_mode(self.router, ChangeMode(mode, self.who))

    # --- the way out ----------------------------------------------------------------------------

    def touch(self) -> None:
        """Any touch on a staff screen: the idle time starts again."""
        self._last_touch = self.clock.monotonic()

    def idle_for(self) -> float:
        return self.clock.monotonic() - self._last_touch

    def signs_out_in(self) -> float | None:
        """Seconds until the idle sign-out, or None when there is nothing to sign out or a refund is in
        progress (the screens warn in the last seconds)."""
        if self.who is None and self.router.mode is self.router.default:
            return None
        if self._refund_in_progress():
            return None
        return max(0.0, self.idle_timeout_s - self.idle_for())

    def tick(self) -> bool:
        """Called now and then (the screens' timer): signs out after the idle time, never during a refund.
        Returns whether it signed out."""
        if self.who is None and self.router.mode is self.router.default:
            return False
        if self.idle_for() < self.idle_timeout_s or self._refund_in_progress():
            return False
        self.sign_out(reason="idle")
        return True

    def sign_out(self, *, reason: str = "signed_out") -> Refusal | None:
        """Back to the default mode (journaled) and nobody signed in. A default mode that itself needs a
        sign-in (a counter terminal) cannot be entered by nobody: then the customer mode, if this terminal
        has it."""
        self.who, self._card, self._card_waiter = None, None, None
        if self.router.mode is self.router.default:
            return None
        refusal = self.staff.enter_mode(self.router, ChangeMode(self.router.default), reason=reason)
        if refusal is Refusal.NOT_SIGNED_IN and self.router.mode is not Mode.CUSTOMER:
            refusal = self.staff.enter_mode(self.router, ChangeMode(Mode.CUSTOMER), reason=reason)
        return refusal
