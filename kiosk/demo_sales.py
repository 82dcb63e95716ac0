"""Realistic sales history for the demo shop and for benchmarks: lunch and evening peaks, weekends
busier in the afternoon, options chosen like real customers, a few refunds. Every sale goes through
Ledger.record_sale, the code path of a real sale."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.domain.cart import Cart, CartError, Selection
from kiosk.domain.catalog import Catalog, Item
from kiosk.domain.order import OrderType, PaymentMethod, order_from_cart
from kiosk.ledger import Ledger, PaymentRecord
from kiosk.ports import FakeClock

# (hour, weight) of the shop's day on weekdays and weekends: morning coffee, lunch, afternoon, evening.
WEEKDAY_HOURS = {
    7: 3,
    8: 8,
    9: 6,
    10: 4,
    11: 7,
    12: 14,
    13: 10,
    14: 5,
    15: 5,
    16: 4,
    17: 5,
    18: 8,
    19: 7,
    20: 4,
    21: 2,
}
WEEKEND_HOURS = {9: 2, 10: 4, 11: 6, 12: 10, 13: 11, 14: 10, 15: 10, 16: 8, 17: 7, 18: 8, 19: 7, 20: 5, 21: 3}
METHODS = [
    (PaymentMethod.CARD, 78),
    (PaymentMethod.BARCODE, 12),
    (PaymentMethod.QR, 7),
    (PaymentMethod.CASH, 3),
]
ISSUERS = ["신한카드", "KB국민카드", "삼성카드", "현대카드", "BC카드", "롯데카드", "우리카드", "하나카드"]
PROVIDERS = {
    PaymentMethod.BARCODE: ["카카오페이", "네이버페이", "제로페이"],
    PaymentMethod.QR: ["제로페이", "카카오페이"],
}


def _choose_selection(catalog: Catalog, item: Item, rng: random.Random) -> Selection:
    selection = []
    for group in catalog.groups_of(item):
        n = group.min_choices
        if group.max_choices > n and rng.random() < 0.3:
            n = rng.randint(n + 1, group.max_choices)
        if group.allow_repeat:
            picks = [rng.choice(group.options).id for _ in range(n)]
        else:
            picks = [o.id for o in rng.sample(list(group.options), min(n, len(group.options)))]
        if picks:
            selection.append((group.id, tuple(picks)))
    return tuple(selection)


def _basket(catalog: Catalog, rng: random.Random, weights: list[float], items: list[Item]) -> Cart:
    cart = Cart()
    for _ in range(rng.choices([1, 2, 3, 4], [50, 30, 14, 6])[0]):
        item = rng.choices(items, weights)[0]
        try:
            cart = cart.add(catalog, item.id, _choose_selection(catalog, item, rng), rng.choices([1, 2], [85, 15])[0])
        except CartError:
            continue
    return cart


def generate(
    ledger: Ledger,
    catalog: Catalog,
    clock: FakeClock,
    *,
    days: int,
    per_day: int,
    seed: int,
    end: date,
    tz: ZoneInfo,
    refund_rate: float = 0.01,
) -> int:
    """Record about `per_day` sales a day for `days` business days ending at `end`. Returns the count."""
    rng = random.Random(seed)
    items = [i for i in catalog.items if not i.sold_out]
    weights = [5.0 if "best" in i.badges else 2.0 if "new" in i.badges else 1.0 for i in items]
    count = 0
    for d in range(days - 1, -1, -1):
        day = end - timedelta(days=d)
        weekend = day.weekday() >= 5
        hours = WEEKEND_HOURS if weekend else WEEKDAY_HOURS
        n = max(1, int(rng.gauss(per_day * (1.15 if weekend else 1.0), per_day * 0.08)))
        moments = sorted(
            datetime(day.year, day.month, day.day, h, rng.randrange(60), rng.randrange(60), tzinfo=tz)
            for h in rng.choices(list(hours), list(hours.values()), k=n)
        )
        with ledger.transaction():  # one commit per day keeps generation fast; each sale is its own entry
            sold: list[str] = []
            for at in moments:
                clock.set(at)
                cart = _basket(catalog, rng, weights, items)
                if not cart.lines:
                    continue
                order_type = OrderType.TAKE_OUT if rng.random() < 0.55 else OrderType.DINE_IN
                order = order_from_cart(catalog, cart, order_type, clock.now(), rng.choice(["ko"] * 9 + ["en"]))
                method = rng.choices([m for m, _ in METHODS], [w for _, w in METHODS])[0]
                payment = PaymentRecord(
                    method=method,
                    amount=order.total,
                    provider=rng.choice(PROVIDERS.get(method, [""])),
                    approval_no=f"{rng.randrange(10**8):08d}" if method is not PaymentMethod.CASH else "",
                    issuer=rng.choice(ISSUERS) if method is PaymentMethod.CARD else "",
                    masked_card=f"{rng.choice(['5365', '9410', '4518', '3560'])}-{rng.randrange(10, 99)}**-****-"
                    f"{rng.randrange(10000):04d}"
                    if method is PaymentMethod.CARD
                    else "",
                    installments=0,
                )
                ledger.record_sale(order, payment)
                sold.append(order.id)
                count += 1
            for order_id in sold:
                if rng.random() < refund_rate:
                    clock.advance(rng.randrange(60, 1800))
                    ledger.record_refund(order_id, reason="고객 요청 (demo)")
    return count
