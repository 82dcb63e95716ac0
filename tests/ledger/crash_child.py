"""Child process for the crash-safety test: commits sales in a loop and reports each commit on stdout.

Usage: python -m tests.ledger.crash_child DB SEED. Prints "ready", then "committed <order id>" after
each commit returns. The parent SIGKILLs it at random moments.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.domain.cart import Cart
from kiosk.domain.order import OrderType, order_from_cart
from kiosk.ports import FakeClock
from tests.ledger.helpers import CATALOG, card_payment, open_ledger


def main() -> None:
    db, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    clock = FakeClock(datetime(2026, 11, 21, 1, tzinfo=UTC) + timedelta(minutes=seed))
    ledger = open_ledger(db, clock)
    simple = [i for i in CATALOG.items if not i.sold_out and not i.option_group_ids]
    print("ready", flush=True)
    while True:
        cart = Cart()
        for _ in range(rng.randint(1, 4)):
            cart = cart.add(CATALOG, rng.choice(simple).id, (), rng.randint(1, 3))
        order = order_from_cart(CATALOG, cart, OrderType.DINE_IN, clock.now())
        ledger.record_sale(order, card_payment(order))
        print(f"committed {order.id}", flush=True)
        clock.advance(rng.uniform(1, 30))


if __name__ == "__main__":
    main()
