"""Money and VAT invariants over random baskets, and cart pricing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import REPO_ROOT
from kiosk.domain.cart import Cart, line_total
from kiosk.domain.catalog import load_catalog
from kiosk.domain.money import TaxType, format_won, split_vat, supply_value_of
from kiosk.domain.order import OrderType, order_from_cart

CATALOG = load_catalog(Path(REPO_ROOT / "assets" / "demo" / "catalog.json"))


def test_known_vat_splits() -> None:
    assert split_vat(11000, 0).supply_value == 10000
    assert split_vat(11000, 0).vat == 1000
    assert split_vat(4500, 0).supply_value == 4091  # 4090.909 rounds up
    assert split_vat(4500, 0).vat == 409
    assert split_vat(1, 0).supply_value == 1
    assert split_vat(0, 3200).vat == 0
    assert split_vat(4500, 3200).total == 7700
    assert format_won(1234567) == "1,234,567원"


@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=10**10))
def test_vat_invariants(taxable: int, tax_free: int) -> None:
    split = split_vat(taxable, tax_free)
    assert split.supply_value + split.vat == taxable
    assert split.total == taxable + tax_free
    assert isinstance(split.supply_value, int) and isinstance(split.vat, int)
    # supply is round(taxable / 1.1): within half a won of the exact quotient
    assert abs(split.supply_value * 11 - taxable * 10) <= 5
    assert split.vat >= 0


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_supply_value_symmetric(amount: int) -> None:
    assert supply_value_of(-amount) == -supply_value_of(amount)


def _selection_strategy(item_id: str) -> st.SearchStrategy[tuple[tuple[str, tuple[str, ...]], ...]]:
    item = CATALOG.item(item_id)
    parts = []
    for group in CATALOG.groups_of(item):
        ids = [o.id for o in group.options]
        if group.allow_repeat:
            choice = st.lists(st.sampled_from(ids), min_size=group.min_choices, max_size=group.max_choices)
        else:
            choice = st.lists(
                st.sampled_from(ids), min_size=group.min_choices, max_size=min(group.max_choices, len(ids)), unique=True
            )
        parts.append(choice.map(lambda opts, gid=group.id: (gid, tuple(opts))))
    return st.tuples(*parts) if parts else st.just(())


ORDERABLE = [i.id for i in CATALOG.items if not i.sold_out]


@st.composite
def baskets(draw: st.DrawFn) -> Cart:
    cart = Cart()
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        item_id = draw(st.sampled_from(ORDERABLE))
        selection = draw(_selection_strategy(item_id))
        cart = cart.add(CATALOG, item_id, selection, draw(st.integers(min_value=1, max_value=5)))
    return cart


@given(baskets())
def test_cart_pricing_and_order_totals(cart: Cart) -> None:
    total = cart.total(CATALOG)
    expected = 0
    for line in cart.lines:
        item = CATALOG.item(line.item_id)
        unit = item.price + sum(
            CATALOG.option_groups[g].option(o).price_delta for g, opts in line.selection for o in opts
        )
        assert line_total(CATALOG, line) == unit * line.quantity
        expected += unit * line.quantity
    assert total == expected
    split = cart.vat(CATALOG)
    assert split.total == total
    taxable = sum(line_total(CATALOG, ln) for ln in cart.lines if CATALOG.item(ln.item_id).tax_type is TaxType.TAXABLE)
    assert split.taxable_total == taxable
    order = order_from_cart(CATALOG, cart, OrderType.TAKE_OUT, datetime(2026, 11, 21, 3, tzinfo=UTC))
    assert order.total == total
    assert order.vat == split
    assert sum(ln.quantity for ln in order.lines) == cart.count
