"""Options are shown in the catalog's order (issue 18): the cart line keeps its selection sorted (so the
same choices merge), but the order, the receipt and the kitchen ticket list them as the catalog does."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart, chosen_in_catalog_order
from kiosk.domain.catalog import load_catalog
from kiosk.domain.order import OrderType, order_from_cart

CATALOG = load_catalog(REPO_ROOT / "assets" / "demo" / "catalog.json")
# chosen back to front, each group's options too
SELECTION = (
    ("syrup", ("hazelnut", "vanilla")),
    ("shot", ("extra_shot", "extra_shot")),
    ("milk", ("oat",)),
    ("size", ("large",)),
    ("temp", ("iced",)),
)
IN_CATALOG_ORDER = [
    ("temp", "iced", 1),
    ("size", "large", 1),
    ("shot", "extra_shot", 2),
    ("milk", "oat", 1),
    ("syrup", "vanilla", 1),
    ("syrup", "hazelnut", 1),
]


def test_the_line_lists_its_choices_in_the_catalogs_order() -> None:
    cart = Cart().add(CATALOG, "cafe_latte", SELECTION)
    line = cart.lines[0]
    assert [(g.id, o.id, n) for g, o, n in chosen_in_catalog_order(CATALOG, line)] == IN_CATALOG_ORDER


def test_the_order_and_so_the_receipt_keep_the_catalogs_order() -> None:
    cart = Cart().add(CATALOG, "cafe_latte", SELECTION)
    order = order_from_cart(CATALOG, cart, OrderType.DINE_IN, datetime(2026, 3, 2, tzinfo=UTC))
    options = order.lines[0].options
    assert [(o.group_id, o.option_id, o.quantity) for o in options] == IN_CATALOG_ORDER
    assert [o.name_ko for o in options] == ["차갑게", "라지", "샷 추가", "오트 우유", "바닐라 시럽", "헤이즐넛 시럽"]
