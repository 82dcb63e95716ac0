"""The shop's catalog: categories, items, option groups and set menus, loaded from versioned JSON.

A catalog file is data from outside the program (the demo shop's file, or a bundle pushed by the
programme backend), so loading validates everything and reports the first problem with its location.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.domain.money import TaxType, Won

LANGUAGES: tuple[str, ...] = ("ko", "en", "zh", "ja")


class CatalogError(ValueError):
    """A catalog file that cannot be used; the message names the place and what to do."""


@dataclass(frozen=True, slots=True)
class Names:
    ko: str
    en: str
    zh: str
    ja: str

    def get(self, lang: str) -> str:
        value: str = getattr(self, lang, "") if lang in LANGUAGES else ""
        return value or self.ko


@dataclass(frozen=True, slots=True)
class Option:
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
    item_id: str
    quantity: int = 1


@dataclass(frozen=True, slots=True)
class Item:
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

    @property
    def is_set(self) -> bool:
        return bool(self.set_components)


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    names: Names


@dataclass(frozen=True)
class Catalog:
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

    def items_in(self, category_id: str) -> list[Item]:
        return [item for item in self.items if item.category_id == category_id]

    def groups_of(self, item: Item) -> list[OptionGroup]:
        return [self.option_groups[g] for g in item.option_group_ids]

    def with_sold_out(self, item_id: str, sold_out: bool) -> Catalog:
        items = tuple(replace(i, sold_out=sold_out) if i.id == item_id else i for i in self.items)
        return Catalog(self.version, self.categories, items, self.option_groups)


def _names(raw: Any, where: str) -> Names:
    if isinstance(raw, str):
        raw = {"ko": raw}
    if not isinstance(raw, Mapping) or not isinstance(raw.get("ko"), str) or not raw["ko"].strip():
        raise CatalogError(f'{where}: \'names\' needs at least a Korean name, e.g. {{"ko": "아메리카노"}}')
    values = {}
    for lang in LANGUAGES:
        value = raw.get(lang, "")
        if not isinstance(value, str):
            raise CatalogError(f"{where}: the {lang} name must be text")
        values[lang] = value
    return Names(**values)


def _int(raw: Mapping[str, Any], key: str, where: str, default: int | None = None, minimum: int = 0) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CatalogError(f"{where}: '{key}' must be a whole number of won / a count, got {value!r}")
    if value < minimum:
        raise CatalogError(f"{where}: '{key}' must be at least {minimum}, got {value}")
    return value


def _str(raw: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or (default is None and not value):
        raise CatalogError(f"{where}: '{key}' must be a non-empty text")
    return value


def _list(raw: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise CatalogError(f"{where}: '{key}' must be a list")
    return value


def parse_catalog(data: Any, source: str = "catalog") -> Catalog:
    if not isinstance(data, Mapping):
        raise CatalogError(f"{source}: the catalog must be a JSON object with categories, items, option_groups")
    version = _int(data, "version", source, default=1)
    groups: dict[str, OptionGroup] = {}
    for i, g in enumerate(_list(data, "option_groups", source)):
        where = f"{source}: option_groups[{i}]"
        if not isinstance(g, Mapping):
            raise CatalogError(f"{where}: must be an object")
        gid = _str(g, "id", where)
        where = f"{source}: option group {gid!r}"
        options = []
        for j, o in enumerate(_list(g, "options", where)):
            if not isinstance(o, Mapping):
                raise CatalogError(f"{where}: options[{j}] must be an object")
            oid = _str(o, "id", f"{where} options[{j}]")
            delta = o.get("price_delta", 0)
            if isinstance(delta, bool) or not isinstance(delta, int):
                raise CatalogError(f"{where} option {oid!r}: 'price_delta' must be whole won")
            options.append(Option(oid, _names(o.get("names"), f"{where} option {oid!r}"), delta))
        lo = _int(g, "min", where, default=0)
        hi = _int(g, "max", where, default=1, minimum=1)
        if lo > hi:
            raise CatalogError(f"{where}: 'min' ({lo}) is larger than 'max' ({hi})")
        if not options:
            raise CatalogError(f"{where}: has no options")
        if gid in groups:
            raise CatalogError(f"{where}: the id is used twice")
        groups[gid] = OptionGroup(
            gid, _names(g.get("names"), where), lo, hi, tuple(options), bool(g.get("allow_repeat", False))
        )
    categories = []
    for i, c in enumerate(_list(data, "categories", source)):
        where = f"{source}: categories[{i}]"
        if not isinstance(c, Mapping):
            raise CatalogError(f"{where}: must be an object")
        categories.append(Category(_str(c, "id", where), _names(c.get("names"), where)))
    category_ids = {c.id for c in categories}
    if not categories:
        raise CatalogError(f"{source}: there are no categories; add at least one")
    items: list[Item] = []
    seen: set[str] = set()
    for i, it in enumerate(_list(data, "items", source)):
        where = f"{source}: items[{i}]"
        if not isinstance(it, Mapping):
            raise CatalogError(f"{where}: must be an object")
        iid = _str(it, "id", where)
        where = f"{source}: item {iid!r}"
        if iid in seen:
            raise CatalogError(f"{where}: the id is used twice")
        seen.add(iid)
        cat = _str(it, "category", where)
        if cat not in category_ids:
            raise CatalogError(f"{where}: category {cat!r} is not in 'categories'")
        tax_raw = it.get("tax", "taxable")
        try:
            tax = TaxType(tax_raw)
        except ValueError:
            raise CatalogError(f"{where}: 'tax' must be 'taxable' (과세) or 'taxfree' (면세)") from None
        gids = tuple(_list(it, "option_groups", where))
        for gid in gids:
            if gid not in groups:
                raise CatalogError(f"{where}: option group {gid!r} is not in 'option_groups'")
        components = []
        for j, comp in enumerate(_list(it, "set", where)):
            if not isinstance(comp, Mapping):
                raise CatalogError(f"{where}: set[{j}] must be an object with 'item' and 'quantity'")
            components.append(
                SetComponent(_str(comp, "item", f"{where} set[{j}]"), _int(comp, "quantity", where, 1, 1))
            )
        desc = it.get("description")
        items.append(
            Item(
                id=iid,
                category_id=cat,
                names=_names(it.get("names"), where),
                price=_int(it, "price", where),
                tax_type=tax,
                image=_str(it, "image", where, default=""),
                badges=tuple(str(b) for b in _list(it, "badges", where)),
                sold_out=bool(it.get("sold_out", False)),
                option_group_ids=gids,
                description=_names(desc, where) if desc else None,
                set_components=tuple(components),
            )
        )
    for item in items:
        for comp in item.set_components:
            if comp.item_id not in seen:
                raise CatalogError(f"{source}: set {item.id!r} names item {comp.item_id!r}, which does not exist")
    return Catalog(version, tuple(categories), tuple(items), groups)


def load_catalog(path: Path) -> Catalog:
    try:
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
    return parse_catalog(data, str(path))
