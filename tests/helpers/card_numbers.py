"""The card-number scan: no file the tests' apps write may hold a Luhn-valid 13-19 digit run."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.payments.masking import luhn_valid

_CARD_RUN = re.compile(rb"(?<![0-9A-Za-z])\d{13,19}(?![0-9A-Za-z])")
_SIM_PAN = re.compile(rb"536512\d{10}")  # every number the terminal simulator issues starts so
# The last group of a UUID is 12 hex characters; in an SQLite index it is followed by the row's key,
# a binary integer whose byte can read as an ASCII digit, which made "…-526369747524" + "1" a 13-digit run.
_UUID_PREFIX = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-$")


def card_numbers_in(root: Path) -> list[tuple[Path, str]]:
    """Luhn-valid 13-19 digit runs in every file under `root` (database, WAL, logs, payloads).

    Runs glued to letters are skipped (a hex hash may hold 13 digits in a row by chance), and so are
    runs that start a UUID's last group; numbers issued by our terminal simulator are looked for
    everywhere, glued or not."""
    found: list[tuple[Path, str]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for m in [*_CARD_RUN.finditer(data), *_SIM_PAN.finditer(data)]:
            run = m.group().decode()
            if _UUID_PREFIX.search(data[max(0, m.start() - 24) : m.start()]):
                continue
            if luhn_valid(run):
                found.append((path, run))
    return found


# Phone numbers (DESIGN §14's pattern) and business numbers a customer gave for a cash receipt: never in clear
# in a file. The tax office's public self-issue number 010-000-1234 is not a person's and may appear.
# Runs glued to letters are skipped, as for card numbers: a hex hash or id holds "0174071335..." by chance.
_PHONE = re.compile(rb"(?<![0-9A-Za-z])01[016-9]-?\d{3,4}-?\d{4}(?![0-9A-Za-z])")
_SELF_ISSUE = {"0100001234"}


def phone_numbers_in(root: Path) -> list[tuple[Path, str]]:
    """Korean mobile numbers (with or without dashes) in every file under `root`, but the self-issue one."""
    found: list[tuple[Path, str]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for m in _PHONE.finditer(data):
            digits = m.group().decode().replace("-", "")
            if digits not in _SELF_ISSUE and not _UUID_PREFIX.search(data[max(0, m.start() - 24) : m.start()]):
                found.append((path, digits))
    return found


def numbers_in(root: Path, numbers: list[str]) -> list[tuple[Path, str]]:
    """Where any of `numbers` (e.g. a customer's business number) appears in a file under `root`, as digits
    or in the usual dashed forms (123-45-67890, 010-1234-5678)."""
    forms: dict[bytes, str] = {}
    for n in numbers:
        forms[n.encode()] = n
        if len(n) == 10:
            forms[f"{n[:3]}-{n[3:5]}-{n[5:]}".encode()] = n
        if len(n) == 11:
            forms[f"{n[:3]}-{n[3:7]}-{n[7:]}".encode()] = n
    found: list[tuple[Path, str]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        found.extend((path, n) for form, n in forms.items() if form in data)
    return found
