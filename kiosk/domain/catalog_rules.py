"""The one catalog validator: every place a catalog comes in (`kiosk config check`, `kiosk run`,
`kiosk demo-sales`, `kiosk-backend publish-catalog`, a catalog bundle the kiosk applies) checks it here.

A catalog is data from outside the program, so before anything is built from it, it must be a JSON
document of bounded size and depth whose amounts cannot overflow anything downstream (cart, ledger,
card terminal, backend), whose ids are unique, whose option groups can be satisfied and whose sets do not
contain themselves, with at least one item a customer can buy. The first problem is reported with its
place and what to do.

Standard library only: the backend (which shares only the wire format with the kiosk) imports it too.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from typing import Any

LANGUAGES: tuple[str, ...] = ("ko", "en", "zh", "ja")
TAX_TYPES: tuple[str, ...] = ("taxable", "taxfree")  # kiosk.domain.money.TaxType's values

# Bounds (docs/CATALOG.md). A unit (price with every option at its most) stays within MAX_UNIT_PRICE, so a
# cart line (at most 99 units) and any cart stay far inside 64-bit integers and the card terminal's and
# EMV QR's amount fields.
MAX_PRICE = 10_000_000  # won, one item
MAX_PRICE_DELTA = 1_000_000  # won, one option
MAX_UNIT_PRICE = 10_000_000  # won, an item with every option group at its maximum
MAX_VERSION = 2**31 - 1  # the backend stores it in a 32-bit column
MAX_CHOICES = 10  # per option group
MAX_SET_QUANTITY = 99
MAX_CATEGORIES = 100
MAX_ITEMS = 2_000
MAX_OPTION_GROUPS = 500
MAX_OPTIONS_PER_GROUP = 50
MAX_GROUPS_PER_ITEM = 20
MAX_SET_COMPONENTS = 20
MAX_BADGES = 8
MAX_ID_LENGTH = 64
MAX_NAME_LENGTH = 100
MAX_TEXT_LENGTH = 500  # descriptions
MAX_IMAGE_LENGTH = 300
MAX_BADGE_LENGTH = 20
MAX_DEPTH = 12  # the demo catalog is 5 deep
MAX_NODES = 200_000  # values in the whole document
MAX_FILE_BYTES = 16 * 2**20  # a catalog file or bundle


class CatalogError(ValueError):
    """A catalog that cannot be used; the message names the place and what to do."""


def _check_shape(data: Any, source: str) -> None:
    """Depth, size and the kinds of values, without recursion (a hostile document cannot blow the stack)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    nodes = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise CatalogError(f"{source}: the catalog is too large (more than {MAX_NODES} values); split the menu")
        if depth > MAX_DEPTH:
            raise CatalogError(f"{source}: the catalog is nested more than {MAX_DEPTH} levels deep; it is not a menu")
        if isinstance(value, Mapping):
            for k, v in value.items():
                if not isinstance(k, str):
                    raise CatalogError(f"{source}: keys must be text, got {k!r}")
                stack.append((v, depth + 1))
        elif isinstance(value, list | tuple):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise CatalogError(f"{source}: {value!r} is not a number; amounts and counts are whole numbers")
        elif value is not None and not isinstance(value, str | int | float):
            raise CatalogError(f"{source}: {type(value).__name__} values are not allowed in a catalog")


