"""Sign-in and the staff register on a real ledger file with a fake clock (DESIGN §11, docs/STAFF.md)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kiosk.devices.nfc import CardKind
from kiosk.session.modes import ChangeMode, Mode, ModeRouter, Refusal, Role, SignedIn
from kiosk.staff.pins import PinError
from kiosk.staff.service import (
    LOCK_S,
    NotPermitted,
    OwnerExists,
    PinChangeRequired,
    PinInUse,
    SignInRefusal,
    SignInRefused,
    StaffError,
)
from tests.helpers.staff import UID, hire, owner, tap
from tests.staff.conftest import OWNER_PIN, Shop


def journal(shop: Shop) -> list[tuple[str, dict[str, object]]]:
    conn = sqlite3.connect(f"file:{shop.path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT kind, payload FROM journal ORDER BY seq").fetchall()
    finally:
        conn.close()
    return [(k, json.loads(p)) for k, p in rows]


def kinds(shop: Shop) -> list[str]:
    return [k for k, _ in journal(shop)]


def wrong(shop: Shop, card: str | None = None) -> SignInRefused:
    result = shop.staff.sign_in("550912", card)
    assert isinstance(result, SignInRefused)
    return result


# --- no default PIN, the first owner ------------------------------------------------------------


@pytest.mark.parametrize("pin", ["000000", "123456", "111111", "482915", "0000"])
def test_a_new_terminal_has_no_pin_that_works(shop: Shop, pin: str) -> None:
    assert not shop.staff.owner_set_up()
    result = shop.staff.sign_in(pin)
    assert result == SignInRefused(SignInRefusal.NO_OWNER)
    assert "kiosk staff init-owner" in result.message("en") and "init-owner" in result.message("ko")
    assert shop.staff.members() == []


def test_the_first_owner_is_set_up_once(shop: Shop) -> None:
    who = owner(shop)
    assert shop.staff.owner_set_up()
    assert [(p.name, p.role, p.has_pin, p.must_change_pin) for p in shop.staff.members()] == [
        ("김사장", Role.OWNER, True, False)
    ]
    with pytest.raises(OwnerExists):
        shop.staff.init_owner("누군가", "902817")
    assert who.person_id == shop.staff.members()[0].id
    assert kinds(shop) == ["staff.added", "staff.signed_in"]
    assert journal(shop)[0][1]["via"] == "set-up"


def test_the_owner_pin_must_be_a_good_one(shop: Shop) -> None:
    with pytest.raises(PinError):
        shop.staff.init_owner("김사장", "123456")
    assert not shop.staff.owner_set_up() and kinds(shop) == []


# --- unique PINs, first sign-in, resets ---------------------------------------------------------


def test_a_new_person_sets_their_own_pin_at_first_sign_in(shop: Shop) -> None:
    boss = owner(shop)
    person, one_time = shop.staff.add(boss, "이알바", Role.STAFF)
    assert person.must_change_pin and person.role is Role.STAFF
    first = shop.staff.sign_in(one_time)
    assert isinstance(first, PinChangeRequired) and first.name == "이알바"
    with pytest.raises(PinError):
        shop.staff.complete_pin_change(first.token, "222222")  # too easy
    with pytest.raises(PinError):
        shop.staff.complete_pin_change(first.token, one_time)  # the one the owner knows
    who = shop.staff.complete_pin_change(first.token, "730518")
    assert who == SignedIn(Role.STAFF, person.id, "이알바")
    assert shop.staff.sign_in("730518") == who
    assert shop.staff.sign_in(one_time) == SignInRefused(SignInRefusal.WRONG_PIN)
    with pytest.raises(StaffError):
        shop.staff.complete_pin_change(first.token, "730519")  # a token is good for one change


def test_a_pin_in_use_is_refused_without_saying_whose(shop: Shop) -> None:
    boss = owner(shop)
    _, one_time = shop.staff.add(boss, "이알바", Role.STAFF)
    first = shop.staff.sign_in(one_time)
    assert isinstance(first, PinChangeRequired)
    with pytest.raises(PinInUse) as refused:
        shop.staff.complete_pin_change(first.token, OWNER_PIN)
    assert "김사장" not in str(refused.value) and boss.person_id not in str(refused.value)
    refusal = [p for k, p in journal(shop) if k == "staff.pin_refused"]
    assert refusal == [{"person_id": first.person_id, "reason": "in_use"}]
    # Probing for other people's PINs this way counts like a wrong PIN.
    failed = [p for k, p in journal(shop) if k == "staff.sign_in_failed"]
    assert failed[-1]["subject"] == first.person_id and failed[-1]["failures"] == 1
    assert isinstance(shop.staff.complete_pin_change(first.token, "730518"), SignedIn)
    assert shop.staff.sign_in(OWNER_PIN) == boss


def test_a_reset_gives_a_new_one_time_pin_and_the_old_pin_stops_working(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    one_time = shop.staff.reset_pin(boss, kim.person_id)
    assert shop.staff.sign_in("730518") == SignInRefused(SignInRefusal.WRONG_PIN)
    again = shop.staff.sign_in(one_time)
    assert isinstance(again, PinChangeRequired)
    assert shop.staff.complete_pin_change(again.token, "640293") == kim
    assert "staff.pin_reset" in kinds(shop)


def test_a_one_time_pin_expires(shop: Shop) -> None:
    boss = owner(shop)
    _, one_time = shop.staff.add(boss, "이알바", Role.STAFF)
    shop.clock.advance(25 * 3600)
    assert shop.staff.sign_in(one_time) == SignInRefused(SignInRefusal.PIN_EXPIRED)


# --- wrong PINs: delays, locks --------------------------------------------------------------------


def test_after_five_wrong_pins_a_growing_delay_and_after_ten_the_terminal_locks(shop: Shop) -> None:
    owner(shop)
    for _ in range(4):
        assert wrong(shop) == SignInRefused(SignInRefusal.WRONG_PIN)
    delays = []
    for _ in range(5):
        refused = wrong(shop)
        assert refused.reason is SignInRefusal.WAIT
        delays.append(refused.retry_after_s)
        # During the delay nothing is checked, not even the right PIN, and nothing more is counted.
        shop.clock.advance(refused.retry_after_s - 1)
        assert shop.staff.sign_in(OWNER_PIN) == SignInRefused(SignInRefusal.WAIT, 1)
        shop.clock.advance(1)
    assert delays == [30, 60, 120, 240, 480]
    locked = wrong(shop)
    assert locked.reason is SignInRefusal.LOCKED and locked.retry_after_s >= 30 * 60
    assert "30" in locked.message("en")
    shop.clock.advance(LOCK_S - 1)
    assert shop.staff.sign_in(OWNER_PIN) == SignInRefused(SignInRefusal.LOCKED, 1)
    shop.clock.advance(1)
    assert isinstance(shop.staff.sign_in(OWNER_PIN), SignedIn)
    # A success starts the count again.
    assert wrong(shop) == SignInRefused(SignInRefusal.WRONG_PIN)
    entries = journal(shop)
    failures = [p for k, p in entries if k == "staff.sign_in_failed"]
    assert [p["failures"] for p in failures] == [*range(1, 11), 1]
    assert all(p["subject"] == "terminal" for p in failures)
    assert [p["subject"] for k, p in entries if k == "staff.locked"] == ["terminal"]
    assert kinds(shop).count("staff.sign_in_refused") == 6


def test_a_lock_survives_a_restart(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap())
    card = tap().uid_hash
    for _ in range(10):
        refused = wrong(shop, card)
        shop.clock.advance(refused.retry_after_s if refused.reason is SignInRefusal.WAIT else 0)
    assert refused.reason is SignInRefusal.LOCKED and refused.retry_after_s == LOCK_S
    shop.reopen()
    shop.clock.advance(LOCK_S - 60)
    assert shop.staff.sign_in(OWNER_PIN, card) == SignInRefused(SignInRefusal.LOCKED, 60)
    # The person is locked whichever way they come in.
    assert shop.staff.sign_in(OWNER_PIN) == SignInRefused(SignInRefusal.LOCKED, 60)
    shop.clock.advance(60)
    shop.reopen()
    assert shop.staff.sign_in(OWNER_PIN, card) == boss
    locks = [p for k, p in journal(shop) if k == "staff.locked"]
    assert [p["subject"] for p in locks] == [boss.person_id]


def test_a_terminal_lock_leaves_the_card_way_in(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap())
    for _ in range(10):
        refused = wrong(shop)
        shop.clock.advance(refused.retry_after_s if refused.reason is SignInRefusal.WAIT else 0)
    assert refused.reason is SignInRefusal.LOCKED
    assert shop.staff.sign_in(OWNER_PIN).__class__ is SignInRefused
    assert shop.staff.sign_in(OWNER_PIN, tap().uid_hash) == boss


def test_the_lock_after_a_lock_is_longer(shop: Shop) -> None:
    owner(shop)
    for _ in range(10):
        refused = wrong(shop)
        shop.clock.advance(refused.retry_after_s)
    assert wrong(shop) == SignInRefused(SignInRefusal.LOCKED, 2 * LOCK_S)


# --- cards ------------------------------------------------------------------------------------------


def test_card_then_pin(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    shop.staff.register_card(boss, kim.person_id, tap())
    member = shop.staff.identify_card(tap())
    assert member is not None and member.name == "이알바" and member.has_card
    card = tap().uid_hash
    assert shop.staff.sign_in("730518", card) == kim
    # The card says who it is: another person's PIN after it is a wrong PIN for the card's holder.
    assert shop.staff.sign_in(OWNER_PIN, card) == SignInRefused(SignInRefusal.WRONG_PIN)
    failed = [p for k, p in journal(shop) if k == "staff.sign_in_failed"]
    assert failed[-1]["subject"] == kim.person_id and failed[-1]["card_hash"] == card
    other = tap(bytes.fromhex("04ffffffffffff")).uid_hash
    assert shop.staff.identify_card(tap(bytes.fromhex("04ffffffffffff"))) is None
    assert shop.staff.sign_in("730518", other) == SignInRefused(SignInRefusal.UNKNOWN_CARD)


def test_a_card_belongs_to_one_person_and_a_payment_card_is_never_registered(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    with pytest.raises(StaffError, match="payment card"):
        shop.staff.register_card(boss, kim.person_id, tap(kind=CardKind.PAYMENT))
    shop.staff.register_card(boss, boss.person_id, tap())
    with pytest.raises(StaffError, match="another person"):
        shop.staff.register_card(boss, kim.person_id, tap())
    # Removing a person frees their card.
    shop.staff.remove(boss, kim.person_id)
    assert shop.staff.sign_in("730518") == SignInRefused(SignInRefusal.WRONG_PIN)


# --- who may do what --------------------------------------------------------------------------------


def test_staff_cannot_manage_staff_and_managers_cannot_make_owners(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    lee = hire(shop, boss, "이매니저", Role.MANAGER, "640293")
    with pytest.raises(NotPermitted):
        shop.staff.add(kim, "박알바", Role.STAFF)
    with pytest.raises(NotPermitted):
        shop.staff.reset_pin(kim, boss.person_id)
    with pytest.raises(NotPermitted):
        shop.staff.add(lee, "박사장", Role.OWNER)
    with pytest.raises(NotPermitted):
        shop.staff.set_role(lee, kim.person_id, Role.OWNER)
    with pytest.raises(NotPermitted):
        shop.staff.remove(lee, boss.person_id)
    with pytest.raises(NotPermitted):
        shop.staff.reset_pin(lee, boss.person_id)
    park, _ = shop.staff.add(lee, "박알바", Role.STAFF)  # a manager manages staff
    shop.staff.reset_pin(lee, kim.person_id)
    shop.staff.remove(lee, park.id)
    assert sorted(p.name for p in shop.staff.members()) == ["김사장", "이매니저", "이알바"]
    assert [p for k, p in journal(shop) if k == "staff.removed"] == [{"person_id": park.id, "by": lee.person_id}]


def test_a_removed_or_demoted_person_can_no_longer_act(shop: Shop) -> None:
    boss = owner(shop)
    lee = hire(shop, boss, "이매니저", Role.MANAGER, "640293")
    shop.staff.set_role(boss, lee.person_id, Role.STAFF)
    with pytest.raises(NotPermitted):
        shop.staff.add(lee, "박알바", Role.STAFF)  # the SignedIn still says manager; the register does not
    shop.staff.remove(boss, lee.person_id)
    assert shop.staff.sign_in("640293") == SignInRefused(SignInRefusal.WRONG_PIN)


def test_the_last_owner_stays(shop: Shop) -> None:
    boss = owner(shop)
    with pytest.raises(StaffError, match="last owner"):
        shop.staff.remove(boss, boss.person_id)
    with pytest.raises(StaffError, match="last owner"):
        shop.staff.set_role(boss, boss.person_id, Role.MANAGER)
    second = hire(shop, boss, "김부사장", Role.OWNER, "640293")
    shop.staff.remove(second, boss.person_id)
    assert [p.name for p in shop.staff.members()] == ["김부사장"]


# --- modes and the journal --------------------------------------------------------------------------


def test_the_mode_router_takes_the_sign_in(shop: Shop) -> None:
    boss = owner(shop)
    kim = hire(shop, boss, "이알바", Role.STAFF, "730518")
    router = ModeRouter(Mode.CUSTOMER, tuple(Mode))
    assert shop.staff.enter_mode(router, ChangeMode(Mode.OWNER, kim)) is Refusal.NOT_PERMITTED
    assert router.mode is Mode.CUSTOMER
    assert shop.staff.enter_mode(router, ChangeMode(Mode.OWNER, boss)) is None
    assert router.mode is Mode.OWNER
    assert shop.staff.enter_mode(router, ChangeMode(Mode.CUSTOMER)) is None
    changes = [p for k, p in journal(shop) if k == "mode.changed"]
    assert changes == [
        {"from": "customer", "to": "owner", "person_id": boss.person_id, "role": "owner"},
        {"from": "owner", "to": "customer", "person_id": None, "role": None},
    ]


def test_the_journal_holds_no_pin_and_no_hash(shop: Shop) -> None:
    boss = owner(shop)
    person, one_time = shop.staff.add(boss, "이알바", Role.STAFF)
    first = shop.staff.sign_in(one_time)
    assert isinstance(first, PinChangeRequired)
    shop.staff.complete_pin_change(first.token, "730518")
    shop.staff.register_card(boss, person.id, tap())
    for _ in range(10):
        refused = wrong(shop)
        shop.clock.advance(refused.retry_after_s)
    assert wrong(shop).reason is SignInRefusal.LOCKED  # the 11th: locked again, longer
    assert shop.staff.sign_in(OWNER_PIN).reason is SignInRefusal.LOCKED  # type: ignore[union-attr]
    assert isinstance(shop.staff.sign_in("730518", tap().uid_hash), SignedIn)
    shop.staff.enter_mode(ModeRouter(Mode.CUSTOMER, tuple(Mode)), ChangeMode(Mode.COUNTER, boss))
    text = "\n".join(json.dumps(p) for _, p in journal(shop))
    conn = sqlite3.connect(f"file:{shop.path}?mode=ro", uri=True)
    try:
        secrets = [v for row in conn.execute("SELECT pin_salt, pin_hash FROM staff") for v in row]
    finally:
        conn.close()
    assert len(secrets) == 4 and all(secrets)
    for secret in [OWNER_PIN, one_time, "730518", "550912", *secrets, UID.hex()]:
        assert secret not in text
    assert tap().uid_hash in text  # the card only as its keyed hash
    assert {
        "staff.added",
        "staff.signed_in",
        "staff.pin_set",
        "staff.card_registered",
        "staff.sign_in_failed",
        "staff.sign_in_refused",
        "staff.locked",
        "mode.changed",
    } <= set(kinds(shop))
