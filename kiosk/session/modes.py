"""The terminal's modes and who may enter them (DESIGN §11), checked here in the core, never in QML.

One table says what each role may do (`PERMISSIONS`); entering a mode needs its permission (`ENTRY`).
Changing mode is an event (`ChangeMode`) that the `ModeRouter` lets through only when the check passes,
the mode has screens on this terminal, and no payment is in flight. The sign-ins that produce a
`SignedIn` (PIN, staff card) come with the owner and installer issues; until then nothing can enter the
owner, counter or installer mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)


class Mode(StrEnum):
    CUSTOMER = "customer"  # the self-service kiosk
    COUNTER = "counter"  # staff ring up orders
    OWNER = "owner"  # the back office
    INSTALLER = "installer"  # first set-up and self-test


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"
    INSTALLER = "installer"


class Permission(StrEnum):
    REFUND = "refund"
    CHANGE_PRICES = "change_prices"
    DISCOUNT_OVER_LIMIT = "discount_over_limit"
    REOPEN_DAY = "reopen_day"
    SOLD_OUT = "sold_out"
    COUNTER_SALES = "counter_sales"
    X_REPORT = "x_report"
    BACK_OFFICE = "back_office"
    DEVICES_AND_SETTINGS = "devices_and_settings"
    MANAGE_STAFF = "manage_staff"  # add / remove people, roles, cards, PIN resets (kiosk/staff: a manager only staff)


_STAFF = frozenset({Permission.SOLD_OUT, Permission.COUNTER_SALES, Permission.X_REPORT})
_MANAGEMENT = _STAFF | {
    Permission.REFUND,
    Permission.CHANGE_PRICES,
    Permission.DISCOUNT_OVER_LIMIT,
    Permission.REOPEN_DAY,
    Permission.BACK_OFFICE,
    Permission.MANAGE_STAFF,
}

# What each role may do: the one table (DESIGN §11).
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: _MANAGEMENT,
    Role.MANAGER: _MANAGEMENT,
    Role.STAFF: _STAFF,
    Role.INSTALLER: frozenset({Permission.DEVICES_AND_SETTINGS}),
}

# What entering a mode needs; None: anyone (the customer mode is what a terminal shows by itself).
ENTRY: dict[Mode, Permission | None] = {
    Mode.CUSTOMER: None,
    Mode.COUNTER: Permission.COUNTER_SALES,
    Mode.OWNER: Permission.BACK_OFFICE,
    Mode.INSTALLER: Permission.DEVICES_AND_SETTINGS,
}


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Someone who passed a sign-in, as the role they signed in as (and who: kiosk.staff fills these in)."""

    role: Role
    person_id: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class ChangeMode:
    """The event: go to `mode`, as `who` (None: nobody signed in)."""

    mode: Mode
    who: SignedIn | None = None


class Refusal(StrEnum):
    """Why a mode change did not happen."""

    NOT_SIGNED_IN = "not_signed_in"
    NOT_PERMITTED = "not_permitted"
    NOT_ON_THIS_TERMINAL = "not_on_this_terminal"  # the mode has no screens here (yet)
    PAYMENT_IN_FLIGHT = "payment_in_flight"


def authorise(mode: Mode, who: SignedIn | None) -> Refusal | None:
    """The authorisation check for entering `mode`: None when `who` may."""
    needed = ENTRY[mode]
    if needed is None:
        return None
    if who is None:
        return Refusal.NOT_SIGNED_IN
    if not may(who.role, needed):
        return Refusal.NOT_PERMITTED
    return None


class ModeRouter:
    """Which mode the terminal is in. `available`: the modes with screens on this terminal (the UI's
    router entries); `payment_in_flight`: entering a mode never interrupts a payment (DESIGN §11)."""

    def __init__(
        self,
        default: Mode,
        available: Collection[Mode],
        *,
        payment_in_flight: Callable[[], bool] = lambda: False,
        on_change: Callable[[Mode], None] | None = None,
    ) -> None:
        if default not in available:
            raise ValueError(f"the default mode {default.value} has no screens on this terminal")
        self.default = default
        self.mode = default
        self._available = frozenset(available)
        self._payment_in_flight = payment_in_flight
        self.on_change = on_change

    def send(self, event: ChangeMode) -> Refusal | None:
        """Enter `event.mode` if the check passes; returns why not otherwise (and stays)."""
        refusal = authorise(event.mode, event.who)
        if refusal is None and event.mode not in self._available:
            refusal = Refusal.NOT_ON_THIS_TERMINAL
        if refusal is None and event.mode is not self.mode and self._payment_in_flight():
            refusal = Refusal.PAYMENT_IN_FLIGHT
        if refusal is not None:
            log.info("mode %s refused: %s", event.mode.value, refusal.value)
            return refusal
        if event.mode is not self.mode:
            self.mode = event.mode
            log.info("mode changed to %s", event.mode.value)
            if self.on_change is not None:
                self.on_change(event.mode)
        return None
