"""Sold-out switches and price changes: journal entries (synced like every entry) that the customer and
counter sessions apply at once (DESIGN §12).

- `menu.sold_out`: an item, or an option of an option group (every item that offers it), sold out or back
  in; optionally only until the business day closes (`until`: that business date).
- `menu.price_changed`: an existing item's new price. A session applies it from the next order; a cart in
  progress keeps the prices it was built with (kiosk/session/customer.py).

The state is the fold of these entries over the catalog file (`MenuOverrides.apply`). There are few of
them, read by the journal's `kind` index, so there is no read-model table to migrate."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from kiosk.domain.business_day import business_date
from kiosk.domain.catalog import Catalog, Item
from kiosk.domain.catalog_rules import MAX_PRICE
from kiosk.owner.access import OwnerError, require
from kiosk.session.modes import Permission, SignedIn

if TYPE_CHECKING:
    from kiosk.ledger import Ledger
    from kiosk.staff.service import StaffService

SOLD_OUT_KIND = "menu.sold_out"
PRICE_KIND = "menu.price_changed"
KINDS = (SOLD_OUT_KIND, PRICE_KIND)


def item_key(item_id: str) -> str:
    return f"item:{item_id}"


def option_key(group_id: str, option_id: str) -> str:
    return f"option:{group_id}/{option_id}"


@dataclass(frozen=True)
class MenuOverrides:
    """What the back office changed: key (item_key / option_key) -> (sold out, until business date or "");
    item id -> price."""

    sold_out: Mapping[str, tuple[bool, str]] = field(default_factory=dict)
    prices: Mapping[str, int] = field(default_factory=dict)

    def switch(self, key: str, today: date) -> bool | None:
        """The switch for `key` today, or None (the catalog file says)."""
        entry = self.sold_out.get(key)
        if entry is None:
            return None
        sold, until = entry
        if sold and until and today.isoformat() > until:
            return None  # "until close" ended with its business day
        return sold

    def item_sold_out(self, item: Item, today: date) -> bool:
        switch = self.switch(item_key(item.id), today)
        return item.sold_out if switch is None else switch

    def option_sold_out(self, group_id: str, option_id: str, today: date) -> bool:
        return bool(self.switch(option_key(group_id, option_id), today))

    def apply(self, base: Catalog, today: date, *, prices_from: Catalog | None = None) -> Catalog:
        """`base` (the catalog file) with today's switches and the new prices; with `prices_from`, the
        prices of that catalog instead (a cart in progress keeps its prices)."""
        items = []
        for it in base.items:
            if prices_from is not None:
                try:
                    price = prices_from.item(it.id).price
                except KeyError:
                    price = it.price
            else:
                price = self.prices.get(it.id, it.price)
            sold = self.item_sold_out(it, today)
            items.append(it if (price, sold) == (it.price, it.sold_out) else replace(it, price=price, sold_out=sold))
        return Catalog(base.version, base.categories, tuple(items), base.option_groups)

    def with_entry(self, kind: str, payload: Mapping[str, Any]) -> MenuOverrides:
        if kind == SOLD_OUT_KIND:
            sold = dict(self.sold_out)
            sold[str(payload["key"])] = (bool(payload["sold_out"]), str(payload.get("until") or ""))
            return MenuOverrides(sold, self.prices)
        if kind == PRICE_KIND:
            prices = dict(self.prices)
            prices[str(payload["item_id"])] = int(payload["price"])
            return MenuOverrides(self.sold_out, prices)
        return self


def load_overrides(ledger: Ledger) -> MenuOverrides:
    """The fold of every sold-out and price entry in the journal (few; read by the `kind` index)."""
    menu = MenuOverrides()
    with ledger.reading() as s:
        rows = (
            s.connection()
            .exec_driver_sql("SELECT kind, payload FROM journal WHERE kind IN (?, ?) ORDER BY seq", KINDS)
            .all()
        )
    for kind, payload in rows:
        menu = menu.with_entry(kind, json.loads(payload))
    return menu


@dataclass(frozen=True)
class MenuOption:
    group_id: str
    group_name: str
    option_id: str
    name: str
    sold_out: bool
    until_close: bool


@dataclass(frozen=True)
class MenuItem:
    item_id: str
    category: str
    name: str
    name_en: str
    price: int
    catalog_price: int
    sold_out: bool
    until_close: bool


class MenuBook:
    """The menu as the back office sees and changes it. `on_change(overrides)` is called after each
    change (the composition root posts it to the customer session, which applies it at once)."""

    def __init__(
        self,
        ledger: Ledger,
        catalog: Catalog,
        *,
        staff: StaffService | None = None,
        on_change: Callable[[MenuOverrides], None] | None = None,
    ) -> None:
        self.ledger = ledger
        self.catalog = catalog
        self.staff = staff
        self.on_change = on_change
        self._overrides: MenuOverrides | None = None

    def today(self) -> date:
        return business_date(self.ledger.clock.now(), self.ledger.tz, self.ledger.day_start_hour)

    @property
    def overrides(self) -> MenuOverrides:
        if self._overrides is None:
            self._overrides = load_overrides(self.ledger)
        return self._overrides

    def reload(self) -> MenuOverrides:
        self._overrides = None
        return self.overrides

    def items(self) -> list[MenuItem]:
        today, menu = self.today(), self.overrides
        names = {c.id: c.names.ko for c in self.catalog.categories}
        out = []
        for it in self.catalog.items:
            sw = menu.sold_out.get(item_key(it.id))
            sold = menu.item_sold_out(it, today)
            out.append(
                MenuItem(
                    item_id=it.id,
                    category=names.get(it.category_id, ""),
                    name=it.names.ko,
                    name_en=it.names.en or it.names.ko,
                    price=menu.prices.get(it.id, it.price),
                    catalog_price=it.price,
                    sold_out=sold,
                    until_close=bool(sold and sw is not None and sw[1]),
                )
            )
        return out

    def options(self) -> list[MenuOption]:
        today, menu = self.today(), self.overrides
        out = []
        for g in self.catalog.option_groups.values():
            for o in g.options:
                sw = menu.sold_out.get(option_key(g.id, o.id))
                sold = menu.option_sold_out(g.id, o.id, today)
                out.append(MenuOption(g.id, g.names.ko, o.id, o.names.ko, sold, bool(sold and sw and sw[1])))
        return out

    # --- changes (journal entries) ---------------------------------------------------------------

    def _record(self, kind: str, payload: dict[str, Any]) -> MenuOverrides:
        self.ledger.record(kind, payload)
        self._overrides = self.overrides.with_entry(kind, payload)
        if self.on_change is not None:
            self.on_change(self._overrides)
        return self._overrides

    def set_item_sold_out(
        self, who: SignedIn | None, item_id: str, sold_out: bool, *, until_close: bool = False
    ) -> MenuOverrides:
        who = require(who, Permission.SOLD_OUT, self.staff)
        try:
            self.catalog.item(item_id)
        except KeyError:
            raise OwnerError(f"메뉴에 없는 품목입니다 / no item {item_id!r} on the menu") from None
        return self._switch(who, item_key(item_id), sold_out, until_close, item_id=item_id)

    def set_option_sold_out(
        self, who: SignedIn | None, group_id: str, option_id: str, sold_out: bool, *, until_close: bool = False
    ) -> MenuOverrides:
        who = require(who, Permission.SOLD_OUT, self.staff)
        group = self.catalog.option_groups.get(group_id)
        if group is None or option_id not in {o.id for o in group.options}:
            raise OwnerError(f"메뉴에 없는 옵션입니다 / no option {group_id}/{option_id} on the menu")
        return self._switch(
            who, option_key(group_id, option_id), sold_out, until_close, group_id=group_id, option_id=option_id
        )

    def _switch(self, who: SignedIn, key: str, sold_out: bool, until_close: bool, **ids: str) -> MenuOverrides:
        until = self.today().isoformat() if (sold_out and until_close) else ""
        payload = {"key": key, **ids, "sold_out": sold_out, "until": until, "by": who.person_id, "role": who.role.value}
        return self._record(SOLD_OUT_KIND, payload)

    def set_price(self, who: SignedIn | None, item_id: str, price: int) -> MenuOverrides:
        who = require(who, Permission.CHANGE_PRICES, self.staff)
        try:
            item = self.catalog.item(item_id)
        except KeyError:
            raise OwnerError(f"메뉴에 없는 품목입니다 / no item {item_id!r} on the menu") from None
        if not 0 <= price <= MAX_PRICE:
            raise OwnerError(f"가격은 0원에서 {MAX_PRICE:,}원 사이여야 합니다 / a price is 0 to {MAX_PRICE:,} won")
        previous = self.overrides.prices.get(item_id, item.price)
        payload = {
            "item_id": item_id,
            "price": price,
            "previous": previous,
            "by": who.person_id,
            "role": who.role.value,
        }
        return self._record(PRICE_KIND, payload)
