"""The ledger on real SQLite files: sales, refunds, read models, append-only journal, PRAGMAs."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DatabaseError

from kiosk.domain.business_day import OrderNumberMode
from kiosk.ledger import LedgerError
from kiosk.ledger.db import LedgerConfigError
from kiosk.ledger.models import JournalRow
from kiosk.ledger.verify import verify_journal
from kiosk.ports import FakeClock
from kiosk.reports import sales_report
from tests.ledger.helpers import card_payment, make_order, open_ledger


def test_sale_writes_journal_and_read_models_together(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, 15, tzinfo=UTC))  # 12:15 KST
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        order = make_order(clock, "croissant", "milk_1l")
        sale = ledger.record_sale(order, card_payment(order))
        assert sale.order_number == 1
        assert sale.business_date == date(2026, 11, 21)
        second = make_order(clock, "scone")
        assert ledger.record_sale(second, card_payment(second)).order_number == 2
        entries = ledger.entries_after(0)
        assert [e.seq for e in entries] == [1, 2]
        payload = json.loads(entries[0].payload)
        assert payload["order"]["id"] == order.id
        assert payload["totals"] == {"total": 6700, "taxable": 3500, "tax_free": 3200, "supply_value": 3182, "vat": 318}
        report = sales_report(ledger, date(2026, 11, 21))
        assert (report.sale_count, report.gross, report.vat, report.tax_free_total) == (2, 9900, 318 + 291, 3200)
        assert report.by_hour == {12: (2, 9900)}
        assert report.by_method == {"card": (2, 9900)}
        assert {i.item_id: i.quantity for i in report.by_item} == {"croissant": 1, "milk_1l": 1, "scone": 1}
    finally:
        ledger.close()
    assert verify_journal(tmp_path / "l.db").ok


def test_payment_must_match_the_order(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        order = make_order(clock)
        bad = card_payment(order)
        with pytest.raises(LedgerError, match="does not match"):
            ledger.record_sale(order, type(bad)(bad.method, bad.amount - 1))
        ledger.record_sale(order, card_payment(order))
        with pytest.raises(LedgerError, match="already recorded"):
            ledger.record_sale(order, card_payment(order))
        assert ledger.last_seq() == 1  # the refused duplicate left nothing behind
    finally:
        ledger.close()


def test_refund_is_a_reversal_entry(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        order = make_order(clock)
        ledger.record_sale(order, card_payment(order))
        clock.advance(600)
        ledger.record_refund(order.id, reason="고객 변심")
        with pytest.raises(LedgerError, match="already refunded"):
            ledger.record_refund(order.id)
        with pytest.raises(LedgerError, match="no order"):
            ledger.record_refund("nope")
        kinds = [e.kind for e in ledger.entries_after(0)]
        assert kinds == ["sale.completed", "sale.refunded"]
        report = sales_report(ledger, date(2026, 11, 21))
        assert (report.gross, report.refunds, report.net, report.refund_count) == (6700, 6700, 0, 1)
        assert report.vat == 0 and report.supply_value == 0
    finally:
        ledger.close()


def test_read_models_rebuild_from_the_journal(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        for items in (("croissant",), ("scone", "milk_1l"), ("eggs",)):
            order = make_order(clock, *items)
            ledger.record_sale(order, card_payment(order))
            clock.advance(60)
        ledger.record_refund(order.id)
        before = sales_report(ledger, date(2026, 11, 21))
        assert ledger.rebuild_read_models() == 4
        assert sales_report(ledger, date(2026, 11, 21)) == before
    finally:
        ledger.close()


def test_random_order_numbers_are_unique_per_day(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock, order_numbers=OrderNumberMode.RANDOM, rng=random.Random(7))
    try:
        numbers = []
        for _ in range(50):
            order = make_order(clock, "macaron")
            numbers.append(ledger.record_sale(order, card_payment(order)).order_number)
        assert len(set(numbers)) == 50 and all(1000 <= n <= 9999 for n in numbers)
        assert numbers != sorted(numbers)
    finally:
        ledger.close()


def test_journal_refuses_update_and_delete(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    path = tmp_path / "l.db"
    ledger = open_ledger(path, clock)
    try:
        order = make_order(clock)
        ledger.record_sale(order, card_payment(order))
        with ledger.transaction() as tx, pytest.raises(DatabaseError, match="append-only: UPDATE refused"):
            tx.session.execute(update(JournalRow).where(JournalRow.seq == 1).values(payload="{}"))
        with ledger.transaction() as tx, pytest.raises(DatabaseError, match="append-only: DELETE refused"):
            tx.session.execute(delete(JournalRow))
    finally:
        ledger.close()
    raw = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="UPDATE refused"):
            raw.execute("UPDATE journal SET kind='x'")
        with pytest.raises(sqlite3.DatabaseError, match="DELETE refused"):
            raw.execute("DELETE FROM journal")
    finally:
        raw.close()
    assert verify_journal(path).ok


def _desync_pragma(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")  # injected fault: a weaker durability setting


def test_refuses_to_start_without_required_pragmas(tmp_path: Path) -> None:
    with pytest.raises(LedgerConfigError, match="synchronous=1, but 2 is required"):
        open_ledger(tmp_path / "weak.db", on_connect=_desync_pragma)
    with pytest.raises(LedgerConfigError, match="journal_mode=memory, but wal is required"):
        open_ledger(Path(":memory:"))


def test_transactions_really_begin(tmp_path: Path) -> None:
    """With pysqlite's own handling, a failed write would leave earlier writes of the transaction committed."""
    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    try:
        with pytest.raises(RuntimeError), ledger.transaction() as tx:
            tx.append("admin.test", {"n": 1})
            assert tx.session.execute(text("SELECT count(*) FROM journal")).scalar() == 1
            raise RuntimeError("power cut")
        assert ledger.last_seq() == 0
    finally:
        ledger.close()


def test_another_thread_never_joins_an_open_transaction(tmp_path: Path) -> None:
    """The sync worker or a printer completion writing while a sale's transaction is open must get its own
    transaction: if it joined the sale's, a rolled-back sale would take the other entry with it."""
    import threading

    clock = FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC))
    ledger = open_ledger(tmp_path / "l.db", clock)
    other_done = threading.Event()

    def other() -> None:
        ledger.record("catalog.applied", {"version": 2})
        other_done.set()

    worker = threading.Thread(target=other)
    try:
        with pytest.raises(RuntimeError), ledger.transaction() as tx:
            tx.append("admin.test", {"n": 1})
            worker.start()
            assert not other_done.wait(0.3)  # it waits for our write lock instead of joining us
            raise RuntimeError("sale aborted")
        worker.join(10)
        assert other_done.is_set()
        assert [(e.seq, e.kind) for e in ledger.entries_after(0)] == [(1, "catalog.applied")]
    finally:
        worker.join(10)
        ledger.close()
