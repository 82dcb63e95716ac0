"""An order as it is sold and recorded: frozen lines with the names and prices at the time of sale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.domain.cart import Cart, chosen_in_catalog_order, line_total, unit_price
from kiosk.domain.catalog import Catalog
from kiosk.domain.ids import uuid7
from kiosk.domain.money import TaxType, VatSplit, Won, split_vat


class OrderType(StrEnum):
    DINE_IN = "dine_in"  # 매장
    TAKE_OUT = "take_out"  # 포장


class PaymentMethod(StrEnum):
    CARD = "card"
    QR = "qr"  # merchant-presented QR, scanned by the customer's app
    BARCODE = "barcode"  # customer-presented code, read by the scanner
    CASH = "cash"


@dataclass(frozen=True, slots=True)
class OrderOption:
    group_id: str
    option_id: str
    name_ko: str
    price_delta: Won
    quantity: int = 1


@dataclass(frozen=True, slots=True)
class OrderLine:
    item_id: str
    name_ko: str
    names: dict[str, str]
    quantity: int
    unit_price: Won
    line_total: Won
    tax_type: TaxType
    options: tuple[OrderOption, ...] = ()


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    order_type: OrderType
    lines: tuple[OrderLine, ...]
    created_at: datetime  # UTC
    language: str = "ko"

    @property
    def total(self) -> Won:
        return sum(line.line_total for line in self.lines)

    @property
    def vat(self) -> VatSplit:
        taxable = sum(line.line_total for line in self.lines if line.tax_type is TaxType.TAXABLE)
        return split_vat(taxable, self.total - taxable)

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "order_type": self.order_type.value,
            "created_at": self.created_at.isoformat(),
            "language": self.language,
            "lines": [
                {
                    "item_id": ln.item_id,
                    "name_ko": ln.name_ko,
                    "names": ln.names,
                    "quantity": ln.quantity,
                    "unit_price": ln.unit_price,
                    "line_total": ln.line_total,
                    "tax_type": ln.tax_type.value,
                    "options": [
                        {
                            "group_id": o.group_id,
                            "option_id": o.option_id,
                            "name_ko": o.name_ko,
                            "price_delta": o.price_delta,
                            "quantity": o.quantity,
                        }
                        for o in ln.options
                    ],
                }
                for ln in self.lines
            ],
        }

    @staticmethod
    def from_payload(data: dict[str, Any]) -> Order:
        return Order(
            id=data["id"],
            order_type=OrderType(data["order_type"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            language=data.get("language", "ko"),
            lines=tuple(
                OrderLine(
                    item_id=ln["item_id"],
                    name_ko=ln["name_ko"],
                    names=dict(ln.get("names", {})),
                    quantity=ln["quantity"],
                    unit_price=ln["unit_price"],
                    line_total=ln["line_total"],
                    tax_type=TaxType(ln["tax_type"]),
                    options=tuple(OrderOption(**o) for o in ln.get("options", [])),
                )
                for ln in data["lines"]
            ),
        )


def order_from_cart(
    catalog: Catalog,
    cart: Cart,
    order_type: OrderType,
    created_at: datetime,
    language: str = "ko",
    order_id: str | None = None,
) -> Order:
    if not cart.lines:
        raise ValueError("an order needs at least one item")
    lines = []
    for cl in cart.lines:
        item = catalog.item(cl.item_id)
        # In the catalog's order (the receipt and the kitchen ticket list them so), not the sorted selection's.
        options = [
            OrderOption(group.id, opt.id, opt.names.ko, opt.price_delta, qty)
            for group, opt, qty in chosen_in_catalog_order(catalog, cl)
        ]
        lines.append(
            OrderLine(
                item_id=item.id,
                name_ko=item.names.ko,
                names={"ko": item.names.ko, "en": item.names.en, "zh": item.names.zh, "ja": item.names.ja},
                quantity=cl.quantity,
                unit_price=unit_price(catalog, cl),
                line_total=line_total(catalog, cl),
                tax_type=item.tax_type,
                options=tuple(options),
            )
        )
    return Order(order_id or uuid7(), order_type, tuple(lines), created_at, language)
