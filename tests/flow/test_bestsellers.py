"""Easy mode's best sellers (kiosk/bestsellers.py): counted from a real SQLite ledger whose sales went through
`Ledger.record_sale` (the path of every real sale), over the last 28 business days, refunds left out, ties
and unsold items in the catalog's order; read on the worker's thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.bestsellers import DAYS, BestSellerWorker, SalesRanking, recent_sales
from kiosk.domain.business_day import business_date
from kiosk.ledger import Ledger
from kiosk.ports import FakeClock
from tests.ledger.helpers import CATALOG, SEOUL, card_payment, make_order, open_ledger

NOW = datetime(2026, 11, 21, 6, tzinfo=UTC)  # 15:00 in Seoul


def sell(ledger: Ledger, clock: FakeClock, *items: str) -> str:
    order = make_order(clock, *items)
    return ledger.record_sale(order, card_payment(order)).order_id


def dessert_order(ranking: SalesRanking) -> list[str]:
    return [it.id for it in ranking.order(CATALOG.items_in("dessert"))]


def test_best_sellers_of_the_last_four_weeks_first_ties_in_catalog_order(tmp_path: Path) -> None:
    clock = FakeClock(NOW - timedelta(days=DAYS))  # 28 days ago: one day too old to count
    ledger = open_ledger(tmp_path / "ledger.sqlite3", clock)
    today = business_date(NOW, SEOUL, 5)
    try:
        assert dessert_order(recent_sales(ledger, today)) == ["cheesecake", "tiramisu", "macaron", "bingsu", "croffle"]
        sell(ledger, clock, "cheesecake", "cheesecake", "cheesecake")  # too old
        clock.set(NOW - timedelta(days=DAYS - 1))  # the first day that counts
        sell(ledger, clock, "croffle")
        clock.set(NOW - timedelta(days=3))
        refunded = sell(ledger, clock, "tiramisu", "tiramisu", "tiramisu", "tiramisu")
        ledger.record_refund(refunded, "wrong order")
        clock.set(NOW)
        sell(ledger, clock, "bingsu", "croffle")
        sell(ledger, clock, "macaron", "milk_1l")
        ranking = recent_sales(ledger, today)
        assert ranking.counts == {"croffle": 2, "bingsu": 1, "macaron": 1, "milk_1l": 1}
        assert (ranking.date_from, ranking.date_to) == (
            (today - timedelta(days=DAYS - 1)).isoformat(),
            today.isoformat(),
        )
        # croffle sold twice; bingsu and macaron once each, in the catalog's order (macaron first); then the
        # unsold ones as the catalog lists them
        assert dessert_order(ranking) == ["croffle", "macaron", "bingsu", "cheesecake", "tiramisu"]
    finally:
        ledger.close()


def test_the_worker_reads_off_the_calling_thread_and_again_on_refresh(tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    ledger = open_ledger(tmp_path / "ledger.sqlite3", clock)
    today = business_date(NOW, SEOUL, 5)
    got: list[tuple[str, SalesRanking]] = []
    arrived = threading.Condition()

    def listener(ranking: SalesRanking) -> None:
        with arrived:
            got.append((threading.current_thread().name, ranking))
            arrived.notify_all()

    worker = BestSellerWorker(lambda: recent_sales(ledger, today))
    worker.listener = listener
    try:
        worker.start()
        with arrived:
            assert arrived.wait_for(lambda: len(got) == 1, timeout=10)
        assert got[0] == ("best-sellers", SalesRanking({}, got[0][1].date_from, today.isoformat()))
        sell(ledger, clock, "macaron")
        worker.refresh()
        with arrived:
            assert arrived.wait_for(lambda: len(got) == 2, timeout=10)
        assert got[1][1].counts == {"macaron": 1}
    finally:
        worker.stop()
        ledger.close()
    assert not any(t.name == "best-sellers" for t in threading.enumerate())
