"""Orders: search, an order's detail, refund a whole order by its number, reprint its receipt (재발행).

Search reads the read models (`orders` joined to `payments`) within a range of business days, so it stays
an indexed read on years of history. A refund goes through the payment service the kiosk sells with
(kiosk/payments/refunds.py: card through the terminal with the original approval, QR / code through their
provider), as reversal entries; an order paid another way (cash) is recorded as refunded by hand.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.domain.business_day import business_date
from kiosk.owner.access import OwnerError, require
from kiosk.session.modes import Permission, SignedIn

if TYPE_CHECKING:
    from kiosk.ledger import Ledger
    from kiosk.staff.service import StaffService

MAX_RESULTS = 200
MAX_SEARCH_DAYS = 366
PRINT_KINDS = (
    "receipt.printed",
    "receipt.print_failed",
    "receipt.reprinted",
    "kitchen_ticket.printed",
    "kitchen_ticket.print_failed",
    "kitchen_ticket.reprinted",
)


class OrderNotFound(OwnerError):
    pass


class RefundFailed(OwnerError):
    pass


class Refunder(Protocol):
    """kiosk.payments.service.PaymentService's refund."""

    def refund(self, order_id: str, reason: str = "") -> Any: ...


class Reprinter(Protocol):
    """kiosk.receipts.service.ReceiptService's reprint."""

    def reprint(self, order_id: str) -> str | None: ...


@dataclass(frozen=True)
class Search:
    """What to look for; empty fields match everything. Days default to the business day given."""

    date_from: date | None = None
    date_to: date | None = None
    number: int | None = None
    amount_min: int | None = None
    amount_max: int | None = None
    hour_from: int | None = None  # local hour, inclusive
    hour_to: int | None = None
    method: str = ""  # card | qr | barcode | cash
    card_last4: str = ""
    status: str = ""  # completed | refunded


@dataclass(frozen=True)
class OrderSummary:
    id: str
    business_date: str
    number: int
    created_at: str  # UTC ISO
    local_time: str  # HH:MM in the shop's time zone
    total: int
    status: str
    method: str
    masked_card: str
    approval_no: str


@dataclass(frozen=True)
class Line:
    name: str
    quantity: int
    unit_price: int
    total: int
    options: str
    tax_type: str


@dataclass(frozen=True)
class Payment:
    method: str
    amount: int
    provider: str
    approval_no: str
    issuer: str
    masked_card: str
    installments: int
    status: str


@dataclass(frozen=True)
class Print:
    at: str
    document: str  # receipt | kitchen
    result: str  # printed | print_failed | reprinted


@dataclass(frozen=True)
class OrderDetail:
    summary: OrderSummary
    order_type: str
    vat: int
    supply_value: int
    tax_free_total: int
    lines: list[Line]
    payments: list[Payment]
    prints: list[Print] = field(default_factory=list)
    refund_reason: str = ""
    refunded_at: str = ""


def _local_time(created_at: str, ledger: Ledger) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(created_at).astimezone(ledger.tz).strftime("%H:%M")
    except ValueError:
        return ""


_SELECT = (
    "SELECT o.id, o.business_date, o.order_number, o.created_at, o.total, o.status, "
    "coalesce(p.method, ''), coalesce(p.masked_card, ''), coalesce(p.approval_no, '') "
    "FROM orders o LEFT JOIN payments p ON p.order_id = o.id "
)


