"""What the reader service does with a card: refuse payment cards, read the UID and the Type 4 NDEF file.

`read_card` talks to the card only through a ``transmit(apdu) -> response`` function, so the PC/SC
driver and the simulated reader share it. Order matters: payment applications are probed first, and a
card that answers one is left at once — no UID, no records, nothing logged, and the responses are
discarded unparsed. APDUs and raw UIDs are never logged anywhere in this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import ndef

from kiosk.devices.nfc import CARD_MESSAGES, CardKind, CardList, CardTapped, NdefRecord, hash_uid

Transmit = Callable[[bytes], bytes]

PPSE = b"2PAY.SYS.DDF01"
# Common payment application AIDs (RID + PIX) a card may answer without a PPSE directory.
PAYMENT_AIDS = tuple(
    bytes.fromhex(a)
    for a in (
        "A0000000031010",  # Visa credit/debit
        "A0000000041010",  # Mastercard
        "A00000002501",  # American Express
        "A0000000651010",  # JCB
        "A0000003330101",  # UnionPay
        "A0000001523010",  # Discover
        "D4100000030001",  # BC Card (Korea)
        "D4100000140001",  # Korean domestic (K-Pay / KFTC)
    )
)
NDEF_AID = bytes.fromhex("D2760000850101")
CC_FILE = bytes.fromhex("E103")
GET_UID = bytes.fromhex("FFCA000000")
MAX_NDEF = 8192  # bigger than any membership card; a larger NLEN is garbage


class CardReadError(Exception):
    """The card went away or answered nonsense mid-read."""


@dataclass(frozen=True)
class CardData:
    kind: CardKind
    uid_hash: str | None
    records: tuple[NdefRecord, ...]
    role: str | None


def _select_aid(aid: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x04, 0x00, len(aid)]) + aid + b"\x00"


def _select_file(fid: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x00, 0x0C, len(fid)]) + fid


def _read_binary(offset: int, length: int) -> bytes:
    return bytes([0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, length & 0xFF])


def _ok(resp: bytes) -> bool:
    return len(resp) >= 2 and resp[-2] == 0x90 and resp[-1] == 0x00


def _answers(resp: bytes) -> bool:
    # 61xx: more data waiting (T=0) — the application exists
    return _ok(resp) or (len(resp) >= 2 and resp[-2] == 0x61)


def is_payment_card(transmit: Transmit) -> bool:
    if _answers(transmit(_select_aid(PPSE))):
        return True
    return any(_answers(transmit(_select_aid(aid))) for aid in PAYMENT_AIDS)


def read_uid(transmit: Transmit) -> bytes | None:
    resp = transmit(GET_UID)
    if not _ok(resp) or len(resp) < 6:  # 63 00 failed, 6A 81 unsupported; a UID is at least 4 bytes
        return None
    return resp[:-2]


def read_ndef(transmit: Transmit) -> bytes | None:
    """The NDEF message of an NFC Forum Type 4 tag, or None if the card has none."""
    if not _ok(transmit(_select_aid(NDEF_AID))):
        return None
    if not _ok(transmit(_select_file(CC_FILE))):
        return None
    cc = transmit(_read_binary(0, 15))
    if not _ok(cc) or len(cc) < 17:
        return None
    cc = cc[:-2]
    mle = max(1, min(int.from_bytes(cc[3:5], "big"), 0xFF))
    if cc[7] != 0x04:  # NDEF File Control TLV
        return None
    file_id = cc[9:11]
    if not _ok(transmit(_select_file(file_id))):
        return None
    head = transmit(_read_binary(0, 2))
    if not _ok(head) or len(head) < 4:
        return None
    nlen = int.from_bytes(head[:2], "big")
    if nlen == 0:
        return b""
    if nlen > MAX_NDEF:
        raise CardReadError("NDEF length out of range")
    message = bytearray()
    while len(message) < nlen:
        part = transmit(_read_binary(2 + len(message), min(mle, nlen - len(message))))
        if not _ok(part) or len(part) == 2:
            raise CardReadError("NDEF read failed")
        message += part[:-2]
    return bytes(message[:nlen])


def decode_records(message: bytes) -> tuple[NdefRecord, ...]:
    records: list[NdefRecord] = []
    try:
        for rec in ndef.message_decoder(message, errors="relax"):
            if isinstance(rec, ndef.TextRecord):
                records.append(NdefRecord(rec.type, text=rec.text, language=rec.language))
            elif isinstance(rec, ndef.UriRecord):
                records.append(NdefRecord(rec.type, uri=rec.iri))
            else:
                records.append(NdefRecord(rec.type, data_hex=bytes(rec.data).hex()))
    except ndef.DecodeError as exc:
        raise CardReadError(f"NDEF message is malformed ({exc})") from None
    return tuple(records)


def read_card(transmit: Transmit, key: bytes, cards: CardList) -> CardData:
    if is_payment_card(transmit):
        return CardData(CardKind.PAYMENT, None, (), None)
    uid = read_uid(transmit)
    uid_hash = hash_uid(key, uid) if uid is not None else None
    message = read_ndef(transmit)
    records = decode_records(message) if message else ()
    kind, role = cards.classify(uid_hash, records)
    return CardData(kind, uid_hash, records, role)


def tapped(reader: str, data: CardData, at: datetime) -> CardTapped:
    return CardTapped(reader, data.kind, data.uid_hash, data.records, data.role, CARD_MESSAGES[data.kind], at)
