"""The NFC reader's staff cards come from the staff register (issue 14 item 4): the simulated reader the
kiosk runs classifies a registered card as staff with its holder's role at the next tap, forgets it when
the person is removed, and ignores staff entries of the card list file; membership cards still come from
the file. Also the session's tap-to-register hand-off and the idle time setting."""

from __future__ import annotations

import json
import logging
import queue
from dataclasses import replace
from pathlib import Path

import pytest

from app.devices import card_list
from hardware.nfc import build_nfc_reader
from hardware.nfc.simulator import SimulatedReaderDriver
from hardware.vcard.card import CardProfile
from kiosk.config import Settings, load_settings
from kiosk.devices.nfc import CardKind, CardList, CardTapped, hash_uid
from kiosk.session.modes import Mode, ModeRouter, Role, SignedIn
from kiosk.staff.cards import StaffCardList, staff_card_list
from kiosk.staff.session import StaffSession
from tests.helpers.staff import KEY, UID, hire, owner, tap
from tests.staff.conftest import Shop

OLD_STAFF_CARD = bytes.fromhex("04000000000011")  # a staff card only the file lists
MEMBER_CARD = bytes.fromhex("04000000000012")
MANAGER_CARD = bytes.fromhex("04000000000013")


def file_cards() -> CardList:
    return CardList.from_json(
        {
            "cards": [
                {"uid_hash": hash_uid(KEY, OLD_STAFF_CARD), "kind": "staff", "role": "owner"},
                {"uid_hash": hash_uid(KEY, MEMBER_CARD), "kind": "membership"},
            ]
        }
    )


def test_the_readers_staff_cards_are_the_registers(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap(UID))
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    reader = build_nfc_reader(
        "sim://", key=KEY, cards=staff_card_list(file_cards(), shop.staff.card_role), listener=events.put
    )
    assert isinstance(reader.driver, SimulatedReaderDriver)
    driver = reader.driver

    def kind_of(uid: bytes) -> tuple[CardKind, str | None]:
        driver.tap(CardProfile(uid=uid))
        driver.remove()
        while True:
            event = events.get(timeout=5)
            if isinstance(event, CardTapped):
                return event.kind, event.role

    reader.start()
    try:
        assert kind_of(UID) == (CardKind.STAFF, "owner")
        assert kind_of(OLD_STAFF_CARD) == (CardKind.UNKNOWN, None)  # the file's staff entry: ignored
        assert kind_of(MEMBER_CARD) == (CardKind.MEMBERSHIP, None)
        assert kind_of(MANAGER_CARD) == (CardKind.UNKNOWN, None)
        kim = hire(shop, boss, "김매니저", Role.MANAGER, "615203")
        shop.staff.register_card(boss, kim.person_id, tap(MANAGER_CARD))
        assert kind_of(MANAGER_CARD) == (CardKind.STAFF, "manager")  # registered: counts at the next tap
        shop.staff.remove(boss, kim.person_id)
        assert kind_of(MANAGER_CARD) == (CardKind.UNKNOWN, None)  # removed: at once no staff card
    finally:
        reader.stop()


def test_the_card_list_file_keeps_membership_cards_and_its_staff_entries_are_ignored(
    shop: Shop, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "cards.json"
    path.write_text(
        json.dumps(
            {
                "cards": [
                    {"uid_hash": hash_uid(KEY, OLD_STAFF_CARD), "kind": "staff", "role": "owner"},
                    {"uid_hash": hash_uid(KEY, MEMBER_CARD), "kind": "membership"},
                ],
                "member_uri_prefixes": ["https://hangyeol.kr/m/"],
            }
        ),
        encoding="utf-8",
    )
    settings = replace(Settings(), nfc=replace(Settings().nfc, card_list=str(path)))
    assert card_list(settings).classify(hash_uid(KEY, OLD_STAFF_CARD), ()) == (CardKind.STAFF, "owner")  # no register
    with caplog.at_level(logging.WARNING):
        cards = card_list(settings, shop.staff)
    assert isinstance(cards, StaffCardList)
    assert cards.classify(hash_uid(KEY, OLD_STAFF_CARD), ()) == (CardKind.UNKNOWN, None)
    assert cards.classify(hash_uid(KEY, MEMBER_CARD), ()) == (CardKind.MEMBERSHIP, None)
    assert cards.member_uri_prefixes == ("https://hangyeol.kr/m/",)
    assert "1 staff card(s)" in caplog.text and "staff register" in caplog.text


def test_tap_to_register_takes_the_next_tap_instead_of_the_sign_in(shop: Shop) -> None:
    boss = owner(shop)
    shop.staff.register_card(boss, boss.person_id, tap(UID))
    session = StaffSession(shop.staff, ModeRouter(Mode.CUSTOMER, tuple(Mode)))
    taken: list[CardTapped] = []
    session.wait_for_card(taken.append)
    assert session.card_tapped(tap(UID)) is None and len(taken) == 1  # not the PIN pad: the registration
    asked = session.card_tapped(tap(UID))  # once only: the next tap is a way in again
    assert asked is not None and asked.member is not None and asked.member.name == "김사장"
    session.wait_for_card(taken.append)
    session.wait_for_card(None)  # cancelled
    assert session.card_tapped(tap(UID)) is not None and len(taken) == 1
    assert session.card_hash == tap(UID).uid_hash
    assert isinstance(session.sign_in("482915"), SignedIn)
    assert session.card_tapped(tap(UID)) is None  # someone is signed in: no way in (sign out first)
    session.wait_for_card(taken.append)
    assert session.card_tapped(tap(UID)) is None and len(taken) == 2  # but registering still works


def test_signs_out_in_counts_down_and_says_nothing_during_a_refund(shop: Shop) -> None:
    owner(shop)
    refunding = [False]
    session = StaffSession(
        shop.staff, ModeRouter(Mode.CUSTOMER, tuple(Mode)), idle_timeout_s=60, refund_in_progress=lambda: refunding[0]
    )
    assert session.signs_out_in() is None  # nobody to sign out
    session.accept(shop.staff.sign_in("482915"))
    assert session.who is not None and session.signs_out_in() == 60
    shop.clock.advance(45)
    assert session.signs_out_in() == 15
    refunding[0] = True
    assert session.signs_out_in() is None
    refunding[0] = False
    shop.clock.advance(100)
    assert session.signs_out_in() == 0 and session.tick() and session.who is None


def test_the_idle_time_is_a_setting() -> None:
    assert load_settings(None, env={}).staff.idle_timeout_seconds == 120
    env = {"KIOSK_STAFF__IDLE_TIMEOUT_SECONDS": "300"}
    assert load_settings(None, env=env).staff.idle_timeout_seconds == 300
