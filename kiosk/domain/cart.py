"""The customer's cart: items with chosen options and quantities, priced from the catalog."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from kiosk.domain.catalog import Catalog, Item, Option, OptionGroup
from kiosk.domain.money import TaxType, VatSplit, Won, split_vat


class CartError(ValueError):
    """An item or choice that cannot go into the cart; the message is for the customer's screen."""


Selection = tuple[tuple[str, tuple[str, ...]], ...]  # ((group id, (option id, ...)), ...)

MAX_LINE_QUANTITY = 99


@dataclass(frozen=True, slots=True)
class CartLine:
    item_id: str
    quantity: int
    selection: Selection = ()

    def chosen(self, group_id: str) -> tuple[str, ...]:
        for gid, opts in self.selection:
            if gid == group_id:
                return opts
        return ()


def check_selection(catalog: Catalog, item: Item, selection: Selection) -> list[str]:
    """Problems with a selection, empty when it can go into the cart. Messages name the group."""
    problems = []
    chosen = dict(selection)
    for gid in chosen:
        if gid not in item.option_group_ids:
            problems.append(f"option group {gid} does not belong to {item.id}")
    for group in catalog.groups_of(item):
        opts = chosen.get(group.id, ())
        valid_ids = {o.id for o in group.options}
        if any(o not in valid_ids for o in opts):
            problems.append(f"unknown option in {group.id}")
        if not group.allow_repeat and len(set(opts)) != len(opts):
            problems.append(f"{group.names.ko}: each choice only once")
        if len(opts) < group.min_choices:
            problems.append(f"{group.names.ko}: choose at least {group.min_choices}")
        if len(opts) > group.max_choices:
            problems.append(f"{group.names.ko}: at most {group.max_choices}")
    return problems


def unit_price(catalog: Catalog, line: CartLine) -> Won:
    item = catalog.item(line.item_id)
    price = item.price
    for gid, opts in line.selection:
        group: OptionGroup = catalog.option_groups[gid]
        price += sum(group.option(o).price_delta for o in opts)
    return price


def line_total(catalog: Catalog, line: CartLine) -> Won:
    return unit_price(catalog, line) * line.quantity


def chosen_in_catalog_order(catalog: Catalog, line: CartLine) -> list[tuple[OptionGroup, Option, int]]:
    """The line's choices as the catalog lists them (its item's groups in order, each group's options in
    order), with how many of each: how the cart, the receipt and the kitchen ticket show them. The
    selection itself is kept sorted (`normalize_selection`), which is not an order to show."""
    chosen = {gid: opts for gid, opts in line.selection}
    item = catalog.item(line.item_id)
    group_ids = [*item.option_group_ids, *(g for g in chosen if g not in item.option_group_ids)]
    out = []
    for gid in group_ids:
        opts = chosen.get(gid, ())
        if not opts:
            continue
        group = catalog.option_groups[gid]
        for opt in group.options:
            if opt.id in opts:
                out.append((group, opt, opts.count(opt.id)))
    return out


def normalize_selection(selection: Selection) -> Selection:
    """One canonical form so the same choices made in another order merge into one cart line."""
    return tuple(sorted((gid, tuple(sorted(opts))) for gid, opts in selection if opts))


@dataclass(frozen=True)
class Cart:
    lines: tuple[CartLine, ...] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def add(self, catalog: Catalog, item_id: str, selection: Selection = (), quantity: int = 1) -> Cart:
        item = catalog.item(item_id)
        if item.sold_out:
            raise CartError(f"{item.names.ko}: 품절 (sold out)")
        if quantity < 1:
            raise CartError("quantity must be at least 1")
        problems = check_selection(catalog, item, selection)
        if problems:
            raise CartError("; ".join(problems))
        sel = normalize_selection(selection)
        lines = list(self.lines)
        for i, line in enumerate(lines):
            if line.item_id == item_id and line.selection == sel:
                lines[i] = replace(line, quantity=min(MAX_LINE_QUANTITY, line.quantity + quantity))
                return Cart(tuple(lines))
        lines.append(CartLine(item_id, min(MAX_LINE_QUANTITY, quantity), sel))
        return Cart(tuple(lines))

    def set_quantity(self, index: int, quantity: int) -> Cart:
        lines = list(self.lines)
        if quantity <= 0:
            del lines[index]
        else:
            lines[index] = replace(lines[index], quantity=min(MAX_LINE_QUANTITY, quantity))
        return Cart(tuple(lines))

    def remove(self, index: int) -> Cart:
        return self.set_quantity(index, 0)

    def total(self, catalog: Catalog) -> Won:
        return sum(line_total(catalog, line) for line in self.lines)

    def vat(self, catalog: Catalog) -> VatSplit:
        taxable = tax_free = 0
        for line in self.lines:
            amount = line_total(catalog, line)
            if catalog.item(line.item_id).tax_type is TaxType.TAXABLE:
                taxable += amount
            else:
                tax_free += amount
        return split_vat(taxable, tax_free)


def option_counts(line: CartLine) -> Counter[str]:
    return Counter(o for _, opts in line.selection for o in opts)
