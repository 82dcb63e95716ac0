"""The counter mode's view-model (docs/COUNTER.md): properties and slots over the Qt-free counter session
(kiosk/counter/session.py), the business day (kiosk/counter/day.py) and cash receipts. What a tap does is
decided there; this class shows the state and turns refusals into one message line. Card / QR payments
and the sign-ins that approve (a manager for a big discount or a refund, the owner for a closing
difference) run on worker threads; their answers come back to the GUI thread through the GuiBridge.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.counter.cash_receipts import CashReceipts
from kiosk.counter.day import BusinessDay, CashCount, DayError, NotPermitted, OwnerPinNeeded
from kiosk.counter.identifiers import BadIdentifier, IdKind, Purpose, parse_identifier
from kiosk.counter.rules import DENOMINATIONS
from kiosk.counter.sales import Counter, CounterSale, SaleRefused
from kiosk.counter.session import CounterSession
from kiosk.counter.ticket import Discount, DiscountError, DiscountKind
from kiosk.domain.cart import CartError
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.ledger.ledger import LedgerError
from kiosk.payments.port import PaymentPrompt, PaymentResult
from kiosk.receipts.content import ShopInfo
from kiosk.receipts.document import plain_text
from kiosk.receipts.zreport import report_document
from kiosk.session.modes import Role, SignedIn

log = logging.getLogger(__name__)

_REFUSALS = (CartError, SaleRefused, DayError, LedgerError, DiscountError, BadIdentifier, ValueError, KeyError)


@dataclass
class CounterServices:
    """What the builder (app/builders/counter.py) hands the view-model."""

    session: CounterSession
    day: BusinessDay
    counter: Counter
    cash_receipts: CashReceipts
    shop: ShopInfo
    terminal_id: str
    who: Callable[[], SignedIn | None]  # the signed-in person (the staff session's)
    sign_in: Callable[[str], SignedIn | None]  # a PIN → who, or None (slow: run off the GUI thread)
    post: Callable[[Callable[[], None]], None]  # to the GUI thread (GuiBridge.post)
    start_payment: Callable[[Any, Any], None] | None = None  # PaymentService.start(request, listener)
    print_document: Callable[[Any, Callable[[bool, str], None]], None] | None = None
    print_sale: Callable[[CounterSale], None] | None = None


class _Listener:
    def __init__(self, vm: CounterViewModel) -> None:
        self.vm = vm

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        pass

    def on_result(self, result: PaymentResult) -> None:  # the payment's worker thread
        self.vm.services.post(lambda: self.vm._card_done(result))


class CounterViewModel(QObject):
    changed = Signal()
    dayChanged = Signal()
    messageChanged = Signal()

    def __init__(self, services: CounterServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._category = services.counter.catalog.first_category
        self._message = ""
        self._error = False
        self._report = ""
        self._report_data: dict[str, Any] | None = None
        self._approval = ""  # "" | "discount" | "refund" | "close"
        self._pending: Callable[[], None] | None = None
        self._busy = False
        self._receipt_masked = ""
        self._sale_text = ""
        self._change = 0
        self._threads: list[threading.Thread] = []

    @property
    def s(self) -> CounterSession:
        return self.services.session

    def close(self) -> None:
        for t in self._threads:
            t.join(5)

    def busy(self) -> bool:
        """A payment or an approval is in progress: don't sign out now."""
        return self.s.payment is not None or self._busy

    # --- helpers ----------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self._message, self._error = text, error
        self.messageChanged.emit()

    def _do(self, action: Callable[[], Any], done: str = "") -> Any:
        self.s.who = self.services.who()
        try:
            result = action()
        except OwnerPinNeeded as exc:
            self._ask_approval("close", action, str(exc))
            return None
        except NotPermitted as exc:
            if exc.approval:
                self._ask_approval(exc.approval, action, str(exc))
            else:
                self._say(str(exc), True)
            return None
        except _REFUSALS as exc:
            self._say(str(exc).strip("'\""), True)
            self.changed.emit()
            return None
        if done:
            self._say(done)
        self.changed.emit()
        self.dayChanged.emit()
        return result

    def _ask_approval(self, kind: str, action: Callable[[], Any], why: str) -> None:
        self._approval, self._pending = kind, action
        self._say(why, True)
        self.changed.emit()

    # --- the day ----------------------------------------------------------------------------------

    def _day_open(self) -> bool:
        return self.services.day.current() is not None

    def _day_text(self) -> str:
        session = self.services.day.current()
        if session is None:
            return self.tr("영업 전")
        return self.tr("영업 중 {date}").format(date=session.business_date[5:].replace("-", "/"))

    def _expected(self) -> int:
        return self.services.day.drawer_balance() if self._day_open() else 0

    def _blind(self) -> bool:
        return self.services.counter.rules.blind_count

    dayOpen = Property(bool, _day_open, notify=dayChanged)
    dayText = Property(str, _day_text, notify=dayChanged)
    expectedCash = Property(int, _expected, notify=dayChanged)
    blindCount = Property(bool, _blind, constant=True)
    denominations = Property(list, lambda self: list(DENOMINATIONS), constant=True)

    @Slot(int)
    def openDay(self, float_amount: int) -> None:
        def act() -> None:
            who = self.services.who()
            if who is None:
                raise DayError("로그인하세요 / sign in first")
            self.services.day.open(who, float_amount)

        self._do(act, self.tr("개점했습니다 · 시재금 {amount}원").format(amount=f"{float_amount:,}"))

    @Slot(str, int, bool)
    def paid(self, reason: str, amount: int, out: bool) -> None:
        def act() -> None:
            who = self.services.who()
            assert who is not None
            self.services.day.paid(who, amount, reason, out=out)

        done = self.tr("출금 {amount}원 기록") if out else self.tr("입금 {amount}원 기록")
        self._do(act, done.format(amount=f"{amount:,}"))

    @Slot(str)
    def noSale(self, reason: str) -> None:
        def act() -> None:
            who = self.services.who()
            assert who is not None
            self.services.day.no_sale(who, reason)

        self._do(act, self.tr("금전함을 열었습니다 (노세일)"))

    @Slot()
    def xReport(self) -> None:
        def act() -> None:
            who = self.services.who()
            assert who is not None
            self._show_report(self.services.day.x_report(who))

        self._do(act)

    @Slot(list)
    def closeDay(self, counts: list[int]) -> None:
        """`counts`: how many of each denomination (in `denominations` order)."""
        values = {v: int(n) for v, n in zip(DENOMINATIONS, counts, strict=False) if int(n)}

        def act() -> None:
            who = self.services.who()
            assert who is not None
            approver = self.s.approver if self._approval == "close" else None
            z = self.services.day.close(who, CashCount(values), approver=approver)
            self._show_report(z)
            self.printReport()

        self._do(act, self.tr("마감했습니다 (Z)"))

    @Slot()
    def lastZ(self) -> None:
        self._do(lambda: self._show_report(self.services.day.z_report()))

    def _show_report(self, report: dict[str, Any]) -> None:
        self._report_data = report
        doc = report_document(report, self.services.shop, self.services.terminal_id)
        self._report = plain_text(doc, 42)

    @Slot()
    def closeReport(self) -> None:
        self._report, self._report_data = "", None
        self.changed.emit()

    @Slot()
    def printReport(self) -> None:
        if self._report_data is None or self.services.print_document is None:
            return
        doc = report_document(self._report_data, self.services.shop, self.services.terminal_id)

        def done(ok: bool, message: str) -> None:  # the printer's thread
            text = self.tr("인쇄했습니다") if ok else self.tr("인쇄 실패: {message}").format(message=message)
            self.services.post(lambda: self._say(text, not ok))

        self.services.print_document(doc, done)

    report = Property(str, lambda self: self._report, notify=changed)

    # --- the menu and the ticket -------------------------------------------------------------------

    def _language(self) -> str:
        """The catalog's names in the language of the installed translation (ui/i18n, as the screens'
        qsTr): the translation of this marker says which (Qt learns its layout direction the same way)."""
        return self.tr("ko", "the catalog language of this translation: ko, en, zh or ja")

    def _categories(self) -> list[dict[str, str]]:
        lang = self._language()
        return [{"id": c.id, "name": c.names.get(lang)} for c in self.s.catalog.categories]

    def _items(self) -> list[dict[str, Any]]:
        lang = self._language()
        return [
            {
                "id": i.id,
                "name": i.names.get(lang),
                "price": i.price,
                "soldOut": i.sold_out,
                "hasOptions": bool(i.option_group_ids),
            }
            for i in self.s.catalog.items_in(self._category)
        ]

    def _option_groups(self) -> list[dict[str, Any]]:
        s = self.s
        if not 0 <= s.selected < len(s.ticket.lines):
            return []
        line = s.ticket.lines[s.selected].cart_line
        item = s.catalog.item(line.item_id)
        out, lang = [], self._language()
        for g in s.catalog.groups_of(item):
            chosen = line.chosen(g.id)
            out.append(
                {
                    "id": g.id,
                    "name": g.names.get(lang),
                    "required": g.min_choices > 0,
                    "options": [
                        {"id": o.id, "name": o.names.get(lang), "delta": o.price_delta, "count": chosen.count(o.id)}
                        for o in g.options
                    ],
                }
            )
        return out

    categories = Property(list, _categories, constant=True)
    category = Property(str, lambda self: self._category, notify=changed)
    items = Property(list, _items, notify=changed)
    optionGroups = Property(list, _option_groups, notify=changed)
    lines = Property(list, lambda self: self.s.lines_view(self._language()), notify=changed)
    selected = Property(int, lambda self: self.s.selected, notify=changed)
    total = Property(int, lambda self: self.s.ticket.total(self.s.catalog), notify=changed)
    discountTotal = Property(int, lambda self: self.s.ticket.discount_total(self.s.catalog), notify=changed)
    itemCount = Property(int, lambda self: self.s.ticket.count, notify=changed)
    orderType = Property(str, lambda self: self.s.ticket.order_type.value, notify=changed)
    held = Property(
        list,
        lambda self: [
            {"number": n, "count": t.count, "total": t.total(self.s.catalog)}
            for n, t in sorted(self.s.counter.held.tickets.items())
        ],
        notify=changed,
    )

    @Slot(str)
    def selectCategory(self, category_id: str) -> None:
        self._category = category_id
        self.changed.emit()

    @Slot(str)
    def tapItem(self, item_id: str) -> None:
        self._do(lambda: self.s.tap_item(item_id))

    @Slot(str, str)
    def tapOption(self, group_id: str, option_id: str) -> None:
        self._do(lambda: self.s.tap_option(group_id, option_id))

    @Slot(int)
    def selectLine(self, index: int) -> None:
        self._do(lambda: self.s.select(index))

    @Slot(int)
    def setQuantity(self, quantity: int) -> None:
        self._do(lambda: self.s.set_quantity(quantity))

    @Slot(int)
    def changeQuantity(self, delta: int) -> None:
        s = self.s
        if 0 <= s.selected < len(s.ticket.lines):
            self.setQuantity(s.ticket.lines[s.selected].cart_line.quantity + delta)

    @Slot()
    def deleteLine(self) -> None:
        self._do(self.s.delete_line)

    @Slot()
    def clearTicket(self) -> None:
        self._do(self.s.clear)

    @Slot(str)
    def setOrderType(self, order_type: str) -> None:
        self._do(lambda: self.s.set_order_type(OrderType(order_type)))

    @Slot()
    def hold(self) -> None:
        number = self._do(self.s.hold)
        if number is not None:
            self._say(self.tr("보류 {number}번").format(number=number))

    @Slot(int)
    def recall(self, number: int) -> None:
        self._do(lambda: self.s.recall(number), self.tr("보류 {number}번을 불러왔습니다").format(number=number))

    @Slot(str, result=bool)
    def enterCode(self, code: str) -> bool:
        name = self._do(lambda: self.s.enter_code(code))
        if name:
            self._say(self.tr("{name} 추가").format(name=name))
        return bool(name)

    @Slot(str, int, str, bool)
    def discount(self, kind: str, value: int, reason: str, line: bool) -> None:
        def act() -> None:
            d = Discount(DiscountKind(kind), value, reason) if value > 0 else None
            self.s.set_discount(d, line=line)
            if d is not None and self.s.counter.discount_needs_approval(self.s.ticket):
                who = self.services.who()
                if (who is None or who.role not in (Role.MANAGER, Role.OWNER)) and self.s.approver is None:
                    why = self.tr("할인 한도 초과: 점장 또는 점주 PIN이 필요합니다")
                    self._ask_approval("discount", lambda: None, why)

        self._do(act)

    # --- approvals (a manager's or the owner's PIN) --------------------------------------------------

    approval = Property(str, lambda self: self._approval, notify=changed)

    @Slot(str)
    def submitApproval(self, pin: str) -> None:
        if not self._approval or self._busy:
            return
        self._busy = True
        kind = self._approval

        def work() -> None:
            try:
                who = self.services.sign_in(pin)
            except Exception:
                log.exception("approval sign-in failed")
                who = None
            self.services.post(lambda: self._approved(kind, who))

        thread = threading.Thread(target=work, name="counter-approval", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _approved(self, kind: str, who: SignedIn | None) -> None:
        self._busy = False
        needed = (Role.OWNER,) if kind == "close" else (Role.MANAGER, Role.OWNER)
        if who is None or who.role not in needed:
            self._say("PIN이 맞지 않거나 승인 권한이 없습니다 / wrong PIN or not permitted", True)
            self.changed.emit()
            return
        self.s.approver = who
        self._say(self.tr("{name} 승인").format(name=who.name))
        pending, self._pending = self._pending, None
        if kind != "close":
            self._approval = ""
        if pending is not None:
            self._do(pending)
        if kind == "close":
            self._approval = ""
        self.changed.emit()

    @Slot()
    def cancelApproval(self) -> None:
        self._approval, self._pending = "", None
        self.changed.emit()

    # --- paying -----------------------------------------------------------------------------------

    paying = Property(bool, lambda self: self.s.payment is not None, notify=changed)
    due = Property(int, lambda self: self.s.payment.due if self.s.payment else 0, notify=changed)
    paidSoFar = Property(int, lambda self: self.s.payment.paid if self.s.payment else 0, notify=changed)
    inFlight = Property(bool, lambda self: bool(self.s.payment and self.s.payment.in_flight), notify=changed)
    change = Property(int, lambda self: self._change, notify=changed)
    saleText = Property(str, lambda self: self._sale_text, notify=changed)
    receiptMasked = Property(str, lambda self: self._receipt_masked, notify=changed)
    message = Property(str, lambda self: self._message, notify=messageChanged)
    messageIsError = Property(bool, lambda self: self._error, notify=messageChanged)
    tenders = Property(
        list,
        lambda self: [
            {"method": t.method, "amount": t.amount, "tendered": t.tendered, "change": t.change}
            for t in (self.s.payment.tenders if self.s.payment else [])
        ],
        notify=changed,
    )

    @Slot()
    def pay(self) -> None:
        self._sale_text, self._change = "", 0
        self._do(self.s.begin_payment)

    @Slot()
    def cancelPayment(self) -> None:
        self._do(self.s.cancel_payment)

    @Slot(int)
    def cash(self, tendered: int) -> None:
        """Cash handed over; 0 = exactly what is due."""
        due = self.s.payment.due if self.s.payment else 0
        self._sold(self._do(lambda: self.s.add_cash(tendered or due)))

    @Slot(int)
    def voucher(self, face: int) -> None:
        self._sold(self._do(lambda: self.s.add_voucher(face)))

    @Slot(str, int)
    def card(self, method: str, amount: int) -> None:
        """Card / QR / barcode for `amount` (0 = all that is due) through the payment service."""
        if self.services.start_payment is None:
            self._say("카드 결제를 사용할 수 없습니다 / card payments are not available here", True)
            return
        request = self._do(lambda: self.s.card_request(PaymentMethod(method), amount or None))
        if request is None:
            return
        self._say(self.tr("카드 단말기에서 결제하세요") if method == "card" else self.tr("결제 진행 중"))
        self.services.start_payment(request, _Listener(self))
        self.changed.emit()

    def _card_done(self, result: PaymentResult) -> None:
        self._sold(self._do(lambda: self.s.card_result(result)))

    def _sold(self, sale: CounterSale | None) -> None:
        if sale is None:
            return
        self._change = sale.change
        receipt = ""
        if sale.cash_receipt is not None:
            state = self.tr("발급 대기 (자진발급 예정)") if sale.receipt_due else self.tr("발급")
            receipt = " · " + self.tr("현금영수증 {masked} {state}").format(
                masked=sale.cash_receipt.id_masked, state=state
            )
        if sale.cash_receipt_error:
            receipt = f" · {sale.cash_receipt_error}"
        self._sale_text = self.tr("주문번호 {number} · {total}원").format(
            number=sale.order_number, total=f"{sale.total:,}"
        )
        self._sale_text += receipt
        self._receipt_masked = ""
        change = self.tr("결제 완료 · 거스름돈 {change}원").format(change=f"{sale.change:,}")
        self._say(change if sale.change else self.tr("결제 완료"))
        if self.services.print_sale is not None:
            self.services.print_sale(sale)
        self.changed.emit()
        self.dayChanged.emit()

    @Slot()
    def dismissSale(self) -> None:
        self._sale_text, self._change = "", 0
        self.changed.emit()

    @Slot()
    def openDrawerForCount(self) -> None:
        def act() -> None:
            who = self.services.who()
            assert who is not None
            self.services.day.open_for_count(who)

        self._do(act, self.tr("금전함을 열었습니다: 권종별로 세어 입력하세요"))

    @Slot(str, str, str)
    def setReceipt(self, kind: str, digits: str, purpose: str) -> None:
        """현금영수증: the identifier from the keypad, masked at once; the digits go only to the provider."""
        try:
            ident = parse_identifier(IdKind(kind), digits, self.services.cash_receipts.key)
        except (BadIdentifier, ValueError) as exc:
            self._say(str(exc), True)
            return
        self.s.receipt_id = ident
        self.s.receipt_purpose = Purpose(purpose)
        self._receipt_masked = ident.masked
        self._say(self.tr("현금영수증 {masked}").format(masked=ident.masked))
        self.changed.emit()

    @Slot()
    def clearReceipt(self) -> None:
        self.s.receipt_id, self._receipt_masked = None, ""
        self.changed.emit()

    @Slot(int, str)
    def refundCash(self, order_number: int, reason: str) -> None:
        def act() -> None:
            order_id = self.s.counter.find_order(order_number)
            if order_id is None:
                raise SaleRefused(f"오늘 주문 {order_number}번이 없습니다 / no order {order_number} today")
            who = self.services.who()
            assert who is not None
            paid = self.s.counter.refund_cash(order_id, who, reason, approver=self.s.approver)
            self.s.approver = None
            self._say(self.tr("현금 환불 {amount}원 · 금전함에서 지급").format(amount=f"{paid:,}"))

        self._do(act)

    @Slot(result=str)
    def maskPreview(self) -> str:
        return self._receipt_masked
