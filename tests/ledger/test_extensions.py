"""The ledger's public extension points for other areas' read models (docs/LEDGER.md, "Read models of other
areas"): a kind's projector and a sale's check / rows run in the transaction that appends the entry, so
a refusal or a crash leaves neither the entry nor any row; a sale's extra rows come back on a rebuild."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.ids import uuid7
from kiosk.ledger import Ledger, LedgerError
from kiosk.ledger.ledger import SALE_COMPLETED, SALE_REFUNDED, LedgerTransaction
from kiosk.ledger.models import OrderRow, PaymentRow
from kiosk.ports import FakeClock
from kiosk.protocol import JournalEntry
from tests.ledger.helpers import card_payment, make_order, open_ledger

NOW = datetime(2026, 11, 21, 3, 15, tzinfo=UTC)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    opened = open_ledger(tmp_path / "l.db", FakeClock(NOW))
    yield opened
    opened.close()


def _payments(ledger: Ledger) -> list[tuple[str, int]]:
    with ledger.reading() as s:
        return [(r.method, r.amount) for r in s.execute(select(PaymentRow).order_by(PaymentRow.method)).scalars()]


def _orders(ledger: Ledger) -> int:
    with ledger.reading() as s:
        return len(s.execute(select(OrderRow.id)).all())


def _tip(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
    """An area's rows for every sale: one more payment row (as a split tender's second part)."""
    part = {"id": uuid7(), "method": "cash", "amount": 100, "provider": "", "approval_no": "", "issuer": ""}
    tx.add_payment(payload["order"]["id"], payload["business_date"], {**part, "masked_card": "", "installments": 0})


def test_a_sale_check_that_refuses_leaves_no_entry_and_no_row(ledger: Ledger) -> None:
    def refuse(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        raise LedgerError("the probe refuses every sale")

    ledger.extend_sale("probe", check=refuse, project=_tip)
    order = make_order(FakeClock(NOW))
    with pytest.raises(LedgerError, match="probe refuses"):
        ledger.record_sale(order, card_payment(order))
    assert ledger.last_seq() == 0 and _orders(ledger) == 0 and _payments(ledger) == []


def test_a_sales_extra_rows_commit_with_it_once_per_name_and_come_back_on_a_rebuild(ledger: Ledger) -> None:
    calls: list[int] = []

    def count(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        calls.append(entry.seq)

    ledger.extend_sale("probe", project=_tip)
    ledger.extend_sale("probe", project=_tip)  # an area installed twice: still once a sale
    ledger.extend_sale("count", check=count)
    order = make_order(FakeClock(NOW))
    ledger.record_sale(order, card_payment(order))
    assert _payments(ledger) == [("card", order.total), ("cash", 100)]
    assert calls == [1]
    assert ledger.rebuild_read_models() == 1
    assert _orders(ledger) == 1 and _payments(ledger) == [("card", order.total), ("cash", 100)]


def test_rows_that_fail_after_the_order_was_written_take_the_sale_with_them(ledger: Ledger) -> None:
    def tip_then_fail(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        _tip(tx, entry, payload)
        raise LedgerError("the disk is full")

    ledger.extend_sale("probe", project=tip_then_fail)
    order = make_order(FakeClock(NOW))
    with pytest.raises(LedgerError, match="disk is full"):
        ledger.record_sale(order, card_payment(order))
    assert ledger.last_seq() == 0 and _orders(ledger) == 0 and _payments(ledger) == []


def test_a_kinds_projector_runs_in_the_entrys_transaction_and_sales_stay_the_ledgers(ledger: Ledger) -> None:
    seen: list[tuple[int, str]] = []

    def project(tx: LedgerTransaction, entry: JournalEntry, payload: dict[str, Any]) -> None:
        if payload.get("bad"):
            raise LedgerError("refused")
        seen.append((entry.seq, payload["note"]))

    ledger.register_projector("probe.noted", project)
    assert ledger.projector("probe.noted") is project
    ledger.record("probe.noted", {"note": "a"})
    with pytest.raises(LedgerError):
        ledger.record("probe.noted", {"note": "b", "bad": True})
    assert seen == [(1, "a")] and ledger.last_seq() == 1  # the refused entry was not appended
    for kind in (SALE_COMPLETED, SALE_REFUNDED):
        with pytest.raises(ValueError, match="extend_sale"):
            ledger.register_projector(kind, project)
