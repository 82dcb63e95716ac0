"""Best sellers: what this shop sold most lately, for easy mode's "best sellers first" (issue 18 item 9;
docs/ACCESSIBILITY.md).

The ranking is each item's quantity sold over the last `DAYS` business days (refunded orders left out),
read from the ledger's read model `order_lines` in one indexed query. It is read on a worker thread
(`BestSellerWorker`), never on the GUI thread and never before the first frame: the worker starts with the
ledger side and reads again each time an order ends, and the customer session applies a new ranking only
between two customers, so nothing moves under a customer's finger.

This module imports neither SQLAlchemy nor the ledger (the customer session, on the first frame's path,
refers to `SalesRanking`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from kiosk.ledger import Ledger

log = logging.getLogger(__name__)

DAYS = 28  # four whole weeks: every weekday counts as often

_COUNTS = (
    "SELECT l.item_id, sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "WHERE l.business_date BETWEEN ? AND ? AND o.status = 'completed' GROUP BY l.item_id"
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class SalesRanking:
    """Quantities sold per item id over `date_from`..`date_to` (business days). Empty: nothing sold yet."""

    counts: Mapping[str, int] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""

    def order(self, items: Iterable[T]) -> list[T]:
        """`items` best sellers first; items sold equally often (or never) keep the order they came in
        (the catalog's): an empty ranking changes nothing."""
        listed = list(items)
        if not self.counts:
            return listed
        return sorted(listed, key=lambda it: -self.counts.get(it.id, 0))  # sorted() is stable


NO_RANKING = SalesRanking()


def recent_sales(ledger: Ledger, today: date, days: int = DAYS) -> SalesRanking:
    """The ranking of the `days` business days up to and including `today`, in one read transaction."""
    span = ((today - timedelta(days=days - 1)).isoformat(), today.isoformat())
    with ledger.reading() as s:
        rows = s.connection().exec_driver_sql(_COUNTS, span).all()
    return SalesRanking({str(item): int(qty) for item, qty in rows if qty}, *span)


class BestSellerWorker:
    """Reads the ranking (`read`) on its own thread: once when started and again after each `refresh`
    (a burst of refreshes is one read). Each ranking goes to `listener`, called on the worker's thread (the
    session posts it to its own). A failed read is logged; the last ranking stays."""

    def __init__(self, read: Callable[[], SalesRanking]) -> None:
        self._read = read
        self.listener: Callable[[SalesRanking], None] = lambda ranking: None
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="best-sellers", daemon=True)
        self.reads = 0  # for diagnostics and tests

    def start(self) -> None:
        self._wake.set()
        self._thread.start()

    def refresh(self) -> None:
        """Read again soon (from any thread); returns at once."""
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread.ident is not None:
            self._thread.join(30)

    def _loop(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            try:
                ranking = self._read()
            except Exception:
                log.exception("best sellers could not be read; easy mode keeps its last order")
                continue
            self.reads += 1
            self.listener(ranking)
