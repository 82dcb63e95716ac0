"""The shop's catalog: categories, items, option groups and set menus, loaded from versioned JSON.

A catalog file is data from outside the program (the demo shop's file, or a bundle pushed by the
programme backend), so loading validates everything first (kiosk/domain/catalog_rules.py, the one
validator) and reports the first problem with its location.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.domain.catalog_rules import LANGUAGES as LANGUAGES
from kiosk.domain.catalog_rules import MAX_FILE_BYTES, validate_catalog
from kiosk.domain.catalog_rules import CatalogError as CatalogError
from kiosk.domain.money import TaxType, Won


@dataclass(frozen=True, slots=True)
class Names:
    """A text in the kiosk's four languages; `get` falls back to Korean."""

    ko: str
    en: str
    zh: str
    ja: str

    def get(self, lang: str) -> str:
        value: str = getattr(self, lang, "") if lang in LANGUAGES else ""
        return value or self.ko


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of an option group, and what it adds to the price."""

    id: str
    names: Names
    price_delta: Won = 0


@dataclass(frozen=True, slots=True)
class OptionGroup:
    """A choice on an item: `min_choices` 1 makes it required; `allow_repeat` lets a choice count twice
    (an extra shot chosen three times)."""

    id: str
    names: Names
    min_choices: int
    max_choices: int
    options: tuple[Option, ...]
    allow_repeat: bool = False

    @property
    def required(self) -> bool:
        return self.min_choices > 0

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)


@dataclass(frozen=True, slots=True)
class SetComponent:
    """An item that comes in a set, and how many of it."""

    item_id: str
    quantity: int = 1


@dataclass(frozen=True, slots=True)
class Item:
    """A menu item: its names, price and tax type, photo, badges, option groups and set components."""

    id: str
    category_id: str
    names: Names
    price: Won
    tax_type: TaxType = TaxType.TAXABLE
    image: str = ""
    badges: tuple[str, ...] = ()
    sold_out: bool = False
    option_group_ids: tuple[str, ...] = ()
    description: Names | None = None
    set_components: tuple[SetComponent, ...] = ()
    # The name as a person says it, per language, for voice guidance ("spoken" in the catalog): "" where the
    # catalog gives none (kiosk.voice.names.spoken_name then derives one from the display name).
    spoken: Names | None = None

    @property
    def is_set(self) -> bool:
        return bool(self.set_components)


@dataclass(frozen=True, slots=True)
class Category:
    """A menu category (a tab on the menu screen)."""

    id: str
    names: Names


@dataclass(frozen=True)
class Catalog:
    """The menu: categories, items and option groups, as validated and parsed (`parse_catalog`)."""

    version: int
    categories: tuple[Category, ...]
    items: tuple[Item, ...]
    option_groups: Mapping[str, OptionGroup]
    _by_id: dict[str, Item] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({item.id: item for item in self.items})

    def item(self, item_id: str) -> Item:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise KeyError(f"no item {item_id!r} in the catalog") from None

    @property
    def first_category(self) -> str:
        """The category a customer's order starts in (and the attract screen's photos come from); "" if none."""
        return self.categories[0].id if self.categories else ""

    def items_in(self, category_id: str) -> list[Item]:
        return [item for item in self.items if item.category_id == category_id]

    def groups_of(self, item: Item) -> list[OptionGroup]:
        return [self.option_groups[g] for g in item.option_group_ids]

    def with_sold_out(self, item_id: str, sold_out: bool) -> Catalog:
        items = tuple(replace(i, sold_out=sold_out) if i.id == item_id else i for i in self.items)
        return Catalog(self.version, self.categories, items, self.option_groups)


def _names(raw: Any) -> Names:
    if isinstance(raw, str):
        raw = {"ko": raw}
    return Names(**{lang: raw.get(lang, "") for lang in LANGUAGES})


def _spoken(raw: Any) -> Names:
    if isinstance(raw, str):
        raw = {"ko": raw}
    return Names(**{lang: raw.get(lang, "") for lang in LANGUAGES})


def parse_catalog(data: Any, source: str = "catalog") -> Catalog:
    """The catalog in `data` (parsed JSON), after `validate_catalog` has found nothing wrong with it."""
    validate_catalog(data, source)
    groups = {
        g["id"]: OptionGroup(
            g["id"],
            _names(g["names"]),
            g.get("min", 0),
            g.get("max", 1),
            tuple(Option(o["id"], _names(o["names"]), o.get("price_delta", 0)) for o in g["options"]),
            g.get("allow_repeat", False),
        )
        for g in data.get("option_groups", [])
    }
    categories = tuple(Category(c["id"], _names(c["names"])) for c in data["categories"])
    items = tuple(
        Item(
            id=it["id"],
            category_id=it["category"],
            names=_names(it["names"]),
            price=it["price"],
            tax_type=TaxType(it.get("tax", "taxable")),
            image=it.get("image", ""),
            badges=tuple(it.get("badges", [])),
            sold_out=it.get("sold_out", False),
            option_group_ids=tuple(it.get("option_groups", [])),
            description=_names(it["description"]) if it.get("description") else None,
            set_components=tuple(SetComponent(c["item"], c.get("quantity", 1)) for c in it.get("set", [])),
            spoken=_spoken(it["spoken"]) if it.get("spoken") else None,
        )
        for it in data.get("items", [])
    )
    return Catalog(data.get("version", 1), categories, items, groups)


def load_catalog(path: Path) -> Catalog:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            mb = MAX_FILE_BYTES // 2**20
            raise CatalogError(f"{path}: the catalog file is larger than {mb} MB; it is not a menu")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogError(f"{path}: the catalog file does not exist; check 'catalog' in the config") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read the catalog ({exc}); restore it from a backup") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}); "
            "fix the file or restore it from a backup"
        ) from None
    except RecursionError:
        raise CatalogError(f"{path}: the JSON is nested far too deep; it is not a menu") from None
    return parse_catalog(data, str(path))
