"""The card side of a virtual contactless card: UID, an optional NFC Forum Type 4 NDEF file and an
optional payment application.

`VirtualCardApplet.process(apdu)` answers one command APDU. The vpcd client (hardware/vcard/vpcd.py)
puts it behind pcscd; the simulated reader (hardware/nfc/simulator.py) calls it directly, so both see the
same card. The payment application holds a Luhn-valid test PAN in a record so tests can prove that
the kiosk never reads it: it is only returned to READ RECORD / GET PROCESSING OPTIONS, which the
reader service must never send.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

NDEF_AID = bytes.fromhex("D2760000850101")
CC_FILE = bytes.fromhex("E103")
NDEF_FILE = bytes.fromhex("E104")
PPSE = b"2PAY.SYS.DDF01"
VISA_AID = bytes.fromhex("A0000000031010")

# ATR of a contactless ISO 14443-4 card as a PC/SC reader reports it (PC/SC part 3)
DEFAULT_ATR = bytes.fromhex("3B80800101")  # T=1, no historical bytes, TCK 01

SW_OK = b"\x90\x00"
SW_NOT_FOUND = b"\x6a\x82"
SW_WRONG_P1P2 = b"\x6b\x00"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"
SW_NO_FILE_SELECTED = b"\x69\x86"
SW_FUNC_NOT_SUPPORTED = b"\x6a\x81"


def _tlv(tag: bytes, value: bytes) -> bytes:
    if len(value) > 0x7F:
        return tag + bytes([0x81, len(value)]) + value
    return tag + bytes([len(value)]) + value


@dataclass(frozen=True)
class CardProfile:
    uid: bytes = bytes.fromhex("04A1B2C3D4E580")
    atr: bytes = DEFAULT_ATR
    ndef: bytes | None = None  # the NDEF message (without NLEN); None: no NDEF application
    payment_pan: str | None = None  # a payment card: answers PPSE and the Visa AID; test PAN, Luhn-valid
    uid_supported: bool = True  # False: FF CA answers 6A 81 (reader cannot get the UID)
    ndef_max_read: int = 0x3B  # MLe in the capability container: forces chunked reads of long messages


@dataclass
class VirtualCardApplet:
    profile: CardProfile
    commands: list[bytes] = field(default_factory=list)  # every APDU received, for tests to inspect
    _selected_app: bytes = b""
    _selected_file: bytes = b""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self._lock:
            self._selected_app = b""
            self._selected_file = b""

    def process(self, apdu: bytes) -> bytes:
        with self._lock:
            self.commands.append(bytes(apdu))
            if len(apdu) < 4:
                return b"\x67\x00"
            cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
            if cla == 0xFF and ins == 0xCA:
                return self._get_uid(p1)
            if cla not in (0x00, 0x80):
                return SW_CLA_NOT_SUPPORTED
            if ins == 0xA4:
                return self._select(p1, p2, self._data(apdu))
            if ins == 0xB0:
                return self._read_binary((p1 << 8) | p2, apdu[4] if len(apdu) == 5 else 0)
            if ins in (0xB2, 0xA8) and self._selected_app == VISA_AID and self.profile.payment_pan:
                # READ RECORD / GPO: card data a payment terminal would read. The kiosk must never ask.
                record = _tlv(b"\x5a", bytes.fromhex(self._pan_bcd())) + _tlv(b"\x5f\x24", bytes.fromhex("301231"))
                return _tlv(b"\x70", record) + SW_OK
            return SW_INS_NOT_SUPPORTED

    def _pan_bcd(self) -> str:
        pan = self.profile.payment_pan or ""
        return pan + ("F" if len(pan) % 2 else "")

    @staticmethod
    def _data(apdu: bytes) -> bytes:
        if len(apdu) < 5:
            return b""
        lc = apdu[4]
        return apdu[5 : 5 + lc]

    def _get_uid(self, p1: int) -> bytes:
        if not self.profile.uid_supported:
            return SW_FUNC_NOT_SUPPORTED
        if p1 != 0x00:
            return SW_WRONG_P1P2
        return self.profile.uid + SW_OK

    def _select(self, p1: int, p2: int, data: bytes) -> bytes:
        if p1 == 0x04:  # by name (AID)
            if data == PPSE and self.profile.payment_pan:
                self._selected_app = PPSE
                entry = _tlv(b"\x61", _tlv(b"\x4f", VISA_AID) + _tlv(b"\x87", b"\x01"))
                fci = _tlv(b"\x6f", _tlv(b"\x84", PPSE) + _tlv(b"\xa5", _tlv(b"\xbf\x0c", entry)))
                return fci + SW_OK
            if data == VISA_AID and self.profile.payment_pan:
                self._selected_app = VISA_AID
                return _tlv(b"\x6f", _tlv(b"\x84", VISA_AID) + _tlv(b"\xa5", _tlv(b"\x50", b"VISA"))) + SW_OK
            if data == NDEF_AID and self.profile.ndef is not None:
                self._selected_app = NDEF_AID
                self._selected_file = b""
                return SW_OK
            self._selected_app = b""
            return SW_NOT_FOUND
        if p1 == 0x00 and self._selected_app == NDEF_AID and data in (CC_FILE, NDEF_FILE):
            self._selected_file = data
            return SW_OK
        return SW_NOT_FOUND

    def _file(self) -> bytes | None:
        if self._selected_app != NDEF_AID or self.profile.ndef is None:
            return None
        if self._selected_file == CC_FILE:
            max_size = len(self.profile.ndef) + 2
            ndef_tlv = b"\x04\x06" + NDEF_FILE + max_size.to_bytes(2, "big") + b"\x00\xff"
            return b"\x00\x0f\x20" + self.profile.ndef_max_read.to_bytes(2, "big") + b"\x00\x34" + ndef_tlv
        if self._selected_file == NDEF_FILE:
            return len(self.profile.ndef).to_bytes(2, "big") + self.profile.ndef
        return None

    def _read_binary(self, offset: int, le: int) -> bytes:
        content = self._file()
        if content is None:
            return SW_NO_FILE_SELECTED
        if offset > len(content):
            return SW_WRONG_P1P2
        return content[offset : offset + (le or 256)] + SW_OK
