"""`kiosk day status|open|x|close|z|reopen` as a real process: the same operations as the screens, PINs from
stdin, one clear line and a distinct exit status for each refusal (docs/EXIT-STATUS.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from kiosk.domain.order import PaymentMethod
from kiosk.payments.intents import IntentStore
from kiosk.session.modes import Role, SignedIn
from kiosk.staff.service import PinChangeRequired, StaffService
from tests.helpers.counter import make_world

OWNER_PIN = "482915"
STAFF_PIN = "730418"


def day(db: Path, *args: str, pin: str | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--pin-stdin"] if pin is not None else []
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "day", *args, "--db", str(db), *extra],
        input=(pin + "\n") if pin is not None else "",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "KIOSK_DATA_DIR": str(db.parent)},
        timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite3"
    w = make_world(path)
    try:
        staff = StaffService(w.ledger)
        staff.init_owner("김사장", OWNER_PIN)
        owner = staff.sign_in(OWNER_PIN)
        assert isinstance(owner, SignedIn)
        _, one_time = staff.add(owner, "박직원", Role.STAFF)
        first = staff.sign_in(one_time)
        assert isinstance(first, PinChangeRequired)
        staff.complete_pin_change(first.token, STAFF_PIN)
    finally:
        w.close()
    return path


def _line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


@pytest.mark.slow
def test_a_day_from_the_command_line(db: Path, tmp_path: Path) -> None:
    assert day(tmp_path / "nope.sqlite3", "status").returncode == 2
    status = day(db, "status", "--json")
    assert status.returncode == 0 and json.loads(status.stdout)["open"] is False
    opened = day(db, "open", "--float", "50000", pin=STAFF_PIN)
    assert opened.returncode == 0, opened.stderr
    again = day(db, "open", "--float", "50000", pin=STAFF_PIN)
    assert again.returncode == 6 and "already open" in _line(again)
    x = day(db, "x", "--json", pin=STAFF_PIN)
    assert x.returncode == 0 and json.loads(x.stdout)["cash"]["expected"] == 50_000
    not_owner = day(db, "close", "--count", "50000x1", pin=STAFF_PIN)
    assert not_owner.returncode == 1 and "owner" in _line(not_owner)
    bad = day(db, "close", "--count", "30000x1", pin=OWNER_PIN)
    assert bad.returncode == 2 and "Korean note" in _line(bad)
    closed = day(db, "close", "--count", "50000x1", "--print", "--sim-out", str(tmp_path / "sim"), pin=OWNER_PIN)
    assert closed.returncode == 0, closed.stderr
    assert "마감 정산 Z 0001" in closed.stdout and (tmp_path / "sim" / "page-0001.png").exists()
    z = day(db, "z", "--json")
    assert z.returncode == 0 and json.loads(z.stdout)["z_number"] == 1
    missing = day(db, "z", "--number", "7")
    assert missing.returncode == 2 and "7" in _line(missing)
    reopened = day(db, "reopen", "--reason", "실수", pin=OWNER_PIN)
    assert reopened.returncode == 0, reopened.stderr


@pytest.mark.slow
def test_close_is_refused_while_a_payment_is_unresolved(db: Path) -> None:
    assert day(db, "open", "--float", "0", pin=STAFF_PIN).returncode == 0
    w = make_world(db)
    try:
        IntentStore(w.ledger).create("stuck-1", "order-1", PaymentMethod.CARD, 4_500)
    finally:
        w.close()
    refused = day(db, "close", "--count", "", pin=OWNER_PIN)
    assert refused.returncode == 7 and "unresolved" in _line(refused)
    assert json.loads(day(db, "status", "--json").stdout)["unresolved"]
