"""Counter sales (DESIGN §13): a ticket paid by one or more tenders — card / QR / barcode (each through a
payment intent first, kiosk/payments), cash with tendered and change, 온누리상품권 paper vouchers with
the shop's change rule — recorded as one `sale.completed` entry with a `counter` part (every tender,
discounts, who), the drawer opened after it commits, and a cash receipt offered / issued / marked due.

Refusals raise `SaleRefused` (or a DayError) with a message for the screen; nothing is recorded then.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kiosk.counter.cash_receipts import CashReceipt, CashReceiptError, CashReceipts
from kiosk.counter.day import DRAWER_OPENED, BusinessDay, NotPermitted, _who
from kiosk.counter.errors import SaleRefused as SaleRefused  # re-exported: the counter's callers import it here
from kiosk.counter.held import HELD_FILE, HeldTickets
from kiosk.counter.identifiers import Identifier, Purpose
from kiosk.counter.rules import CounterRules, VoucherChange
from kiosk.counter.ticket import Ticket
from kiosk.domain.catalog import Catalog
from kiosk.domain.ids import uuid7
from kiosk.ledger.ledger import SALE_COMPLETED, Ledger
from kiosk.ledger.models import OrderRow, PaymentRow
from kiosk.payments.approval import Approval
from kiosk.payments.intents import INTENT_METHODS
from kiosk.payments.masking import check_masked
from kiosk.payments.port import PaymentResult, PaymentStatus
from kiosk.session.modes import Permission, SignedIn, may

log = logging.getLogger(__name__)

METHOD_KO = {"card": "카드", "qr": "QR", "barcode": "간편결제", "cash": "현금", "voucher": "온누리상품권"}


@dataclass(frozen=True, slots=True)
class Tender:
    """One part of a payment. `amount` is what it pays of the bill; cash keeps `tendered` and `change`;
    a voucher keeps its face value in `tendered` and the cash change given for it (per the shop's rule)."""

    method: str
    amount: int
    tendered: int = 0
    change: int = 0
    id: str = ""
    provider: str = ""
    approval_no: str = ""
    issuer: str = ""
    masked_card: str = ""
    installments: int = 0

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id or uuid7(),
            "method": self.method,
            "amount": self.amount,
            "provider": self.provider,
            "approval_no": self.approval_no,
            "issuer": self.issuer,
            "masked_card": check_masked(self.masked_card),
            "installments": self.installments,
            "tendered": self.tendered,
            "change": self.change,
        }


def cash_tender(due: int, tendered: int) -> Tender:
    """Cash handed over for (part of) `due`: pays min(due, tendered), the rest of it is change."""
    if tendered <= 0:
        raise SaleRefused("받은 금액을 입력하세요 / enter the cash received")
    amount = min(due, tendered)
    return Tender("cash", amount, tendered=tendered, change=tendered - amount)


def voucher_change(face: int, used: int, rules: CounterRules) -> int:
    """The cash given back for a voucher of `face` won of which `used` paid the bill."""
    left = face - used
    if left <= 0 or rules.voucher_change is VoucherChange.NEVER:
        return 0
    if rules.voucher_change is VoucherChange.ALWAYS:
        return left
    return left if used * 100 >= face * rules.voucher_change_percent else 0


def voucher_tender(due: int, face: int, rules: CounterRules) -> Tender:
    """Paper 온누리상품권 of total face value `face` for (part of) `due`."""
    if face <= 0 or face % 1000:
        raise SaleRefused("상품권 금액을 확인하세요 (1,000원 단위) / check the voucher's face value")
    used = min(due, face)
    return Tender("voucher", used, tendered=face, change=voucher_change(face, used, rules))


def approved_tender(result: PaymentResult) -> Tender:
    """A card / QR / barcode part from its approved PaymentResult (id = the intent id)."""
    if result.status is not PaymentStatus.APPROVED:
        raise SaleRefused(f"결제가 승인되지 않았습니다 ({result.status.value}) / the payment was not approved")
    fields = Approval.of(result).fields(with_time=False)
    return Tender(result.method.value, result.amount, id=result.intent_id, **fields)


@dataclass(frozen=True, slots=True)
class CounterSale:
    order_id: str
    order_number: int
    business_date: date
    seq: int
    total: int
    change: int
    tenders: tuple[Tender, ...]
    cash_receipt: CashReceipt | None = None
    cash_receipt_error: str = ""
    receipt_due: bool = False


