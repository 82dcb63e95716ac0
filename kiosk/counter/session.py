"""The counter screen's state, without Qt: the running ticket with a selected line whose options are edited
in place, quantity keys, holds, keyboard / barcode entry, and the payment in progress (tenders collected
until the ticket is paid, then one `Counter.sell`). The view-model (ui/counter/viewmodel.py) only shows
this and forwards taps; card / QR / barcode parts run on the PaymentService's own thread and come back
through `card_result` on the GUI thread.

A tap on an item adds a line at once with each required option group's first choice, and selects it; a tap
on an option changes that line. A three-item order with one option change each is six taps.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.counter.day import BusinessDay
from kiosk.counter.identifiers import Identifier, Purpose
from kiosk.counter.sales import (
    Counter,
    CounterSale,
    SaleRefused,
    Tender,
    approved_tender,
    cash_tender,
    voucher_tender,
)
from kiosk.counter.ticket import Discount, Ticket
from kiosk.domain.cart import CartError, Selection
from kiosk.domain.catalog import Catalog, Item
from kiosk.domain.ids import uuid7
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.payments.port import PaymentRequest, PaymentResult, PaymentStatus
from kiosk.session.modes import SignedIn


@dataclass
class Payment:
    """The payment in progress for one ticket (one order id for every part)."""

    order_id: str
    total: int
    tenders: list[Tender] = field(default_factory=list)
    in_flight: PaymentRequest | None = None

    @property
    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    @property
    def due(self) -> int:
        return self.total - self.paid

    @property
    def change(self) -> int:
        return sum(t.change for t in self.tenders)

    @property
    def has_approved_part(self) -> bool:
        return any(t.method in ("card", "qr", "barcode") for t in self.tenders)


class CounterSession:
    def __init__(self, counter: Counter, day: BusinessDay) -> None:
        self.counter = counter
        self.day = day
        self.ticket = Ticket()
        self.selected = -1
        self.payment: Payment | None = None
        self.last_sale: CounterSale | None = None
        self.who: SignedIn | None = None  # the person at the counter (the staff session's)
        self.approver: SignedIn | None = None  # a manager / owner who approved this ticket's discount
        self.receipt_id: Identifier | None = None  # the cash receipt asked for (entered before paying)
        self.receipt_purpose = Purpose.DEDUCTION

    @property
    def catalog(self) -> Catalog:
        return self.counter.catalog

    # --- the ticket -------------------------------------------------------------------------------

    def default_selection(self, item: Item) -> Selection:
        return tuple((g.id, (g.options[0].id,)) for g in self.catalog.groups_of(item) if g.min_choices > 0)

    def tap_item(self, item_id: str) -> None:
        self._no_payment()
        item = self.catalog.item(item_id)
        self.ticket = self.ticket.append(self.catalog, item_id, self.default_selection(item))
        self.selected = len(self.ticket.lines) - 1

    def tap_option(self, group_id: str, option_id: str) -> None:
        """Toggle an option of the selected line: a single-choice group switches, a multi-choice one adds
        (up to its maximum, then the tap removes it)."""
        self._no_payment()
        if not 0 <= self.selected < len(self.ticket.lines):
            raise CartError("먼저 상품을 선택하세요 / choose a line first")
        line = self.ticket.lines[self.selected].cart_line
        group = self.catalog.option_groups[group_id]
        chosen = list(line.chosen(group_id))
        if group.max_choices == 1:
            chosen = [] if chosen == [option_id] and group.min_choices == 0 else [option_id]
        elif option_id in chosen and (len(chosen) >= group.max_choices or not group.allow_repeat):
            chosen = [c for c in chosen if c != option_id]
        else:
            chosen.append(option_id)
        selection = (*tuple((g, o) for g, o in line.selection if g != group_id), (group_id, tuple(chosen)))
        self.ticket = self.ticket.with_selection(self.catalog, self.selected, selection)

    def select(self, index: int) -> None:
        if 0 <= index < len(self.ticket.lines):
            self.selected = index

    def set_quantity(self, quantity: int) -> None:
        self._no_payment()
        if 0 <= self.selected < len(self.ticket.lines):
            self.ticket = self.ticket.set_quantity(self.selected, quantity)
            self.selected = min(self.selected, len(self.ticket.lines) - 1)

    def delete_line(self) -> None:
        self._no_payment()
        if 0 <= self.selected < len(self.ticket.lines):
            self.ticket = self.ticket.remove(self.selected)
            self.selected = min(self.selected, len(self.ticket.lines) - 1)

    def clear(self) -> None:
        self._no_payment()
        self.ticket, self.selected = Ticket(order_type=self.ticket.order_type), -1

    def set_order_type(self, order_type: OrderType) -> None:
        self.ticket = self.ticket.with_order_type(order_type)

    def set_discount(self, discount: Discount | None, *, line: bool) -> None:
        self._no_payment()
        if line:
            if not 0 <= self.selected < len(self.ticket.lines):
                raise CartError("할인할 상품을 선택하세요 / choose a line")
            self.ticket = self.ticket.with_line_discount(self.selected, discount)
        else:
            self.ticket = self.ticket.with_discount(discount)

    def hold(self) -> int:
        self._no_payment()
        number = self.counter.held.hold(self.ticket)
        self.ticket, self.selected = Ticket(), -1
        return number

    def recall(self, number: int) -> None:
        self._no_payment()
        if self.ticket.lines:
            raise SaleRefused("진행 중인 주문을 먼저 보류하거나 비우세요 / hold or clear the current ticket first")
        self.ticket = self.counter.held.recall(number)
        self.selected = len(self.ticket.lines) - 1

    def enter_code(self, code: str) -> str:
        """Keyboard or barcode entry: an item id, or the start of its Korean / English name. Returns the
        item added."""
        code = code.strip()
        if not code:
            raise CartError("코드를 입력하세요 / enter a code")
        items = [i for i in self.catalog.items if not i.sold_out]
        found = next((i for i in items if i.id == code), None)
        if found is None:
            low = code.lower()
            found = next((i for i in items if i.names.ko.startswith(code) or i.names.en.lower().startswith(low)), None)
        if found is None:
            raise CartError(f"'{code}' 상품이 없습니다 / no item '{code}'")
        self.tap_item(found.id)
        return found.names.ko

    def _no_payment(self) -> None:
        if self.payment is not None:
            raise SaleRefused("결제 중에는 주문을 바꿀 수 없습니다 / the ticket is being paid")

    # --- paying -----------------------------------------------------------------------------------

    def begin_payment(self) -> Payment:
        if self.payment is not None:
            return self.payment
        self.day.require_open()
        total = self.ticket.total(self.catalog)
        if not self.ticket.lines or total <= 0:
            raise SaleRefused("결제할 주문이 없습니다 / nothing to pay")
        self.payment = Payment(uuid7(), total)
        return self.payment

    def cancel_payment(self) -> None:
        if self.payment is None:
            return
        if self.payment.has_approved_part or self.payment.in_flight is not None:
            raise SaleRefused(
                "승인된 카드·QR 결제가 있어 취소할 수 없습니다: 나머지를 받으세요 / "
                "a card part is approved: take the rest"
            )
        self.payment = None

    def add_cash(self, tendered: int) -> CounterSale | None:
        payment = self._paying()
        self.payment = replace(payment, tenders=[*payment.tenders, cash_tender(payment.due, tendered)])
        return self._finish_if_paid()

    def add_voucher(self, face: int) -> CounterSale | None:
        payment = self._paying()
        tender = voucher_tender(payment.due, face, self.counter.rules)
        self.payment = replace(payment, tenders=[*payment.tenders, tender])
        return self._finish_if_paid()

    def card_request(self, method: PaymentMethod, amount: int | None = None) -> PaymentRequest:
        """The request for a card / QR / barcode part (all that is due, or `amount` of it for a split)."""
        payment = self._paying()
        part = payment.due if amount is None else amount
        if not 0 < part <= payment.due:
            raise SaleRefused(f"카드 금액은 1-{payment.due:,}원 / the card part is 1 to {payment.due:,} won")
        request = PaymentRequest(uuid7(), payment.order_id, part, method, order_ref=payment.order_id[-8:])
        payment.in_flight = request
        return request

    def card_result(self, result: PaymentResult) -> CounterSale | None:
        payment = self.payment
        if payment is None or payment.in_flight is None or payment.in_flight.intent_id != result.intent_id:
            return None
        payment.in_flight = None
        if result.status is not PaymentStatus.APPROVED:
            raise SaleRefused(f"결제 실패: {result.reason or result.status.value} / the payment did not go through")
        payment.tenders.append(approved_tender(result))
        return self._finish_if_paid()

    def _paying(self) -> Payment:
        if self.payment is None:
            raise SaleRefused("결제를 먼저 시작하세요 / start the payment first")
        if self.payment.in_flight is not None:
            raise SaleRefused("카드 결제가 진행 중입니다 / a card payment is in progress")
        return self.payment

    def _finish_if_paid(self) -> CounterSale | None:
        payment = self.payment
        assert payment is not None
        if payment.due > 0:
            return None
        assert self.who is not None
        sale = self.counter.sell(
            self.ticket,
            payment.tenders,
            self.who,
            approver=self.approver,
            order_id=payment.order_id,
            receipt_id=self.receipt_id,
            receipt_purpose=self.receipt_purpose,
        )
        self.last_sale = sale
        self.payment = None
        self.ticket, self.selected = Ticket(order_type=self.ticket.order_type), -1
        self.receipt_id, self.approver = None, None
        return sale

    def lines_view(self, language: str = "ko") -> list[dict[str, Any]]:
        priced = self.ticket.priced(self.catalog)
        out = []
        for i, (line, p) in enumerate(zip(self.ticket.lines, priced, strict=True)):
            item = self.catalog.item(line.cart_line.item_id)
            names: list[str] = []
            for gid, opts in line.cart_line.selection:
                group = self.catalog.option_groups[gid]
                names.extend(group.option(o).names.get(language) for o in opts)
            out.append(
                {
                    "index": i,
                    "name": item.names.get(language),
                    "options": ", ".join(names),
                    "quantity": line.cart_line.quantity,
                    "total": p.total,
                    "discount": p.line_discount + p.ticket_share,
                    "selected": i == self.selected,
                }
            )
        return out
