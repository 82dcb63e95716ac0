"""`kiosk run`'s early start (kiosk/ledger/precheck.py, app/commands/run.py): a real process on the demo
shop and real ledger files. Touch works before the ledger side is attached only when the pre-check finds
nothing to recover, a clean close and the current schema; paying waits for the ledger side; an open
payment intent or a dirty close keeps the old order (recovery first); a ledger that cannot be used after
an early touch cancels the order with the out-of-order screen and loses nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from tests.helpers.processes import kill, read_until

pytestmark = pytest.mark.slow
CHILD = REPO_ROOT / "tests" / "helpers" / "early_child.py"


def start(data: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), "--windowed", *extra],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "KIOSK_DATA_DIR": str(data),
            "KIOSK_LEDGER_CHECKS_DIR": str(data.parent / "checks"),  # this test's clean-close records
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run(data: Path) -> list[str]:
    """One start to its end (the child quits by itself); its output lines. It must end cleanly."""
    proc = start(data)
    try:
        out, _ = proc.communicate(timeout=90)
    finally:
        kill(proc)
    lines = out.splitlines()
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    assert ".qml:" not in out and "QEventLoop" not in out  # no QML or Qt warnings
    return lines


def index(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(start))


def has(lines: list[str], start: str) -> bool:
    return any(line.startswith(start) for line in lines)


def sales(ledger: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])


def test_touch_before_the_ledger_side_when_clean_and_paying_waits_for_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run(data)  # a new ledger: created and migrated first, so nobody starts early
    assert not has(first, "STAGE touch")
    assert any("customers start once the ledger side is up: no ledger file yet" in line for line in first)
    assert "PAID-STEP step=payment_method" in "\n".join(first)

    again = run(data)  # closed cleanly, nothing open: touch works before the ledger side is attached
    touch, ready = index(again, "STAGE touch"), index(again, "STAGE ready")
    assert touch < ready
    assert again[touch].startswith("STAGE touch step=attract touch=True pay=False")
    order = index(again, "ORDER")
    assert order < ready and again[order].startswith("ORDER step=cart touch=True pay=False cart=1")
    # Pay before the ledger side is up: the order stays in the cart (the button says to wait) ...
    assert again[index(again, "PAY-EARLY")].startswith("PAY-EARLY step=cart touch=True pay=False cart=1")
    # ... and works once it is: the same order goes on to the payment methods, recovery having run first.
    assert again[ready].startswith("STAGE ready step=cart touch=True pay=True cart=1")
    assert again[index(again, "PAID-STEP")].startswith("PAID-STEP step=payment_method")
    assert index(again, "STAGE first-frame") < touch
    recovered = next(i for i, line in enumerate(again) if "결제 복구" in line)
    assert touch < recovered < ready
    assert sales(data / "ledger.sqlite3") == 0


def test_an_open_payment_intent_is_recovered_before_any_touch(tmp_path: Path) -> None:
    from kiosk.domain.order import PaymentMethod
    from kiosk.ledger import Ledger
    from kiosk.payments.intents import IntentState, IntentStore

    data = tmp_path / "data"
    run(data)
    os.environ["KIOSK_LEDGER_CHECKS_DIR"] = str(tmp_path / "checks")  # the close below records a clean close
    try:
        ledger = Ledger.open(data / "ledger.sqlite3")
        try:
            IntentStore(ledger).create("intent-open-1", "order-1", PaymentMethod.CARD, 4500)
        finally:
            ledger.close()
    finally:
        del os.environ["KIOSK_LEDGER_CHECKS_DIR"]

    lines = run(data)
    assert not has(lines, "STAGE touch")  # the open intent: touch waits for recovery, as before
    assert any("customers start once the ledger side is up: open payment intents" in line for line in lines)
    assert lines[index(lines, "STAGE ready")].startswith("STAGE ready step=attract touch=True pay=True")
    ledger = Ledger.open(data / "ledger.sqlite3")
    try:
        assert IntentStore(ledger).get("intent-open-1").state is IntentState.CANCELLED  # resolved first
    finally:
        ledger.close()


def test_after_a_dirty_close_touch_waits_for_the_full_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data)
    proc = start(data)  # killed while running: no clean close
    try:
        read_until(proc, "STAGE ready")
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        kill(proc)
    lines = run(data)
    assert not has(lines, "STAGE touch")
    assert any("ledger side is up: the ledger was not closed cleanly" in line for line in lines)
    assert has(lines, "PAID-STEP step=payment_method")


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """The data directory cannot be written (a file system gone read-only after errors): root ignores
    permissions, so it gets the immutable attribute instead."""
    if os.geteuid() == 0:
        try:
            made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True, check=False)
        except FileNotFoundError:  # e2fsprogs (Debian's default) not installed
            pytest.skip("cannot make a read-only directory here: no chattr")
        if made.returncode != 0:  # a file system without the attribute (tmpfs)
            pytest.skip(f"cannot make a read-only directory here: {made.stderr.strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_a_ledger_that_cannot_be_used_after_an_early_touch_cancels_the_order_out_of_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run(data)
    ledger = data / "ledger.sqlite3"
    before = hashlib.sha256(ledger.read_bytes()).hexdigest()
    with unwritable(data):
        lines = run(data)
    # The pre-check read a clean ledger: the customer started an order ...
    assert index(lines, "ORDER step=cart") < index(lines, "OUT-OF-ORDER")
    # ... the full open could not write it: the order is gone, the screen says out of order, nothing lost.
    assert lines[index(lines, "OUT-OF-ORDER")].startswith("OUT-OF-ORDER step=attract touch=False pay=False cart=0")
    assert not has(lines, "STAGE ready")
    assert any("out of order" in line and "cannot be written" in line for line in lines), "\n".join(lines)
    assert hashlib.sha256(ledger.read_bytes()).hexdigest() == before
    assert sales(ledger) == 0
