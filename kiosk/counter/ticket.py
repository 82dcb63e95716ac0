"""The counter's ticket: the staff's running order, with line and ticket discounts, priced from the
catalog. Immutable: every change returns a new ticket (hold / recall keep them as they are).

Discounts come off the lines (a ticket discount is shared across the lines in proportion to their
amounts, the last line taking the rounding), so each order line's `line_total` is what was charged and
the VAT split (taxable / tax-free) stays exact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.cart import Cart, CartError, CartLine, Selection, line_total
from kiosk.domain.catalog import Catalog
from kiosk.domain.order import Order, OrderType, order_from_cart


class DiscountKind(StrEnum):
    AMOUNT = "amount"
    PERCENT = "percent"


class DiscountError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Discount:
    kind: DiscountKind
    value: int  # won, or percent 1..100
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise DiscountError("할인 사유를 입력하세요 / a discount needs a reason")
        if self.kind is DiscountKind.PERCENT and not 1 <= self.value <= 100:
            raise DiscountError("할인율은 1-100% / a percent discount is 1 to 100")
        if self.kind is DiscountKind.AMOUNT and not 1 <= self.value <= 100_000_000:
            raise DiscountError("할인 금액을 확인하세요 / check the discount amount")

    def off(self, base: int) -> int:
        if self.kind is DiscountKind.PERCENT:
            return base * self.value // 100
        return min(self.value, base)


@dataclass(frozen=True, slots=True)
class TicketLine:
    cart_line: CartLine
    discount: Discount | None = None


@dataclass(frozen=True, slots=True)
class PricedLine:
    gross: int
    line_discount: int
    ticket_share: int

    @property
    def total(self) -> int:
        return self.gross - self.line_discount - self.ticket_share


@dataclass(frozen=True)
class Ticket:
    lines: tuple[TicketLine, ...] = ()
    discount: Discount | None = None
    order_type: OrderType = OrderType.DINE_IN

    # --- editing --------------------------------------------------------------------------------

    def add(self, catalog: Catalog, item_id: str, selection: Selection = (), quantity: int = 1) -> Ticket:
        cart = Cart(tuple(line.cart_line for line in self.lines)).add(catalog, item_id, selection, quantity)
        lines = []  # Cart.add keeps the order: a merged line keeps its discount, a new one comes last
        for i, cl in enumerate(cart.lines):
            prev = self.lines[i] if i < len(self.lines) else None
            lines.append(TicketLine(cl, prev.discount if prev is not None else None))
        return replace(self, lines=tuple(lines))

    def set_quantity(self, index: int, quantity: int) -> Ticket:
        self._check(index)
        if quantity <= 0:
            return self.remove(index)
        if quantity > 99:
            raise CartError("수량은 99개까지 / at most 99")
        lines = list(self.lines)
        lines[index] = replace(lines[index], cart_line=replace(lines[index].cart_line, quantity=quantity))
        return replace(self, lines=tuple(lines))

    def remove(self, index: int) -> Ticket:
        self._check(index)
        return replace(self, lines=self.lines[:index] + self.lines[index + 1 :])

    def with_line_discount(self, index: int, discount: Discount | None) -> Ticket:
        self._check(index)
        lines = list(self.lines)
        lines[index] = replace(lines[index], discount=discount)
        return replace(self, lines=tuple(lines))

    def with_discount(self, discount: Discount | None) -> Ticket:
        return replace(self, discount=discount)

    def with_order_type(self, order_type: OrderType) -> Ticket:
        return replace(self, order_type=order_type)

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.lines):
            raise CartError(f"no line {index + 1} on the ticket")

    # --- pricing --------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return sum(line.cart_line.quantity for line in self.lines)

    def priced(self, catalog: Catalog) -> list[PricedLine]:
        gross = [line_total(catalog, line.cart_line) for line in self.lines]
        line_off = [line.discount.off(g) if line.discount else 0 for line, g in zip(self.lines, gross, strict=True)]
        after = [g - d for g, d in zip(gross, line_off, strict=True)]
        base = sum(after)
        ticket_off = self.discount.off(base) if self.discount and base else 0
        shares = [0] * len(after)
        if ticket_off:
            left = ticket_off
            for i, amount in enumerate(after):
                share = ticket_off * amount // base if i < len(after) - 1 else left
                share = min(share, amount, left)
                shares[i], left = share, left - share
        return [PricedLine(g, d, s) for g, d, s in zip(gross, line_off, shares, strict=True)]

    def gross(self, catalog: Catalog) -> int:
        return sum(p.gross for p in self.priced(catalog))

    def total(self, catalog: Catalog) -> int:
        return sum(p.total for p in self.priced(catalog))

    def discount_total(self, catalog: Catalog) -> int:
        return sum(p.line_discount + p.ticket_share for p in self.priced(catalog))

    def discounts(self, catalog: Catalog) -> list[dict[str, Any]]:
        """The discounts as journaled: scope, kind, value, won off, reason."""
        priced = self.priced(catalog)
        out = []
        for i, (line, p) in enumerate(zip(self.lines, priced, strict=True)):
            if line.discount and p.line_discount:
                d = line.discount
                out.append(
                    {
                        "scope": "line",
                        "line": i + 1,
                        "kind": d.kind.value,
                        "value": d.value,
                        "amount": p.line_discount,
                        "reason": d.reason,
                    }
                )
        if self.discount:
            off = sum(p.ticket_share for p in priced)
            if off:
                d = self.discount
                out.append(
                    {
                        "scope": "ticket",
                        "line": 0,
                        "kind": d.kind.value,
                        "value": d.value,
                        "amount": off,
                        "reason": d.reason,
                    }
                )
        return out

    def to_order(self, catalog: Catalog, created_at: datetime, order_id: str | None = None) -> Order:
        if not self.lines:
            raise CartError("주문할 상품이 없습니다 / the ticket is empty")
        order = order_from_cart(
            catalog, Cart(tuple(line.cart_line for line in self.lines)), self.order_type, created_at, "ko", order_id
        )
        priced = self.priced(catalog)
        lines = tuple(replace(ol, line_total=p.total) for ol, p in zip(order.lines, priced, strict=True))
        return replace(order, lines=lines)
