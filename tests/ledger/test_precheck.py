"""The start-up pre-check (kiosk/ledger/precheck.py) on real ledger files: "clean" only for a ledger closed
cleanly, at this version's schema, with no open payment intent and no open refund request; anything else
(a new ledger, a crash, migrations to run, an open intent or refund, a file that is not a ledger) is not
clean. It reads through the indexes and writes nothing, not even a -wal beside the file."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.domain.order import PaymentMethod
from kiosk.ledger import cleanclose
from kiosk.ledger.precheck import OPEN_INTENTS, check_start, revision_heads
from kiosk.payments.intents import REFUND_REQUESTED_KIND, IntentState, IntentStore
from kiosk.ports import FakeClock
from tests.ledger.helpers import card_payment, make_order, open_ledger, sell_and_close

START = datetime(2026, 11, 21, 3, tzinfo=UTC)


@pytest.fixture(autouse=True)
def checks_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "checks"
    monkeypatch.setenv("KIOSK_LEDGER_CHECKS_DIR", str(folder))
    yield folder


def test_a_cleanly_closed_ledger_with_nothing_open_is_clean_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 5)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, path.stat().st_ctime_ns)
    check = check_start(path, clock.now().timestamp())
    assert check.clean, check.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checks", "ledger.sqlite3"]  # no -wal, no -shm
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, path.stat().st_ctime_ns)
    assert after == before
    assert cleanclose.trusted_since(path, clock.now().timestamp()) is not None  # the full open still skips


def test_a_new_ledger_a_crash_or_an_old_schema_is_not_clean(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    now = clock.now().timestamp()
    assert "no ledger file yet" in check_start(path, now).reason
    sell_and_close(path, clock, 5)
    ledger = open_ledger(path, clock)  # open now, as after a crash: the record is gone and a -wal exists
    try:
        assert "not closed cleanly" in check_start(path, now).reason
    finally:
        ledger.close()
    assert check_start(path, now).clean
    with sqlite3.connect(path) as conn:  # another version's schema (an update not migrated yet)
        conn.execute("UPDATE alembic_version SET version_num = '0099' WHERE version_num = ?", (min(revision_heads()),))
    conn.close()
    cleanclose.remember(path, now)  # even with a record that trusts the file as it is now
    assert "is migrated first" in check_start(path, now).reason


def test_an_open_payment_intent_is_not_clean_until_it_is_final(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 5)
    ledger = open_ledger(path, clock)
    try:
        IntentStore(ledger).create("i-1", "o-1", PaymentMethod.CARD, 4500)
    finally:
        ledger.close()
    assert "open payment intents" in check_start(path, clock.now().timestamp()).reason
    ledger = open_ledger(path, clock)
    try:
        IntentStore(ledger).transition("i-1", IntentState.CANCELLED, reason="test")
    finally:
        ledger.close()
    assert check_start(path, clock.now().timestamp()).clean


def test_an_approval_without_its_order_or_an_open_refund_is_not_clean(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    clock = FakeClock(START)
    sell_and_close(path, clock, 5)
    order = make_order(clock)
    ledger = open_ledger(path, clock)
    try:
        store = IntentStore(ledger)
        store.create("i-2", order.id, PaymentMethod.CARD, order.total)
        store.transition("i-2", IntentState.SENT)
        store.transition("i-2", IntentState.APPROVED, approval_no="30012345")
    finally:
        ledger.close()
    assert "open payment intents" in check_start(path, clock.now().timestamp()).reason  # approved, no order
    ledger = open_ledger(path, clock)
    try:
        IntentStore(ledger)
        ledger.record_sale(order, replace(card_payment(order), id="i-2"))
    finally:
        ledger.close()
    assert check_start(path, clock.now().timestamp()).clean
    ledger = open_ledger(path, clock)
    try:
        IntentStore(ledger)
        ledger.record(REFUND_REQUESTED_KIND, {"intent_id": "i-2", "order_id": order.id, "reason": "test"})
    finally:
        ledger.close()
    assert "open refund requests" in check_start(path, clock.now().timestamp()).reason


def test_a_file_that_is_not_a_ledger_is_not_clean(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    now = FakeClock(START).now().timestamp()
    cleanclose.remember(path, now)
    assert not check_start(path, now).clean


def test_the_open_intent_query_uses_the_open_intents_index(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    sell_and_close(path, FakeClock(START), 0)
    with sqlite3.connect(path) as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + OPEN_INTENTS))
    conn.close()
    assert "ix_payment_intents_state_open" in plan and "SCAN payment_intents" not in plan, plan
