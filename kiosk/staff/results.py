"""What the staff register answers, without the register: errors, sign-in results and a person as the
screens see them. Light on purpose (no SQLAlchemy): the staff screens' view-model imports these on the
window's first-frame path; kiosk.staff.service re-exports them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from kiosk.session.modes import Role, SignedIn


class StaffError(Exception):
    """A staff operation that was refused; the message says why and what to do."""


class NotPermitted(StaffError):
    pass


class UnknownPerson(StaffError):
    pass


class OwnerExists(StaffError):
    pass


class BadName(StaffError):
    pass


class PinInUse(StaffError):
    """The PIN is someone's already (whose is never said)."""


class SignInRefusal(StrEnum):
    WRONG_PIN = "wrong_pin"
    WAIT = "wait"  # too many wrong PINs: try again in retry_after_s
    LOCKED = "locked"  # ten or more: locked for retry_after_s
    NO_OWNER = "no_owner"  # no owner is set up: there is no PIN that could work
    UNKNOWN_CARD = "unknown_card"
    PIN_EXPIRED = "pin_expired"  # a one-time PIN not replaced in time: ask for a reset


_MESSAGES = {
    SignInRefusal.WRONG_PIN: ("PIN이 맞지 않습니다.", "Wrong PIN."),
    SignInRefusal.WAIT: ("잠시 후 다시 시도하세요: {s}초.", "Too many wrong PINs: try again in {s} s."),
    SignInRefusal.LOCKED: (
        "잠겼습니다. {m}분 후 다시 시도하세요.",
        "Locked after 10 wrong PINs: try again in {m} min.",
    ),
    SignInRefusal.NO_OWNER: (
        "점주 PIN이 아직 없습니다. 설치 기사가 `kiosk staff init-owner`로 설정합니다.",
        "No owner PIN is set up yet: the installer sets it with `kiosk staff init-owner`.",
    ),
    SignInRefusal.UNKNOWN_CARD: ("등록되지 않은 카드입니다.", "This card is not registered to anyone here."),
    SignInRefusal.PIN_EXPIRED: (
        "임시 PIN이 만료되었습니다. 점주에게 재설정을 요청하세요.",
        "The one-time PIN has expired: ask the owner to reset your PIN.",
    ),
}


@dataclass(frozen=True, slots=True)
class SignInRefused:
    reason: SignInRefusal
    retry_after_s: int = 0

    def message(self, language: str = "ko") -> str:
        ko, en = _MESSAGES[self.reason]
        text = ko if language == "ko" else en
        return text.format(s=self.retry_after_s, m=math.ceil(self.retry_after_s / 60))


@dataclass(frozen=True, slots=True)
class PinChangeRequired:
    """Signed in with a one-time PIN: choose your own (`StaffService.complete_pin_change`) to get in."""

    person_id: str
    name: str
    token: str


SignInResult = SignedIn | PinChangeRequired | SignInRefused


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: str
    name: str
    role: Role
    active: bool
    has_pin: bool
    must_change_pin: bool
    has_card: bool
    created_at: str
