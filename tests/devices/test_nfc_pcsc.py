"""The NFC reader service through the real pcscd with the vpcd driver and our virtual cards."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ndef
import pytest

from hardware.nfc import NfcReaderService, build_nfc_reader
from hardware.vcard import CardProfile, VirtualCard
from hardware.worker import Backoff
from kiosk.devices.health import Health, HealthEvent
from kiosk.devices.nfc import (
    MEMBER_RECORD_TYPE,
    CardKind,
    CardList,
    CardRemoved,
    CardTapped,
    ReaderChange,
    ReaderEvent,
    hash_uid,
)
from kiosk.payments.masking import luhn_valid
from tests.devices.nfc_helpers import Events
from tests.devices.pcsc import PcscService

READER = "Virtual PCD 00 00"
URI_VECTOR = bytes.fromhex("D1010a55036e666370792e6f7267")  # ndeflib / nfcpy: http://nfcpy.org
TEST_PAN = "4111111111111111"

InsertCard = Callable[..., VirtualCard]
Match = Callable[[Any], bool]


def _tapped(reader: str = READER) -> Match:
    return lambda e: isinstance(e, CardTapped) and e.reader == reader


def _reader(change: ReaderChange, reader: str = READER) -> Match:
    return lambda e: isinstance(e, ReaderEvent) and e.change is change and e.reader == reader


def _service(
    key: bytes, events: Events, cards: CardList | None = None, url: str = "pcsc://Virtual PCD"
) -> NfcReaderService:
    return build_nfc_reader(
        url,
        key=key,
        cards=cards or CardList(),
        listener=events.put,
        backoff=Backoff(initial=0.05, maximum=0.5, rng=random.Random(3)),
        poll_timeout=0.5,
    )


def test_card_already_on_the_reader_is_seen_with_its_uid_hash_and_text_record(
    insert_card: InsertCard, shop_key: bytes
) -> None:
    text = ndef.TextRecord("한결 스탬프 카드 · 7 / 10", "ko")
    message = b"".join(ndef.message_encoder([text, ndef.Record(MEMBER_RECORD_TYPE, "1", b"M-0042")]))
    uid = bytes.fromhex("04112233445566")
    insert_card(CardProfile(uid=uid, ndef=message))
    events = Events()
    service = _service(shop_key, events)
    service.start()
    try:
        tap = events.wait_for(_tapped())
    finally:
        service.stop()
    assert tap.kind is CardKind.MEMBERSHIP
    assert tap.uid_hash == hash_uid(shop_key, uid)
    assert uid.hex() not in repr(events.seen).lower()
    assert tap.records[0].text == "한결 스탬프 카드 · 7 / 10" and tap.records[0].language == "ko"
    assert tap.records[1].type == MEMBER_RECORD_TYPE and bytes.fromhex(tap.records[1].data_hex) == b"M-0042"
    assert any(_reader(ReaderChange.ADDED)(e) for e in events.seen)


def test_tap_and_remove_in_order_with_uri_record_and_staff_role(insert_card: InsertCard, shop_key: bytes) -> None:
    staff_uid = bytes.fromhex("04DEADBEEF0001")
    cards = CardList.from_json(
        {"cards": [{"uid_hash": hash_uid(shop_key, staff_uid), "kind": "staff", "role": "owner"}]}
    )
    events = Events()
    service = _service(shop_key, events, cards)
    service.start()
    try:
        events.wait_for(_reader(ReaderChange.ADDED))
        card = insert_card(CardProfile(uid=bytes.fromhex("04010203040506"), ndef=URI_VECTOR))
        first = events.wait_for(_tapped())
        card.remove()
        events.wait_for(lambda e: isinstance(e, CardRemoved))
        insert_card(CardProfile(uid=staff_uid))
        second = events.wait_for(_tapped())
    finally:
        service.stop()
    assert first.kind is CardKind.UNKNOWN
    assert [r.uri for r in first.records] == ["http://nfcpy.org"]
    assert (second.kind, second.role, second.records) == (CardKind.STAFF, "owner", ())
    order = [type(e).__name__ for e in events.seen if isinstance(e, CardTapped | CardRemoved)]
    assert order == ["CardTapped", "CardRemoved", "CardTapped"]


def test_a_card_without_uid_support_is_unknown_and_unhashed(insert_card: InsertCard, shop_key: bytes) -> None:
    events = Events()
    service = _service(shop_key, events)
    service.start()
    try:
        insert_card(CardProfile(uid_supported=False))
        tap = events.wait_for(_tapped())
    finally:
        service.stop()
    assert (tap.kind, tap.uid_hash) == (CardKind.UNKNOWN, None)


def test_payment_card_is_refused_and_its_data_appears_nowhere(
    insert_card: InsertCard, shop_key: bytes, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    assert luhn_valid(TEST_PAN)
    caplog.set_level(logging.DEBUG)
    uid = bytes.fromhex("08A1B2C3")
    events = Events()
    service = _service(shop_key, events)
    service.start()
    try:
        card = insert_card(CardProfile(uid=uid, payment_pan=TEST_PAN))
        tap = events.wait_for(_tapped())
    finally:
        service.stop()
    assert tap.kind is CardKind.PAYMENT
    assert "카드 단말기" in tap.message
    assert (tap.uid_hash, tap.records, tap.role) == (None, (), None)
    # The reader stopped at the first SELECT that the card answered: PPSE. Nothing else was sent.
    assert [c[:4].hex() for c in card.commands] == ["00a40400"]
    everything = (
        repr(events.seen)
        + caplog.text
        + "".join(p.read_bytes().decode("latin-1") for p in tmp_path.rglob("*") if p.is_file())
    )
    for secret in (TEST_PAN, uid.hex(), uid.hex().upper(), "5a08", "2PAY"):
        assert secret not in everything


def test_pcscd_killed_then_restarted_reader_lost_then_back_and_card_read_again(
    running_pcscd: PcscService, insert_card: InsertCard, shop_key: bytes
) -> None:
    uid = bytes.fromhex("04CAFE00BEEF01")
    events = Events()
    service = _service(shop_key, events)
    service.start()
    try:
        insert_card(CardProfile(uid=uid))
        assert events.wait_for(_tapped()).uid_hash == hash_uid(shop_key, uid)
        running_pcscd.kill()
        events.wait_for(_reader(ReaderChange.LOST))
        events.wait_for(lambda e: isinstance(e, HealthEvent) and e.health is Health.LOST)
        running_pcscd.start()
        # the card is re-inserted by vpcd's restart: our virtual card reconnects like a card left on the reader
        insert_card(CardProfile(uid=uid))
        events.wait_for(_reader(ReaderChange.BACK))
        again = events.wait_for(_tapped())
        assert service.worker.health is Health.OK
    finally:
        service.stop()
    assert again.uid_hash == hash_uid(shop_key, uid)
