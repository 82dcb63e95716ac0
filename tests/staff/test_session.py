"""The way in from the customer screen and the idle sign-out (issue 14 item 4), on a fake clock."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kiosk.devices.nfc import CardKind
from kiosk.session.modes import Mode, ModeRouter, Refusal, Role, SignedIn
from kiosk.staff.service import SignInRefusal, SignInRefused
from kiosk.staff.session import AskPin, StaffSession, is_way_in_gesture
from tests.helpers.staff import hire, owner, tap
from tests.staff.conftest import OWNER_PIN, Shop


def mode_changes(shop: Shop) -> list[dict[str, object]]:
    conn = sqlite3.connect(f"file:{shop.path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT payload FROM journal WHERE kind = 'mode.changed' ORDER BY seq").fetchall()
    finally:
        conn.close()
    return [json.loads(r[0]) for r in rows]


@pytest.mark.parametrize(
    ("x", "y", "held", "way_in"),
    [(10, 10, 3.0, True), (100, 100, 5.0, True), (10, 10, 2.9, False), (200, 10, 3.0, False), (10, 500, 9.0, False)],
)
def test_the_gesture_is_a_long_press_in_the_top_left_corner(x: float, y: float, held: float, way_in: bool) -> None:
    assert is_way_in_gesture(x, y, 1080, 1920, held) is way_in  # corner: 135 px of a 1080 px wide screen


def test_the_way_in_is_closed_while_a_payment_is_in_flight(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap())
    paying = [True]
    session = StaffSession(shop.staff, ModeRouter(Mode.CUSTOMER, tuple(Mode)), payment_in_flight=lambda: paying[0])
    assert session.gesture(10, 10, 1080, 1920, 3.0) is None
    assert session.card_tapped(tap()) is None
    paying[0] = False
    assert session.gesture(10, 10, 1080, 1920, 3.0) == AskPin(None)
    asked = session.card_tapped(tap())
    assert asked is not None and asked.member is not None and asked.member.name == "김사장"
    assert session.card_tapped(tap(bytes.fromhex("04000000000001"))) is None  # not a staff card
    assert session.card_tapped(tap(kind=CardKind.PAYMENT)) is None


def test_card_tap_pin_back_office_and_idle_sign_out(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap())
    refunding = [False]
    router = ModeRouter(Mode.CUSTOMER, tuple(Mode))
    session = StaffSession(shop.staff, router, refund_in_progress=lambda: refunding[0])
    assert session.card_tapped(tap()) is not None
    assert session.sign_in("550912") == SignInRefused(SignInRefusal.WRONG_PIN)  # counted for the card's holder
    assert session.sign_in(OWNER_PIN) == boss
    assert session.enter(Mode.OWNER) is None and router.mode is Mode.OWNER
    shop.clock.advance(119)
    assert not session.tick()
    session.touch()
    shop.clock.advance(119)
    assert not session.tick() and router.mode is Mode.OWNER
    refunding[0] = True
    shop.clock.advance(600)
    assert not session.tick() and router.mode is Mode.OWNER  # never during a refund
    refunding[0] = False
    assert session.tick()
    assert router.mode is Mode.CUSTOMER and session.who is None
    assert session.enter(Mode.OWNER) is Refusal.NOT_SIGNED_IN
    assert mode_changes(shop) == [
        {"from": "customer", "to": "owner", "person_id": boss.person_id, "role": "owner"},
        {"from": "owner", "to": "customer", "person_id": None, "role": None, "reason": "idle"},
    ]


def test_staff_get_the_counter_not_the_back_office(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    router = ModeRouter(Mode.CUSTOMER, tuple(Mode))
    session = StaffSession(shop.staff, router, idle_timeout_s=30)
    assert session.gesture(5, 5, 1920, 1080, 4.0) == AskPin(None)
    assert session.sign_in("730518") == kim
    assert session.enter(Mode.OWNER) is Refusal.NOT_PERMITTED
    assert session.enter(Mode.COUNTER) is None
    shop.clock.advance(30)
    assert session.tick() and router.mode is Mode.CUSTOMER


def test_a_counter_terminal_signs_out_to_the_customer_mode(shop: Shop) -> None:
    boss = owner(shop)
    router = ModeRouter(Mode.COUNTER, tuple(Mode))
    session = StaffSession(shop.staff, router)
    assert isinstance(session.sign_in(OWNER_PIN), SignedIn)
    assert session.enter(Mode.OWNER) is None
    shop.clock.advance(120)
    assert session.tick()
    assert router.mode is Mode.CUSTOMER and session.who is None
    assert boss.person_id in json.dumps(mode_changes(shop)[0])
