"""`kiosk staff register-card`: the owner signs in, the card is tapped on a real reader (pcscd + vpcd), and
its keyed hash becomes the person's card; then card + PIN signs them in (docs/STAFF.md)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hardware.vcard import CardProfile, VirtualCard
from kiosk.config import REPO_ROOT
from kiosk.devices.nfc import hash_uid
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from kiosk.session.modes import Role, SignedIn
from kiosk.staff.service import StaffService
from tests.devices.pcsc import PcscService

OWNER_PIN = "482915"
UID = bytes.fromhex("04C0FFEE123456")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "KIOSK_DATA_DIR": str(tmp_path / "data")}


def _staff(tmp_path: Path, db: Path, *argv: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", *argv, "--db", str(db)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        timeout=60,
    )


def test_tap_to_register_a_staff_card(
    running_pcscd: PcscService, insert_card: Callable[..., VirtualCard], tmp_path: Path
) -> None:
    db = tmp_path / "ledger.sqlite3"
    made = _staff(tmp_path, db, "init-owner", "--name", "김사장", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert made.returncode == 0, made.stderr
    pin_file = tmp_path / "pin"
    pin_file.write_text(OWNER_PIN + "\n")
    argv = ["register-card", "김사장", "--db", str(db), "--reader", "Virtual PCD 00 00", "--pin-stdin"]
    with pin_file.open() as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "staff", *argv, "--timeout", "60"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env=_env(tmp_path),
        )
    assert proc.stdout is not None
    try:
        asked = proc.stdout.readline()
        assert asked.startswith("Tap 김사장's card"), asked
        insert_card(CardProfile(uid=UID))
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "registered to 김사장" in rest
    key = (tmp_path / "data" / "nfc-uid.key").read_bytes()
    card = hash_uid(key, UID)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT card_hash FROM staff").fetchall() == [(card,)]
        journal = " ".join(r[0] for r in conn.execute("SELECT payload FROM journal"))
    finally:
        conn.close()
    assert card in journal and UID.hex() not in journal.lower()
    ledger = Ledger.open(db, clock=FakeClock(datetime(2026, 11, 21, tzinfo=UTC)), tz=ZoneInfo("Asia/Seoul"))
    try:
        who = StaffService(ledger).sign_in(OWNER_PIN, card)
    finally:
        ledger.close()
    assert isinstance(who, SignedIn) and who.role is Role.OWNER and who.name == "김사장"


def test_no_tap_registers_nothing(running_pcscd: PcscService, tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    assert _staff(tmp_path, db, "init-owner", "--name", "김사장", "--pin-stdin", stdin=OWNER_PIN + "\n").returncode == 0
    waited = _staff(
        tmp_path,
        db,
        "register-card",
        "김사장",
        "--reader",
        "Virtual PCD 00 00",
        "--timeout",
        "1",
        "--pin-stdin",
        stdin=OWNER_PIN + "\n",
    )
    assert waited.returncode == 1 and "no card was tapped within 1 s" in waited.stderr
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT card_hash FROM staff").fetchall() == [(None,)]
    finally:
        conn.close()