def _text(value: Any, where: str, what: str, limit: int, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise CatalogError(f"{where}: '{what}' must be a non-empty text")
    if len(value) > limit:
        raise CatalogError(f"{where}: '{what}' is {len(value)} characters long; at most {limit}")
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cs"):
            raise CatalogError(f"{where}: '{what}' contains a control character ({ch!r}); remove it")
    return value


def _count(raw: Mapping[str, Any], key: str, where: str, default: int | None, minimum: int, maximum: int) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CatalogError(f"{where}: '{key}' must be a whole number of won / a count, got {value!r}")
    if value < minimum:
        raise CatalogError(f"{where}: '{key}' must be at least {minimum}, got {value}")
    if value > maximum:
        raise CatalogError(f"{where}: '{key}' must be at most {maximum:,}, got {value:,}")
    return value


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise CatalogError(f"{where}: '{key}' must be true or false, got {value!r}")
    return value


def _list(raw: Mapping[str, Any], key: str, where: str, limit: int) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise CatalogError(f"{where}: '{key}' must be a list")
    if len(value) > limit:
        raise CatalogError(f"{where}: '{key}' has {len(value)} entries; at most {limit}")
    return value


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise CatalogError(f"{where}: must be an object")
    return value


def _names(raw: Any, where: str, limit: int = MAX_NAME_LENGTH) -> None:
    if isinstance(raw, str):
        raw = {"ko": raw}
    if not isinstance(raw, Mapping) or not isinstance(raw.get("ko"), str) or not raw["ko"].strip():
        raise CatalogError(f'{where}: \'names\' needs at least a Korean name, e.g. {{"ko": "아메리카노"}}')
    for lang in LANGUAGES:
        value = raw.get(lang, "")
        if not isinstance(value, str):
            raise CatalogError(f"{where}: the {lang} name must be text")
        _text(value, where, f"names.{lang}", limit, required=False)


def _spoken(raw: Any, where: str) -> None:
    """An item's spoken names (voice guidance): any of the languages, none required."""
    if isinstance(raw, str):
        raw = {"ko": raw}
    if not isinstance(raw, Mapping):
        raise CatalogError(f'{where}: \'spoken\' must be names per language, e.g. {{"ko": "원두 이백 그램"}}')
    for lang, value in raw.items():
        if lang not in LANGUAGES:
            raise CatalogError(f"{where}: 'spoken' has a name in {lang!r}; the languages are {', '.join(LANGUAGES)}")
        if not isinstance(value, str):
            raise CatalogError(f"{where}: the spoken {lang} name must be text")
        _text(value, where, f"spoken.{lang}", MAX_NAME_LENGTH, required=False)


class _Ids:
    """One namespace for categories, items, option groups and options."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def add(self, value: Any, where: str, what: str) -> str:
        ident = _text(value, where, "id", MAX_ID_LENGTH)
        if ident in self.seen:
            raise CatalogError(
                f"{where}: the id is used twice ({ident!r} is also {self.seen[ident]}); ids must be unique across "
                "categories, items, option groups and options"
            )
        self.seen[ident] = what
        return ident


def _image(raw: Mapping[str, Any], where: str) -> None:
    image = _text(raw.get("image", ""), where, "image", MAX_IMAGE_LENGTH, required=False)
    if image and (image.startswith(("/", "\\")) or ":" in image or ".." in image.replace("\\", "/").split("/")):
        raise CatalogError(f"{where}: 'image' must be a path inside the catalog's images, like images/latte.png")


def validate_catalog(data: Any, source: str = "catalog") -> None:
    """Raise CatalogError (a ValueError) with the place and what to do unless `data` (parsed JSON) is a
    catalog the kiosk can sell from; return None when it is."""
    _check_shape(data, source)
    if not isinstance(data, Mapping):
        raise CatalogError(f"{source}: the catalog must be a JSON object with categories, items, option_groups")
    _count(data, "version", source, 1, 1, MAX_VERSION)
    ids = _Ids()

    group_max: dict[str, int] = {}
    for i, g in enumerate(_list(data, "option_groups", source, MAX_OPTION_GROUPS)):
        where = f"{source}: option_groups[{i}]"
        g = _object(g, where)
        gid = ids.add(g.get("id"), where, "an option group")
        where = f"{source}: option group {gid!r}"
        _names(g.get("names"), where)
        options = _list(g, "options", where, MAX_OPTIONS_PER_GROUP)
        if not options:
            raise CatalogError(f"{where}: has no options")
        deltas = []
        for j, o in enumerate(options):
            o = _object(o, f"{where} options[{j}]")
            oid = ids.add(o.get("id"), f"{where} options[{j}]", f"an option of {gid!r}")
            owhere = f"{where} option {oid!r}"
            _names(o.get("names"), owhere)
            deltas.append(_count(o, "price_delta", owhere, 0, 0, MAX_PRICE_DELTA))
        repeat = _flag(g, "allow_repeat", where)
        lo = _count(g, "min", where, 0, 0, MAX_CHOICES)
        hi = _count(g, "max", where, 1, 1, MAX_CHOICES)
        if lo > hi:
            raise CatalogError(f"{where}: 'min' ({lo}) is larger than 'max' ({hi})")
        if not repeat and hi > len(options):
            raise CatalogError(
                f"{where}: 'max' ({hi}) is more than its {len(options)} option(s); lower 'max' or set 'allow_repeat'"
            )
        # The most a customer can add with this group: the dearest option, as often as allowed.
        group_max[gid] = hi * max(deltas) if repeat else sum(sorted(deltas, reverse=True)[:hi])

    category_ids: set[str] = set()
    for i, c in enumerate(_list(data, "categories", source, MAX_CATEGORIES)):
        where = f"{source}: categories[{i}]"
        c = _object(c, where)
        category_ids.add(ids.add(c.get("id"), where, "a category"))
        _names(c.get("names"), where)
    if not category_ids:
        raise CatalogError(f"{source}: there are no categories; add at least one")

    sets: dict[str, list[str]] = {}
    sellable = 0
    for i, it in enumerate(_list(data, "items", source, MAX_ITEMS)):
        where = f"{source}: items[{i}]"
        it = _object(it, where)
        iid = ids.add(it.get("id"), where, "an item")
        where = f"{source}: item {iid!r}"
        cat = _text(it.get("category"), where, "category", MAX_ID_LENGTH)
        if cat not in category_ids:
            raise CatalogError(f"{where}: category {cat!r} is not in 'categories'")
        _names(it.get("names"), where)
        if it.get("spoken"):
            _spoken(it.get("spoken"), where)
        if it.get("description"):
            _names(it.get("description"), f"{where} description", MAX_TEXT_LENGTH)
        price = _count(it, "price", where, None, 0, MAX_PRICE)
        if it.get("tax", "taxable") not in TAX_TYPES:
            raise CatalogError(f"{where}: 'tax' must be 'taxable' (과세) or 'taxfree' (면세)")
        _image(it, where)
        for b in _list(it, "badges", where, MAX_BADGES):
            _text(b, where, "badges", MAX_BADGE_LENGTH)
        sold_out = _flag(it, "sold_out", where)
        gids = _list(it, "option_groups", where, MAX_GROUPS_PER_ITEM)
        unit = price
        for gid in gids:
            if not isinstance(gid, str) or gid not in group_max:
                raise CatalogError(f"{where}: option group {gid!r} is not in 'option_groups'")
            unit += group_max[gid]
        if len(set(gids)) != len(gids):
            raise CatalogError(f"{where}: an option group is listed twice in 'option_groups'")
        if unit > MAX_UNIT_PRICE:
            raise CatalogError(
                f"{where}: with every option at its most it costs {unit:,} won; at most {MAX_UNIT_PRICE:,}"
            )
        components = []
        for j, comp in enumerate(_list(it, "set", where, MAX_SET_COMPONENTS)):
            cwhere = f"{where} set[{j}]"
            if not isinstance(comp, Mapping):
                raise CatalogError(f"{cwhere} must be an object with 'item' and 'quantity'")
            components.append(_text(comp.get("item"), cwhere, "item", MAX_ID_LENGTH))
            _count(comp, "quantity", cwhere, 1, 1, MAX_SET_QUANTITY)
        if components:
            sets[iid] = components
        if not sold_out:
            sellable += 1

    items = {k for k, v in ids.seen.items() if v == "an item"}
    for set_id, components in sets.items():
        for comp in components:
            if comp not in items:
                raise CatalogError(f"{source}: set {set_id!r} names item {comp!r}, which does not exist")
    _no_set_contains_itself(sets, source)
    if not sellable:
        raise CatalogError(f"{source}: no item can be sold (every item is sold out or there are none); add one")


def _no_set_contains_itself(sets: Mapping[str, list[str]], source: str) -> None:
    done: set[str] = set()
    for start in sets:
        if start in done:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                path.append(node)
                on_path.add(node)
            children = [c for c in sets.get(node, []) if c in sets]
            if index < len(children):
                stack.append((node, index + 1))
                child = children[index]
                if child in on_path:
                    loop = " → ".join([*path[path.index(child) :], child])
                    raise CatalogError(f"{source}: set {child!r} contains itself ({loop}); remove that component")
                if child not in done:
                    stack.append((child, 0))
            else:
                path.pop()
                on_path.discard(node)
                done.add(node)
