"""`kiosk staff` as an installer and an owner use it: real processes, a real ledger file, the real PIN cost,
a pseudo-terminal for the PIN asked twice."""

from __future__ import annotations

import os
import pty
import re
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT

OWNER_PIN = "482915"


def kiosk(db: Path, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "staff", *argv, "--db", str(db)],
        cwd=REPO_ROOT,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def staff_rows(db: Path) -> list[tuple[str, str, int]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name, role, active FROM staff ORDER BY created_at").fetchall()
    finally:
        conn.close()


@pytest.mark.slow  # about 15 processes, each hashing PINs at the real cost
def test_set_up_and_manage_from_a_shell(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    assert kiosk(db, "list").returncode == 2  # no ledger: nothing is created
    assert not db.exists()

    bad = kiosk(db, "init-owner", "--name", "김사장", "--pin-stdin", stdin="123456\n")
    assert bad.returncode == 2 and "too easy" in bad.stderr and "Traceback" not in bad.stderr
    listed = kiosk(db, "list")
    assert listed.returncode == 0 and "No owner is set up" in listed.stdout and "init-owner" in listed.stdout

    made = kiosk(db, "init-owner", "--name", "김사장", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert made.returncode == 0, made.stderr
    again = kiosk(db, "init-owner", "--name", "누구", "--pin-stdin", stdin="902817\n")
    assert again.returncode == 1 and "already has an owner" in again.stderr

    refused = kiosk(db, "add", "이알바", "--pin-stdin", stdin="550912\n")
    assert refused.returncode == 1 and refused.stderr.strip() == "kiosk: Wrong PIN."
    no_tty = kiosk(db, "add", "이알바")
    assert no_tty.returncode == 2 and "--pin-stdin" in no_tty.stderr
    argv_pin = kiosk(db, "add", "이알바", "--pin", OWNER_PIN)
    assert argv_pin.returncode == 2  # there is no way to give a PIN on the command line

    added = kiosk(db, "add", "이알바", "--role", "manager", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert added.returncode == 0, added.stderr
    one_time = re.search(r"One-time PIN: (\d{6})", added.stdout)
    assert one_time is not None
    assert staff_rows(db) == [("김사장", "owner", 1), ("이알바", "manager", 1)]

    # A one-time PIN is not good for managing: its holder must choose their own first.
    early = kiosk(db, "add", "박알바", "--pin-stdin", stdin=one_time.group(1) + "\n")
    assert early.returncode == 1 and "one-time PIN" in early.stderr

    assert kiosk(db, "set-role", "이알바", "staff", "--pin-stdin", stdin=OWNER_PIN + "\n").returncode == 0
    reset = kiosk(db, "reset-pin", "이알바", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert reset.returncode == 0 and re.search(r"One-time PIN for 이알바: \d{6}", reset.stdout)
    unknown = kiosk(db, "remove", "최", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert unknown.returncode == 2 and "kiosk staff list" in unknown.stderr
    last = kiosk(db, "remove", "김사장", "--pin-stdin", stdin=OWNER_PIN + "\n")
    assert last.returncode == 1 and "last owner" in last.stderr
    assert kiosk(db, "remove", "이알바", "--pin-stdin", stdin=OWNER_PIN + "\n").returncode == 0
    assert staff_rows(db) == [("김사장", "owner", 1), ("이알바", "staff", 0)]
    everyone = kiosk(db, "list", "--all")
    assert "(removed)" in everyone.stdout and OWNER_PIN not in everyone.stdout

    verified = subprocess.run(
        [sys.executable, "-m", "kiosk", "ledger", "verify", "--db", str(db)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verified.returncode == 0 and verified.stdout.startswith("OK:")


def _read_until(fd: int, wanted: bytes, seen: bytearray) -> None:
    while wanted not in seen:
        ready, _, _ = select.select([fd], [], [], 30)
        assert ready, f"no {wanted!r} on the terminal; got {bytes(seen)!r}"
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            chunk = b""
        assert chunk, f"the command ended before {wanted!r}; got {bytes(seen)!r}"
        seen += chunk


def _init_owner_on_a_tty(db: Path, first: str, second: str) -> tuple[int, bytes]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, with the pseudo-terminal as its terminal
        os.chdir(REPO_ROOT)
        argv = [sys.executable, "-m", "kiosk", "staff", "init-owner", "--name", "김사장", "--db", str(db)]
        os.execv(sys.executable, argv)
    seen = bytearray()
    try:
        _read_until(fd, b"PIN (6 digits): ", seen)
        os.write(fd, first.encode() + b"\n")
        _read_until(fd, b"Again, to be sure: ", seen)
        os.write(fd, second.encode() + b"\n")
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            assert ready, bytes(seen)
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), bytes(seen)


def test_the_first_owner_pin_is_asked_twice_on_the_terminal_and_not_echoed(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    code, out = _init_owner_on_a_tty(db, OWNER_PIN, "482951")
    assert code == 2 and b"the two PINs differ" in out
    assert staff_rows(db) == []
    code, out = _init_owner_on_a_tty(db, OWNER_PIN, OWNER_PIN)
    assert code == 0 and "김사장 is set up".encode() in out
    assert OWNER_PIN.encode() not in out  # not echoed
    assert staff_rows(db) == [("김사장", "owner", 1)]
