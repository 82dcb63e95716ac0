"""Building the device services from the settings: the NFC reader and the scanner, their keys and lists.

The shop's UID key (HMAC key for card UIDs) lives in ``<data_dir>/nfc-uid.key`` (32 random bytes, mode
0600), created on first use; it never goes into the database, a log or a sync payload.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.nfc import NfcReaderService, build_nfc_reader
from hardware.scanner import ScannerService, build_scanner
from hardware.worker import Listener
from kiosk.config import Settings
from kiosk.devices.nfc import CardList

if TYPE_CHECKING:
    from kiosk.staff.service import StaffService


def uid_key(settings: Settings) -> bytes:
    path = settings.data_path / "nfc-uid.key"
    try:
        key = path.read_bytes()
        if len(key) >= 16:
            return key
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def card_list(settings: Settings, staff: StaffService | None = None) -> CardList:
    """The shop's card list file (`nfc.card_list`). With the staff register (`staff`), staff cards are the
    register's and the file's staff entries are ignored (kiosk.staff.cards, docs/STAFF.md)."""
    cards = CardList()
    if settings.nfc.card_list:
        path = Path(settings.nfc.card_list)
        if not path.is_absolute() and settings.source not in ("", "<defaults>"):
            path = Path(settings.source).parent / path
        cards = CardList.load(path)
    if staff is None:
        return cards
    from kiosk.staff.cards import staff_card_list

    return staff_card_list(cards, staff.card_role, settings.nfc.card_list or "nfc.card_list")


def nfc_reader(
    settings: Settings, listener: Listener, url: str | None = None, staff: StaffService | None = None
) -> NfcReaderService:
    return build_nfc_reader(
        url or settings.nfc.reader, key=uid_key(settings), cards=card_list(settings, staff), listener=listener
    )


def scanner(settings: Settings, listener: Listener) -> ScannerService:
    return build_scanner(settings.scanner.url, baudrate=settings.scanner.baudrate, listener=listener)
