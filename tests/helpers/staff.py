"""Staff tests' shared steps: a card tap, the first owner, hiring someone who then chooses a PIN."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from kiosk.devices.nfc import CardKind, CardTapped, hash_uid
from kiosk.session.modes import Role, SignedIn
from kiosk.staff.pins import PinHasher
from kiosk.staff.service import PinChangeRequired

if TYPE_CHECKING:
    from tests.staff.conftest import Shop

CHEAP = PinHasher(n=2**4, r=8, p=1)  # tests' PIN hash cost (the real cost is tested once in test_pins.py)
OWNER_PIN = "482915"

KEY = b"k" * 32  # the shop's UID key (app.devices.uid_key makes a random one)
UID = bytes.fromhex("04a1b2c3d4e5f6")


def tap(uid: bytes = UID, kind: CardKind = CardKind.UNKNOWN) -> CardTapped:
    uid_hash = None if kind is CardKind.PAYMENT else hash_uid(KEY, uid)
    return CardTapped("Virtual PCD 00 00", kind, uid_hash, (), None, "", datetime(2026, 11, 21, tzinfo=UTC))


def owner(shop: Shop) -> SignedIn:
    shop.staff.init_owner("김사장", OWNER_PIN)
    who = shop.staff.sign_in(OWNER_PIN)
    assert isinstance(who, SignedIn) and who.role is Role.OWNER and who.name == "김사장"
    return who


def hire(shop: Shop, by: SignedIn, name: str, role: Role, pin: str) -> SignedIn:
    """Add a person and let them choose `pin` at their first sign-in."""
    person, one_time = shop.staff.add(by, name, role)
    first = shop.staff.sign_in(one_time)
    assert isinstance(first, PinChangeRequired) and first.person_id == person.id
    return shop.staff.complete_pin_change(first.token, pin)