class OrderBook:
    """Orders of this terminal's ledger. `payments` refunds (PaymentService; None: only by hand),
    `receipts` reprints (ReceiptService; None: no printer). `staff`: the register roles are checked on."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        payments: Refunder | None = None,
        receipts: Reprinter | None = None,
        staff: StaffService | None = None,
    ) -> None:
        self.ledger = ledger
        self.payments = payments
        self.receipts = receipts
        self.staff = staff
        self._refunding = threading.Event()

    @property
    def refund_in_progress(self) -> bool:
        """A refund is with the terminal / provider (the idle sign-out waits for it)."""
        return self._refunding.is_set()

    def today(self) -> date:
        return business_date(self.ledger.clock.now(), self.ledger.tz, self.ledger.day_start_hour)

    # --- reading --------------------------------------------------------------------------------

    def search(self, q: Search) -> list[OrderSummary]:
        today = self.today()
        lo = q.date_from or q.date_to or today
        hi = q.date_to or (q.date_from if q.date_from else today)
        if hi < lo:
            lo, hi = hi, lo
        if (hi - lo).days >= MAX_SEARCH_DAYS:
            lo = hi - timedelta(days=MAX_SEARCH_DAYS - 1)
        where = ["o.business_date BETWEEN ? AND ?"]
        params: list[Any] = [lo.isoformat(), hi.isoformat()]
        digits = "".join(ch for ch in q.card_last4 if ch.isdigit())[-4:] if q.card_last4 else None
        for clause, value in (
            ("o.order_number = ?", q.number),
            ("o.total >= ?", q.amount_min),
            ("o.total <= ?", q.amount_max),
            ("o.local_hour >= ?", q.hour_from),
            ("o.local_hour <= ?", q.hour_to),
            ("p.method = ?", q.method or None),
            ("substr(p.masked_card, -4) = ?", digits),  # the expression of ix_payments_card_last4 (0030)
            ("o.status = ?", q.status or None),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        select = _SELECT
        if q.method or q.card_last4:  # payments carry the day too: the card index is (last 4, day)
            select = _SELECT.replace("LEFT JOIN", "JOIN")
            where[0] = "p.business_date BETWEEN ? AND ?"
        sql = (
            select + "WHERE " + " AND ".join(where) + " ORDER BY o.business_date DESC, o.created_at DESC "
            f"LIMIT {MAX_RESULTS}"
        )
        with self.ledger.reading() as s:
            rows = s.connection().exec_driver_sql(sql, tuple(params)).all()
        return [self._summary(r) for r in rows]

    def _summary(self, r: Sequence[Any]) -> OrderSummary:
        return OrderSummary(
            id=r[0],
            business_date=r[1],
            number=int(r[2]),
            created_at=r[3],
            local_time=_local_time(r[3], self.ledger),
            total=int(r[4]),
            status=r[5],
            method=r[6],
            masked_card=r[7],
            approval_no=r[8],
        )

    def find(self, number: int, day: date | None = None) -> OrderSummary:
        """The order with `number` on business day `day` (today by default)."""
        day = day or self.today()
        with self.ledger.reading() as s:
            r = (
                s.connection()
                .exec_driver_sql(
                    _SELECT + "WHERE o.business_date = ? AND o.order_number = ?", (day.isoformat(), number)
                )
                .first()
            )
        if r is None:
            raise OrderNotFound(f"{day.isoformat()} 에 {number}번 주문이 없습니다 / no order No. {number} on {day}")
        return self._summary(r)

    def detail(self, order_id: str) -> OrderDetail:
        with self.ledger.reading() as s:
            conn = s.connection()
            head = conn.exec_driver_sql(_SELECT + "WHERE o.id = ?", (order_id,)).first()
            if head is None:
                raise OrderNotFound(f"주문이 없습니다 / no order {order_id}")
            extra = conn.exec_driver_sql(
                "SELECT order_type, vat, supply_value, tax_free_total, journal_seq FROM orders WHERE id = ?",
                (order_id,),
            ).one()
            lines = conn.exec_driver_sql(
                "SELECT name_ko, quantity, unit_price, line_total, options_ko, tax_type FROM order_lines "
                "WHERE order_id = ? ORDER BY line_no",
                (order_id,),
            ).all()
            pays = conn.exec_driver_sql(
                "SELECT method, amount, provider, approval_no, issuer, masked_card, installments, status "
                "FROM payments WHERE order_id = ?",
                (order_id,),
            ).all()
            refund = conn.exec_driver_sql(
                "SELECT reason, created_at FROM refunds WHERE order_id = ?", (order_id,)
            ).first()
            marks = ",".join("?" * len(PRINT_KINDS))
            prints = conn.exec_driver_sql(
                f"SELECT ts, kind, payload FROM journal WHERE seq > ? AND kind IN ({marks}) "
                "AND json_extract(payload, '$.order_id') = ? ORDER BY seq",
                (int(extra[4]), *PRINT_KINDS, order_id),
            ).all()
        return OrderDetail(
            summary=self._summary(head),
            order_type=extra[0],
            vat=int(extra[1]),
            supply_value=int(extra[2]),
            tax_free_total=int(extra[3]),
            lines=[Line(n, int(q), int(u), int(t), o, tx) for n, q, u, t, o, tx in lines],
            payments=[Payment(m, int(a), p, ap, i, mc, int(inst), st) for m, a, p, ap, i, mc, inst, st in pays],
            prints=[
                Print(ts, json.loads(payload).get("document", ""), kind.split(".", 1)[1])
                for ts, kind, payload in prints
            ],
            refund_reason=refund[0] if refund else "",
            refunded_at=refund[1] if refund else "",
        )

    # --- changing ---------------------------------------------------------------------------------

    def refund(self, who: SignedIn | None, order_id: str, reason: str, *, by_hand: bool = False) -> OrderSummary:
        """Refund a whole order (a reversal entry). Blocking: the terminal or provider answers first, so
        call it off the GUI thread. `by_hand`: record only; the money (cash) is returned by hand."""
        who = require(who, Permission.REFUND, self.staff)
        reason = reason.strip()
        if not reason:
            raise RefundFailed("환불 사유를 입력해 주세요 / give a reason for the refund")
        head = self.detail(order_id).summary
        if head.status == "refunded":
            raise RefundFailed(
                f"{head.number}번 주문은 이미 환불되었습니다 / order No. {head.number} is already refunded"
            )
        note = f"{reason} (by {who.name or who.role.value})"
        self._refunding.set()
        try:
            if by_hand or head.method == "cash" or not head.method:
                self.ledger.record_refund(order_id, reason=note, method="manual")
            else:
                if self.payments is None:
                    raise RefundFailed("결제 단말기가 연결되지 않았습니다 / no payment service here: refund by hand")
                try:
                    self.payments.refund(order_id, note)
                except OwnerError:
                    raise
                except Exception as exc:  # RefundError's message says what to do; a device problem too
                    raise RefundFailed(str(exc)) from None
        finally:
            self._refunding.clear()
        return self.detail(order_id).summary

    def refund_number(
        self, who: SignedIn | None, number: int, reason: str, day: date | None = None, *, by_hand: bool = False
    ) -> OrderSummary:
        return self.refund(who, self.find(number, day).id, reason, by_hand=by_hand)

    def reprint(self, who: SignedIn | None, order_id: str) -> str:
        """A copy of the receipt marked 재발행; returns the print job's id."""
        require(who, Permission.BACK_OFFICE, self.staff)
        if self.receipts is None:
            raise OwnerError("영수증 프린터가 없습니다 / no receipt printer on this terminal")
        self.detail(order_id)  # an unknown order says so
        job = self.receipts.reprint(order_id)
        if job is None:
            raise OwnerError("이미 인쇄 중입니다 / a copy is already printing")
        return job
