"""Shared builders for ledger tests: a ledger on a real SQLite file and simple sales."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart
from kiosk.domain.catalog import Catalog, load_catalog
from kiosk.domain.order import Order, OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ports import FakeClock

CATALOG: Catalog = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
SEOUL = ZoneInfo("Asia/Seoul")


def open_ledger(path: Path, clock: FakeClock | None = None, **kwargs: object) -> Ledger:
    return Ledger.open(
        path,
        device_id="TEST-01",
        clock=clock or FakeClock(datetime(2026, 11, 21, 3, tzinfo=UTC)),
        tz=SEOUL,
        **kwargs,  # type: ignore[arg-type]
    )


def make_order(clock: FakeClock, *items: str) -> Order:
    cart = Cart()
    for item_id in items or ("croissant", "milk_1l"):
        cart = cart.add(CATALOG, item_id)
    return order_from_cart(CATALOG, cart, OrderType.TAKE_OUT, clock.now())


def card_payment(order: Order) -> PaymentRecord:
    return PaymentRecord(PaymentMethod.CARD, order.total, "KICC", "30012345", "신한카드", "5365-12**-****-1234", 0)


def sell_and_close(path: Path, clock: FakeClock, sales: int) -> None:
    """`sales` card sales into the ledger at `path`, then a clean close."""
    ledger = open_ledger(path, clock)
    try:
        for _ in range(sales):
            order = make_order(clock)
            ledger.record_sale(order, card_payment(order))
    finally:
        ledger.close()
