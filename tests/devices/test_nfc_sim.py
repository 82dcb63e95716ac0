"""The simulated reader (sim://, the demo default) honours the PC/SC driver's contract; the card list."""

from __future__ import annotations

from pathlib import Path

import ndef
import pytest

from hardware.nfc import build_nfc_reader
from hardware.nfc.simulator import SIM_READER, SimulatedReaderDriver
from hardware.vcard import CardProfile
from kiosk.devices.nfc import (
    CardKind,
    CardList,
    CardListError,
    CardRemoved,
    CardTapped,
    ReaderChange,
    ReaderEvent,
    hash_uid,
)
from tests.devices.nfc_helpers import Events

KEY = b"sim-shop-key-0123456789abcdef!!!"


def test_simulated_reader_gives_the_same_events_and_refuses_payment_cards() -> None:
    uid = bytes.fromhex("04998877665544")
    cards = CardList.from_json({"cards": [], "member_uri_prefixes": ["https://hangyeol.kr/m/"]})
    events = Events()
    service = build_nfc_reader("sim://", key=KEY, cards=cards, listener=events.put)
    assert isinstance(service.driver, SimulatedReaderDriver)
    service.start()
    try:
        events.wait_for(lambda e: isinstance(e, ReaderEvent) and e.change is ReaderChange.ADDED)
        member = b"".join(ndef.message_encoder([ndef.UriRecord("https://hangyeol.kr/m/0042")]))
        service.driver.tap(CardProfile(uid=uid, ndef=member))
        tap = events.wait_for(lambda e: isinstance(e, CardTapped))
        service.driver.remove()
        events.wait_for(lambda e: isinstance(e, CardRemoved))
        service.driver.tap(CardProfile(payment_pan="4111111111111111"))
        refused = events.wait_for(lambda e: isinstance(e, CardTapped))
    finally:
        service.stop()
    assert (tap.reader, tap.kind, tap.uid_hash) == (SIM_READER, CardKind.MEMBERSHIP, hash_uid(KEY, uid))
    assert (refused.kind, refused.uid_hash, refused.records) == (CardKind.PAYMENT, None, ())


def test_card_list_errors_say_what_to_do(tmp_path: Path) -> None:
    bad = tmp_path / "cards.json"
    bad.write_text("{not json")
    with pytest.raises(CardListError, match="다시 만드세요"):
        CardList.load(bad)
    with pytest.raises(CardListError, match="없습니다"):
        CardList.load(tmp_path / "missing.json")
    with pytest.raises(CardListError, match="kind must be"):
        CardList.from_json({"cards": [{"uid_hash": "ab", "kind": "payment"}]})


def test_unknown_reader_url_is_refused_with_the_accepted_forms() -> None:
    from hardware.nfc import ReaderUrlError

    with pytest.raises(ReaderUrlError, match="pcsc://"):
        build_nfc_reader("usb://reader", key=KEY, cards=CardList(), listener=print)
