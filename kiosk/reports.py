"""Sales reports from the ledger's read models: a business day or a range of them.

Four indexed queries on the read models (daily_totals, order_lines, orders, payments by business date),
written once as SQL and run either on an open Ledger (`sales_report`) or on a plain read-only sqlite3
connection (`read_sales_report`, for `kiosk report`: no SQLAlchemy to import, so the whole command costs
little more than the queries). This module imports neither SQLAlchemy nor the ledger."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from kiosk.domain.money import format_won
from kiosk.text import display_width, pad_left, pad_right, truncate

if TYPE_CHECKING:
    from kiosk.ledger import Ledger

_BETWEEN = "business_date BETWEEN ? AND ?"
_TOTALS = (
    "SELECT coalesce(sum(sale_count), 0), coalesce(sum(gross), 0), coalesce(sum(refund_count), 0), "
    "coalesce(sum(refunds), 0), coalesce(sum(supply_value), 0), coalesce(sum(vat), 0), "
    f"coalesce(sum(taxable_total), 0), coalesce(sum(tax_free_total), 0) FROM daily_totals WHERE {_BETWEEN}"
)
_ITEMS = (
    f"SELECT item_id, min(name_ko), sum(quantity), sum(line_total) FROM order_lines WHERE {_BETWEEN} "
    "GROUP BY item_id ORDER BY sum(line_total) DESC, item_id"
)
_HOURS = f"SELECT local_hour, count(*), sum(total) FROM orders WHERE {_BETWEEN} GROUP BY local_hour"
_METHODS = (
    f"SELECT method, count(*), sum(amount) FROM payments WHERE {_BETWEEN} GROUP BY method ORDER BY sum(amount) DESC"
)
_ORDERS = (
    "SELECT o.business_date, o.order_number, o.created_at, o.total, o.status, coalesce(p.method, '') FROM orders o "
    f"LEFT JOIN payments p ON p.order_id = o.id WHERE o.{_BETWEEN} ORDER BY o.business_date, o.order_number"
)
Query = Callable[[str, tuple[str, str]], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class ItemSales:
    item_id: str
    name: str
    quantity: int
    amount: int


@dataclass(frozen=True)
class OrderEntry:
    """One order of the report, by its number (what `kiosk refund --number` takes)."""

    business_date: str
    number: int
    created_at: str  # UTC ISO
    total: int
    status: str  # completed | refunded
    method: str


@dataclass(frozen=True)
class SalesReport:
    date_from: str
    date_to: str
    sale_count: int
    gross: int
    refund_count: int
    refunds: int
    net: int
    supply_value: int
    vat: int
    taxable_total: int
    tax_free_total: int
    by_item: list[ItemSales] = field(default_factory=list)
    by_hour: dict[int, tuple[int, int]] = field(default_factory=dict)  # hour -> (count, amount)
    by_method: dict[str, tuple[int, int]] = field(default_factory=dict)  # method -> (count, amount)
    orders: list[OrderEntry] = field(default_factory=list)  # with `with_orders` only

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["by_hour"] = [{"hour": h, "count": c, "amount": a} for h, (c, a) in sorted(self.by_hour.items())]
        data["by_method"] = [{"method": m, "count": c, "amount": a} for m, (c, a) in self.by_method.items()]
        return data


def sales_report(
    ledger: Ledger, date_from: date, date_to: date | None = None, *, with_orders: bool = False
) -> SalesReport:
    """The report from an open ledger, in one read transaction."""
    with ledger.reading() as s:
        conn = s.connection()
        return _report(lambda sql, params: conn.exec_driver_sql(sql, params).all(), date_from, date_to, with_orders)


def read_sales_report(
    conn: sqlite3.Connection, date_from: date, date_to: date | None = None, *, with_orders: bool = False
) -> SalesReport:
    """The same report on a plain sqlite3 connection (kiosk.ledger.readonly), in one read transaction."""
    conn.execute("BEGIN")
    try:
        return _report(lambda sql, params: conn.execute(sql, params).fetchall(), date_from, date_to, with_orders)
    finally:
        conn.execute("ROLLBACK")


def _report(query: Query, date_from: date, date_to: date | None, with_orders: bool = False) -> SalesReport:
    span = (date_from.isoformat(), (date_to or date_from).isoformat())
    t = query(_TOTALS, span)[0]
    items, hours, methods = query(_ITEMS, span), query(_HOURS, span), query(_METHODS, span)
    count, gross, rcount, refunds, supply, vat, taxable, tax_free = (int(v) for v in t)
    return SalesReport(
        date_from=span[0],
        date_to=span[1],
        sale_count=count,
        gross=gross,
        refund_count=rcount,
        refunds=refunds,
        net=gross - refunds,
        supply_value=supply,
        vat=vat,
        taxable_total=taxable,
        tax_free_total=tax_free,
        by_item=[ItemSales(i, n, int(q), int(a)) for i, n, q, a in items],
        by_hour={int(h): (int(c), int(a)) for h, c, a in hours},
        by_method={m: (int(c), int(a)) for m, c, a in methods},
        orders=[OrderEntry(d, int(n), at, int(t), st, m) for d, n, at, t, st, m in query(_ORDERS, span)]
        if with_orders
        else [],
    )


LABELS = {
    "ko": {
        "title": "일일 매출 보고서",
        "period": "영업일",
        "count": "판매 건수",
        "gross": "총매출",
        "refunds": "환불",
        "net": "순매출",
        "supply": "공급가액",
        "vat": "부가세",
        "taxable": "과세 매출",
        "tax_free": "면세 매출",
        "by_item": "품목별",
        "by_hour": "시간대별",
        "by_method": "결제수단별",
        "qty": "수량",
        "amount": "금액",
        "cases": "건",
        "none": "(매출 없음)",
        "card": "카드",
        "qr": "QR 결제",
        "barcode": "바코드 결제",
        "cash": "현금",
        "orders": "주문별 (번호  시각  금액  결제)",
        "refunded": "환불됨",
    },
    "en": {
        "title": "Daily sales report",
        "period": "Business day",
        "count": "Sales",
        "gross": "Gross sales",
        "refunds": "Refunds",
        "net": "Net sales",
        "supply": "Supply value",
        "vat": "VAT",
        "taxable": "Taxable sales",
        "tax_free": "Tax-free sales",
        "by_item": "By item",
        "by_hour": "By hour",
        "by_method": "By payment method",
        "qty": "Qty",
        "amount": "Amount",
        "cases": "",
        "none": "(no sales)",
        "card": "Card",
        "qr": "QR",
        "barcode": "Mobile barcode",
        "cash": "Cash",
        "orders": "Orders (No.  time  amount  payment)",
        "refunded": "refunded",
    },
}


def format_report(
    report: SalesReport, shop_name: str, lang: str = "ko", width: int = 48, tz: tzinfo | None = None
) -> str:
    L = LABELS.get(lang, LABELS["ko"])

    def won(v: int) -> str:
        return format_won(v) if lang == "ko" else f"KRW {v:,}"

    def row(label: str, value: str) -> str:
        return pad_right(label, width - display_width(value)) + value

    period = report.date_from if report.date_from == report.date_to else f"{report.date_from} ~ {report.date_to}"
    lines = [shop_name, L["title"], f"{L['period']}: {period}", "=" * width]
    refunds = f"-{won(report.refunds)} ({report.refund_count}{L['cases'] or ''})"
    lines += [
        row(L["count"], f"{report.sale_count:,}{L['cases']}"),
        row(L["gross"], won(report.gross)),
        row(L["refunds"], refunds),
        row(L["net"], won(report.net)),
        row(L["taxable"], won(report.taxable_total)),
        row(L["supply"], won(report.supply_value)),
        row(L["vat"], won(report.vat)),
        row(L["tax_free"], won(report.tax_free_total)),
        "-" * width,
        f"[{L['by_item']}]",
    ]
    if not report.by_item:
        lines.append(L["none"])
    for it in report.by_item:
        qty = f"{it.quantity:>4}"
        amount = pad_left(won(it.amount), 14)
        name = truncate(it.name, width - 4 - 14 - 2)
        lines.append(pad_right(name, width - 4 - 14 - 1) + " " + qty + amount)
    lines += ["-" * width, f"[{L['by_hour']}]"]
    for hour in sorted(report.by_hour):
        c, a = report.by_hour[hour]
        lines.append(
            pad_right(f"{hour:02d}:00-{hour:02d}:59", 16)
            + pad_left(f"{c}{L['cases']}", 8)
            + pad_left(won(a), width - 24)
        )
    lines += ["-" * width, f"[{L['by_method']}]"]
    for m, (c, a) in report.by_method.items():
        lines.append(pad_right(L.get(m, m), 16) + pad_left(f"{c}{L['cases']}", 8) + pad_left(won(a), width - 24))
    if report.orders:
        lines += ["-" * width, f"[{L['orders']}]"]
        several_days = report.date_from != report.date_to
        for o in report.orders:
            try:
                at = datetime.fromisoformat(o.created_at).astimezone(tz)
            except ValueError:
                at = None
            when = (at.strftime("%m-%d %H:%M") if several_days else at.strftime("%H:%M")) if at else ""
            status = f" ({L['refunded']})" if o.status == "refunded" else ""
            lines.append(
                pad_left(f"{o.number}", 5) + "  " + pad_right(when, 12 if several_days else 6)
                + pad_left(won(o.total), 12) + "  " + L.get(o.method, o.method) + status
            )  # fmt: skip
    lines.append("=" * width)
    return "\n".join(lines)