class Counter:
    """Selling at the counter on one ledger: checks the day is open and the discount limit, records the
    sale with all its tenders, opens the drawer, and handles the cash receipt."""

    def __init__(
        self,
        ledger: Ledger,
        catalog: Catalog,
        day: BusinessDay,
        rules: CounterRules,
        *,
        cash_receipts: CashReceipts | None = None,
        held_dir: Path | None = None,
    ) -> None:
        """`held_dir`: where held tickets are kept across restarts (the data directory); None: in memory."""
        self.ledger = ledger
        self.catalog = catalog
        self.day = day
        self.rules = rules
        self.cash_receipts = cash_receipts
        self.held = HeldTickets(held_dir / HELD_FILE if held_dir is not None else None, catalog)

    # --- checks -----------------------------------------------------------------------------------

    def discount_needs_approval(self, ticket: Ticket) -> bool:
        gross = ticket.gross(self.catalog)
        return gross > 0 and ticket.discount_total(self.catalog) * 100 > gross * self.rules.discount_limit_percent

    def check_discount(self, ticket: Ticket, who: SignedIn, approver: SignedIn | None) -> SignedIn | None:
        """None when no approval is needed, else the person who approved (a manager or owner)."""
        if not self.discount_needs_approval(ticket):
            return None
        for person in (approver, who):
            if person is not None and may(person.role, Permission.DISCOUNT_OVER_LIMIT):
                return person
        raise NotPermitted(
            f"할인이 {self.rules.discount_limit_percent}%를 넘어 점장 또는 점주 승인이 필요합니다 / a discount over "
            f"{self.rules.discount_limit_percent}% needs a manager or the owner",
            approval="discount",
        )

    # --- selling ----------------------------------------------------------------------------------

    def sell(
        self,
        ticket: Ticket,
        tenders: list[Tender],
        who: SignedIn,
        *,
        approver: SignedIn | None = None,
        order_id: str | None = None,
        receipt_id: Identifier | None = None,
        receipt_purpose: Purpose = Purpose.DEDUCTION,
    ) -> CounterSale:
        """Record the sale paid by `tenders` (together exactly the ticket's total). Card / QR / barcode
        tenders must come from approved intents of this `order_id`. Returns what the screen shows."""
        session = self.day.require_open()
        if not may(who.role, Permission.COUNTER_SALES):
            raise NotPermitted("카운터 판매 권한이 없습니다 / not permitted to sell")
        total = ticket.total(self.catalog)
        if total <= 0:
            raise SaleRefused("결제할 금액이 없습니다 / nothing to pay")
        if not tenders:
            raise SaleRefused("결제 수단을 선택하세요 / choose how the customer pays")
        paid = sum(t.amount for t in tenders)
        if paid != total:
            raise SaleRefused(f"결제 금액 {paid:,}원이 합계 {total:,}원과 다릅니다 / the tenders do not add up")
        change_out = sum(t.change for t in tenders if t.method == "voucher")
        if change_out:  # cash change for a voucher comes out of the drawer, as a paid out does
            holds = self.day.drawer_balance() + sum(t.amount for t in tenders if t.method == "cash")
            if change_out > holds:
                raise SaleRefused(
                    f"상품권 거스름돈 {change_out:,}원이 금전함 잔액 {holds:,}원보다 많습니다 "
                    f"/ the drawer does not hold the voucher's change ({holds:,}원)"
                )
        approved_by = self.check_discount(ticket, who, approver)
        order = ticket.to_order(self.catalog, self.ledger.clock.now(), order_id)
        # card / QR / barcode first: the sale's `payment` is the one the intent guard knows
        parts = sorted(tenders, key=lambda t: (t.method not in INTENT_METHODS, t.method != "cash"))
        payments = [t.to_payload() for t in parts]
        discounts = ticket.discounts(self.catalog)
        for d in discounts:
            d["approved_by"] = approved_by.person_id if approved_by else ""
        vat = order.vat
        day = session.business_date
        with self.ledger.transaction() as tx:
            number = self.ledger.number_in_range(tx.dbapi, date.fromisoformat(day), self.rules.order_range)
            payload = {
                "order": order.to_payload(),
                "payment": payments[0],
                "business_date": day,
                "order_number": number,
                "local_hour": order.created_at.astimezone(self.ledger.tz).hour,
                "totals": {
                    "total": order.total,
                    "taxable": vat.taxable_total,
                    "tax_free": vat.tax_free_total,
                    "supply_value": vat.supply_value,
                    "vat": vat.vat,
                },
                "counter": {
                    "session_id": session.id,
                    "payments": payments,
                    "discounts": discounts,
                    "gross": ticket.gross(self.catalog),
                    "approved_by": approved_by.person_id if approved_by else "",
                    **_who(who),
                    **(
                        {"cash_receipt": {"id_masked": receipt_id.masked, "purpose": receipt_purpose.value}}
                        if receipt_id is not None
                        else {}
                    ),
                },
            }
            entry = self.ledger.record(SALE_COMPLETED, payload)
        change = sum(t.change for t in parts)
        if any(t.method in ("cash", "voucher") for t in parts):
            self.day.kick_drawer()
        sale = CounterSale(order.id, number, date.fromisoformat(day), entry.seq, total, change, tuple(parts))
        return self._cash_receipt(sale, receipt_id, receipt_purpose, taxable=vat.taxable_total)

    def _cash_receipt(self, sale: CounterSale, ident: Identifier | None, purpose: Purpose, taxable: int) -> CounterSale:
        cash = sum(t.amount for t in sale.tenders if t.method == "cash")
        if self.cash_receipts is None or cash <= 0:
            return sale
        if ident is not None:
            try:
                share = taxable * cash // sale.total if sale.total else 0
                receipt = self.cash_receipts.issue(sale.order_id, cash, ident, purpose, taxable=share)
            except CashReceiptError as exc:  # the sale stands; the receipt can be issued again
                return _with(sale, cash_receipt_error=str(exc))
            return _with(sale, cash_receipt=receipt)
        if self.rules.cash_receipt_mandatory and sale.total >= self.rules.cash_receipt_threshold:
            receipt = self.cash_receipts.mark_due(sale.order_id, cash, sale.business_date)
            return _with(sale, cash_receipt=receipt, receipt_due=True)
        return sale

    # --- cash refunds -----------------------------------------------------------------------------

    def refund_cash(self, order_id: str, who: SignedIn, reason: str, *, approver: SignedIn | None = None) -> int:
        """Refund a sale paid in cash (and vouchers) out of the drawer; returns the won paid out. Card and
        QR parts are refunded through the provider (the owner's refund screen), not here."""
        person = next((p for p in (approver, who) if p is not None and may(p.role, Permission.REFUND)), None)
        if person is None:
            raise NotPermitted(
                "환불은 점장 또는 점주 승인이 필요합니다 / a refund needs a manager or the owner", approval="refund"
            )
        reason = " ".join(reason.split())[:200]
        if not reason:
            raise SaleRefused("환불 사유를 입력하세요 / give a reason")
        session = self.day.require_open()
        with self.ledger.reading() as s:
            order = s.get(OrderRow, order_id)
            if order is None:
                raise SaleRefused("그 주문이 없습니다 / no such order")
            methods = set(s.execute(select(PaymentRow.method).where(PaymentRow.order_id == order_id)).scalars())
            total = order.total
        if not methods <= {"cash", "voucher"}:
            raise SaleRefused(
                "카드·QR 결제는 현금으로 환불할 수 없습니다 / card and QR payments are refunded to the card"
            )
        if total > self.day.drawer_balance():
            raise SaleRefused("금전함 잔액이 부족합니다 / the drawer does not hold enough cash")
        with self.ledger.transaction():
            self.ledger.record_refund(order_id, reason, method="cash")
            self.ledger.record(
                DRAWER_OPENED,
                {
                    "session_id": session.id,
                    "purpose": "refund",
                    "order_id": order_id,
                    "refund_amount": total,
                    "reason": reason,
                    "approved_by": person.person_id,
                    **_who(who),
                },
            )
        if self.cash_receipts is not None:
            for r in self.cash_receipts.for_order(order_id):
                if r.state == "issued":
                    try:
                        self.cash_receipts.cancel(r.id, r.approval_no, r.approved_at[:10].replace("-", ""), "1")
                    except CashReceiptError as exc:
                        log.warning("cash receipt %s not cancelled with the refund: %s", r.id, exc)
        self.day.kick_drawer()
        return total

    def find_order(self, order_number: int, business_date: str | None = None) -> str | None:
        """The id of today's (or `business_date`'s) order with this number."""
        day = business_date or self.day.require_open().business_date
        with self.ledger.reading() as s:
            row = s.execute(
                select(OrderRow.id).where(OrderRow.business_date == day, OrderRow.order_number == order_number)
            ).first()
            return str(row[0]) if row else None


def _with(sale: CounterSale, **changes: Any) -> CounterSale:
    from dataclasses import replace

    return replace(sale, **changes)
