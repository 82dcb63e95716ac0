"""The kiosk's view-model: the one object QML talks to.

It owns the flow controller and checkout, exposes the flow state as Qt properties and list models, and
turns QML intents (slots) into flow events. The router (`SCREENS`) maps the flow step to a screen; QML
never decides navigation and never sees the ledger. Payment callbacks arrive on the provider's thread
and are marshalled to the GUI thread through `PaymentBridge`'s queued signals; receipt-printing events
arrive on the printer's threads and come through `PrintBridge` the same way.

Printing never blocks a sale: the sale is committed by checkout first, the kitchen ticket is queued as
soon as it is, the receipt when the customer says yes, and a failed receipt is shown on the result
screen (text and QR) instead of holding anyone up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, QUrl, Signal, Slot

from kiosk.domain.cart import CartLine, line_total
from kiosk.domain.catalog import Catalog
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.flow.controller import FlowController
from ui.models import RowModel

if TYPE_CHECKING:  # the ledger (and SQLAlchemy) load after the first frame, see ui/app.py
    from kiosk.flow.checkout import Checkout
    from kiosk.payments.port import PaymentPrompt, PaymentResult
    from kiosk.receipts.service import ReceiptService

log = logging.getLogger(__name__)

SCREENS: dict[m.Step, str] = {
    m.Step.ATTRACT: "AttractScreen.qml",
    m.Step.ORDER_TYPE: "OrderTypeScreen.qml",
    m.Step.MENU: "MenuScreen.qml",
    m.Step.OPTIONS: "OptionsScreen.qml",
    m.Step.CART: "CartScreen.qml",
    m.Step.PAYMENT_METHOD: "PaymentMethodScreen.qml",
    m.Step.PAYING: "PayingScreen.qml",
    m.Step.PAYMENT_FAILED: "PaymentFailedScreen.qml",
    m.Step.RESULT: "ResultScreen.qml",
}


def price_text(amount: int, language: str) -> str:
    """Korean menus write 4,500원; other languages read ₩4,500 more easily."""
    return f"{amount:,}원" if language == "ko" else f"₩{amount:,}"


# The FlowState fields the `changed` properties are computed from, besides the catalog (compared by
# identity). The category is not one: only the tab and grid models show it.
_PROPERTY_FIELDS = tuple(f.name for f in fields(m.FlowState) if f.name not in ("catalog", "category_id"))


def _properties_changed(old: m.FlowState, new: m.FlowState) -> bool:
    """Whether a `changed` property can read differently now. Emitting `changed` re-evaluates every
    binding on the screen; for a category switch, which changes only the models, that cost more than
    the switch itself (docs/PERFORMANCE.md)."""
    return old.catalog is not new.catalog or any(getattr(old, f) != getattr(new, f) for f in _PROPERTY_FIELDS)


class PaymentBridge(QObject):
    """The payment listener: called on the provider's thread, re-emits on the GUI thread."""

    prompted = Signal(object)
    resulted = Signal(object)

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        self.prompted.emit(prompt)

    def on_result(self, result: PaymentResult) -> None:
        self.resulted.emit(result)


class PrintBridge(QObject):
    """The ReceiptService listener: called on the printer's threads, re-emits on the GUI thread."""

    received = Signal(object)

    def post(self, event: object) -> None:
        self.received.emit(event)


# Columns of the on-screen receipt: wide enough for an address line, narrow enough to sit beside its QR
# on the result screen in both orientations.
SCREEN_RECEIPT_COLUMNS = 42


class KioskViewModel(QObject):
    """Built before the ledger is open (the attract screen's first frame does not wait for it); `attach`
    brings checkout and printing once the ledger is open and payment recovery has run. Until then the
    attract screen says it is getting ready and `start` does nothing: no customer begins an order on a
    terminal whose open payments are not resolved yet."""

    changed = Signal()
    languageChanged = Signal()
    idleChanged = Signal()
    printChanged = Signal()
    readyChanged = Signal()

    def __init__(
        self,
        controller_factory: Callable[[Callable[[m.Effect], None]], FlowController],
        *,
        shop_name: str,
        asset_dirs: list[Path],
        on_language: Callable[[str], None] | None = None,
        tick_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_decline_next: Callable[[], None] | None = None
        self._on_code: Callable[[str, str], None] | None = None
        self._checkout: Checkout | None = None
        self.receipts: ReceiptService | None = None
        self._order_id = ""  # the sale on the result screen (its receipt, if asked, is this one's)
        self._receipt_status = ""  # "", "printing", "printed", "failed"
        self._receipt_text = ""
        self._receipt_qr = ""
        self._printer_problem = ""  # the printer's last "lost" message, for staff; "" when it works
        self._shop_name = shop_name
        self._asset_dirs = asset_dirs
        self._on_language = on_language
        self.receipts_requested: list[int] = []
        self.staff_calls = 0
        self._categories = RowModel(["key", "name", "selected"], self)
        self._menu = RowModel(["key", "name", "priceText", "image", "isNew", "isBest", "soldOut"], self)
        self._groups = RowModel(["key", "name", "required", "minChoices", "maxChoices", "satisfied", "options"], self)
        self._cart = RowModel(["key", "name", "optionsText", "quantity", "totalText", "image"], self)
        self._bridge = PaymentBridge()
        self.controller = controller_factory(self._on_effect)
        self._image_cache: dict[str, str] = {}
        self._last_menu_key: tuple[str, str, int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self._refresh(None)

    # --- plumbing -----------------------------------------------------------------------------------

    def attach(
        self,
        checkout: Checkout,
        *,
        receipts: ReceiptService | None = None,
        print_events: PrintBridge | None = None,
        on_decline_next: Callable[[], None] | None = None,
        on_code: Callable[[str, str], None] | None = None,
    ) -> None:
        """The ledger is open and recovery has run: customers can order from now on."""
        self._checkout = checkout
        self.receipts = receipts
        self._on_decline_next = on_decline_next
        self._on_code = on_code
        # Queued even when a provider answers on this thread: a result never re-enters `send`. (Here, not
        # in __init__: `Qt` is first touched after the first frame, see ui/models.py.)
        self._bridge.prompted.connect(self._on_prompt, Qt.ConnectionType.QueuedConnection)
        self._bridge.resulted.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        if print_events is not None:
            print_events.received.connect(self._on_print_event, Qt.ConnectionType.QueuedConnection)
        self.readyChanged.emit()

    @property
    def checkout(self) -> Checkout:
        if self._checkout is None:
            raise RuntimeError("the kiosk is not ready: attach() has not run")
        return self._checkout

    @property
    def ready(self) -> bool:
        return self._checkout is not None

    @property
    def state(self) -> m.FlowState:
        return self.controller.state

    def send(self, event: m.Event) -> None:
        old = self.state
        self.controller.send(event)
        self._refresh(old)

    @Slot()
    def tick(self) -> None:
        old = self.state
        self.controller.tick()
        if self.state is not old:
            self._refresh(old)
        self.idleChanged.emit()

    def close(self) -> None:
        self._timer.stop()

    def _on_effect(self, effect: m.Effect) -> None:
        s = self.state
        if isinstance(effect, m.StartPayment):
            if s.order_type is None:
                QTimer.singleShot(0, lambda: self.send(m.PaymentFailed("주문 방식을 다시 골라 주세요.")))
                return
            try:
                self.checkout.begin(s.catalog, s.cart, s.order_type, effect.method, self._bridge, s.language)
            except Exception as exc:
                log.error("payment could not start: %s", exc)
                QTimer.singleShot(
                    0, lambda: self.send(m.PaymentFailed("결제를 시작하지 못했습니다. 직원을 불러 주세요."))
                )
        elif isinstance(effect, m.AbortPayment):
            self.checkout.cancel()
        elif isinstance(effect, m.PrintReceipt):
            self.receipts_requested.append(effect.order_number)
            log.info("receipt requested for order %d", effect.order_number)
            self._print_receipt()
        elif isinstance(effect, m.NotifyStaff):
            self.staff_calls += 1
            log.warning("staff called from the %s screen", effect.step.value)

    @Slot(object)
    def _on_prompt(self, prompt: PaymentPrompt) -> None:
        if self.checkout.pending is None or prompt.intent_id != self.checkout.pending.request.intent_id:
            return
        # "Expires in N s" becomes a deadline on our clock, so each tick can count down without the provider.
        deadline = self.controller.clock.monotonic() + prompt.expires_in_seconds if prompt.expires_in_seconds else 0.0
        self.send(m.PaymentPrompted(prompt.instruction.value, prompt.qr_payload, deadline))

    @Slot(object)
    def _on_result(self, result: PaymentResult) -> None:
        event = self.checkout.finish(result)
        if isinstance(event, m.PaymentApproved) and self.checkout.last_sale is not None:
            self._set_receipt(self.checkout.last_sale.order_id, "", "", "")
            self._print_kitchen_ticket()
        self.send(event)

    # --- printing ------------------------------------------------------------------------------------

    def _print_kitchen_ticket(self) -> None:
        """The sale is committed; the kitchen ticket goes out at once. A failure here is the printer
        stack's (journaled and alerted by ReceiptService) and never the customer's problem."""
        if self.receipts is None or not self._order_id:
            return
        try:
            self.receipts.print_kitchen_ticket(self._order_id)
        except Exception:
            log.exception("kitchen ticket for order %s could not be queued", self._order_id)

    def _print_receipt(self) -> None:
        if self.receipts is None or not self._order_id:
            return
        try:
            self.receipts.print_receipt(self._order_id)
        except Exception:
            log.exception("receipt for order %s could not be queued", self._order_id)
            self._show_receipt_on_screen(self._order_id)
            return
        if self._receipt_status != "failed":  # a failure can be reported before we get here
            self._set_receipt(self._order_id, "printing", self._receipt_text, self._receipt_qr)

    def _show_receipt_on_screen(self, order_id: str) -> None:
        from kiosk.receipts.document import plain_text

        text, qr = "", ""
        if self.receipts is not None:
            try:
                doc = self.receipts.receipt(order_id)
                lines = plain_text(doc, SCREEN_RECEIPT_COLUMNS).splitlines()
                # The "[QR]" placeholder line goes: the real code is drawn beside the text.
                text = "\n".join(line for line in lines if line.strip() != "[QR]")
                qr = doc.qr_content
            except Exception:
                log.exception("receipt for order %s cannot be shown", order_id)
        self._set_receipt(order_id, "failed", text, qr)

    def _set_receipt(self, order_id: str, status: str, text: str, qr: str) -> None:
        self._order_id = order_id
        self._receipt_status = status
        self._receipt_text = text
        self._receipt_qr = qr
        self.printChanged.emit()

    @Slot(object)
    def _on_print_event(self, event: object) -> None:
        # Imported here, once printing is attached: the first frame does not wait for them.
        from kiosk.devices.health import Health, HealthEvent
        from kiosk.receipts.document import DocumentKind
        from kiosk.receipts.events import FAILED, ReceiptEvent

        if isinstance(event, HealthEvent):
            problem = (event.message or event.detail) if event.health is Health.LOST else ""
            if problem != self._printer_problem:
                if problem:
                    log.warning("printer problem: %s (%s)", event.detail, event.message)
                self._printer_problem = problem
                self.printChanged.emit()
            return
        if not isinstance(event, ReceiptEvent):
            return
        if event.result == FAILED:
            log.warning("%s for order %s did not print: %s", event.kind.value, event.order_id, event.message)
        if event.kind is not DocumentKind.RECEIPT or event.order_id != self._order_id or not self._on_result_screen():
            return
        if event.result == FAILED:
            self._show_receipt_on_screen(event.order_id)
        elif self._receipt_status != "failed":
            # A reprint after a failure keeps the on-screen receipt until the customer leaves.
            self._set_receipt(event.order_id, "printed", "", "")

    def _on_result_screen(self) -> bool:
        return self.state.step is m.Step.RESULT

    def image_url(self, relative: str) -> str:
        if relative in self._image_cache:
            return self._image_cache[relative]
        url = ""
        for base in self._asset_dirs:
            path = base / relative
            if relative and path.is_file():
                url = QUrl.fromLocalFile(str(path)).toString()
                break
        self._image_cache[relative] = url
        return url

    def _refresh(self, old: m.FlowState | None) -> None:
        s = self.state
        lang = s.language
        catalog = s.catalog
        lang_changed = old is None or old.language != lang
        if lang_changed or old is None or old.category_id != s.category_id:
            self._categories.set_rows(
                [
                    {"key": c.id, "name": c.names.get(lang), "selected": c.id == s.category_id}
                    for c in catalog.categories
                ]
            )
        menu_key = (s.category_id, lang, id(catalog))
        if menu_key != self._last_menu_key:
            self._last_menu_key = menu_key
            self._menu.set_rows(
                [
                    {
                        "key": it.id,
                        "name": it.names.get(lang),
                        "priceText": price_text(it.price, lang),
                        "image": self.image_url(it.image),
                        "isNew": "new" in it.badges,
                        "isBest": "best" in it.badges,
                        "soldOut": it.sold_out,
                    }
                    for it in catalog.items_in(s.category_id)
                ]
            )
        self._groups.set_rows(self._group_rows(catalog, s))
        self._cart.set_rows(self._cart_rows(catalog, s))
        if s.step is not m.Step.RESULT and self._order_id:
            self._set_receipt("", "", "", "")  # the next customer never sees the last one's receipt
        if old is None or _properties_changed(old, s):
            self.changed.emit()
        if lang_changed and old is not None:
            if self._on_language is not None:
                self._on_language(lang)
            self.languageChanged.emit()

    def _group_rows(self, catalog: Catalog, s: m.FlowState) -> list[dict[str, Any]]:
        if s.editing is None:
            return []
        lang = s.language
        item = catalog.item(s.editing.item_id)
        chosen = dict(s.editing.selection)
        rows = []
        for g in catalog.groups_of(item):
            picked = chosen.get(g.id, ())
            rows.append(
                {
                    "key": g.id,
                    "name": g.names.get(lang),
                    "required": g.required,
                    "minChoices": g.min_choices,
                    "maxChoices": g.max_choices,
                    "satisfied": g.min_choices <= len(picked) <= g.max_choices,
                    "options": [
                        {
                            "id": o.id,
                            "name": o.names.get(lang),
                            "priceText": ("+" + price_text(o.price_delta, lang)) if o.price_delta else "",
                            "count": picked.count(o.id),
                            "repeat": g.allow_repeat,
                        }
                        for o in g.options
                    ],
                }
            )
        return rows

    def _cart_rows(self, catalog: Catalog, s: m.FlowState) -> list[dict[str, Any]]:
        lang = s.language
        rows = []
        for line in s.cart.lines:
            item = catalog.item(line.item_id)
            rows.append(
                {
                    "key": f"{line.item_id}|{line.selection}",
                    "name": item.names.get(lang),
                    "optionsText": self._options_text(catalog, line, lang),
                    "quantity": line.quantity,
                    "totalText": price_text(line_total(catalog, line), lang),
                    "image": self.image_url(item.image),
                }
            )
        return rows

    @staticmethod
    def _options_text(catalog: Catalog, line: CartLine, lang: str) -> str:
        parts = []
        for gid, opts in line.selection:
            group = catalog.option_groups[gid]
            for oid in dict.fromkeys(opts):
                n = opts.count(oid)
                parts.append(group.option(oid).names.get(lang) + (f" ×{n}" if n > 1 else ""))
        return " · ".join(parts)

    # --- properties ---------------------------------------------------------------------------------

    def _screen(self) -> str:
        return SCREENS[self.state.step]

    def _step(self) -> str:
        return self.state.step.value

    def _language(self) -> str:
        return self.state.language

    def _order_type(self) -> str:
        ot = self.state.order_type
        return ot.value if ot else ""

    def _cart_count(self) -> int:
        return self.state.cart.count

    def _cart_total(self) -> int:
        return self.state.total

    def _cart_total_text(self) -> str:
        return price_text(self.state.total, self.state.language)

    def _vat_text(self) -> str:
        return price_text(self.state.cart.vat(self.state.catalog).vat, self.state.language)

    def _message(self) -> str:
        return self.state.message

    def _edit_name(self) -> str:
        ed = self.state.editing
        return self.state.catalog.item(ed.item_id).names.get(self.state.language) if ed else ""

    def _edit_image(self) -> str:
        ed = self.state.editing
        return self.image_url(self.state.catalog.item(ed.item_id).image) if ed else ""

    def _edit_quantity(self) -> int:
        ed = self.state.editing
        return ed.quantity if ed else 0

    def _edit_price_text(self) -> str:
        return price_text(self.state.editing_price(), self.state.language)

    def _can_add(self) -> bool:
        return self.state.editing is not None and not self.state.editing_problems()

    def _instruction(self) -> str:
        return self.state.instruction

    def _method(self) -> str:
        return self.state.method.value if self.state.method else ""

    def _qr_payload(self) -> str:
        return self.state.qr_payload

    def _qr_seconds_left(self) -> int:
        deadline = self.state.qr_deadline
        if not deadline or self.state.step is not m.Step.PAYING:
            return 0
        return max(0, int(deadline - self.controller.clock.monotonic() + 0.999))

    def _qr_countdown_text(self) -> str:
        """m:ss, as on the payment apps' own screens ("2:59")."""
        if not self.state.qr_deadline:
            return ""
        left = self._qr_seconds_left()
        return f"{left // 60}:{left % 60:02d}"

    def _order_number(self) -> int:
        return self.state.order_number

    def _receipt_answered(self) -> bool:
        return self.state.receipt_wanted is not None

    def _idle_warning(self) -> bool:
        return self.state.idle_warning

    def _idle_seconds_left(self) -> int:
        left = self.controller.seconds_left(m.Timer.IDLE)
        return int(left + 0.999) if left is not None else 0

    def _result_seconds_left(self) -> int:
        left = self.controller.seconds_left(m.Timer.RESULT)
        return int(left + 0.999) if left is not None else 0

    def _easy_mode(self) -> bool:
        return self.state.easy

    def _staff_called(self) -> bool:
        return self.state.staff_called

    def _shop(self) -> str:
        return self._shop_name

    def _receipt_failed(self) -> bool:
        return self._receipt_status == "failed"

    def _printer_problem_text(self) -> str:
        return self._printer_problem

    def _methods(self) -> list[str]:
        if self._checkout is None:
            return []
        available = self._checkout.provider.methods()
        return [pm.value for pm in (PaymentMethod.CARD, PaymentMethod.QR, PaymentMethod.BARCODE) if pm in available]

    screen = Property(str, _screen, notify=changed)
    step = Property(str, _step, notify=changed)
    language = Property(str, _language, notify=changed)
    orderType = Property(str, _order_type, notify=changed)
    cartCount = Property(int, _cart_count, notify=changed)
    cartTotal = Property(int, _cart_total, notify=changed)
    cartTotalText = Property(str, _cart_total_text, notify=changed)
    vatText = Property(str, _vat_text, notify=changed)
    message = Property(str, _message, notify=changed)
    editName = Property(str, _edit_name, notify=changed)
    editImage = Property(str, _edit_image, notify=changed)
    editQuantity = Property(int, _edit_quantity, notify=changed)
    editPriceText = Property(str, _edit_price_text, notify=changed)
    canAdd = Property(bool, _can_add, notify=changed)
    instruction = Property(str, _instruction, notify=changed)
    method = Property(str, _method, notify=changed)
    qrPayload = Property(str, _qr_payload, notify=changed)
    qrSecondsLeft = Property(int, _qr_seconds_left, notify=idleChanged)
    qrCountdownText = Property(str, _qr_countdown_text, notify=idleChanged)
    orderNumber = Property(int, _order_number, notify=changed)
    receiptAnswered = Property(bool, _receipt_answered, notify=changed)
    idleWarning = Property(bool, _idle_warning, notify=changed)
    idleSecondsLeft = Property(int, _idle_seconds_left, notify=idleChanged)
    resultSecondsLeft = Property(int, _result_seconds_left, notify=idleChanged)
    staffCalled = Property(bool, _staff_called, notify=changed)
    easyMode = Property(bool, _easy_mode, notify=changed)
    shopName = Property(str, _shop, constant=True)
    receiptStatus = Property(str, lambda self: self._receipt_status, notify=printChanged)
    receiptFailed = Property(bool, _receipt_failed, notify=printChanged)
    receiptText = Property(str, lambda self: self._receipt_text, notify=printChanged)
    receiptQr = Property(str, lambda self: self._receipt_qr, notify=printChanged)
    printerProblem = Property(bool, lambda self: bool(self._printer_problem), notify=printChanged)
    printerProblemText = Property(str, _printer_problem_text, notify=printChanged)
    paymentMethods = Property(list, _methods, notify=readyChanged)
    isReady = Property(bool, lambda self: self.ready, notify=readyChanged)
    categories = Property(QObject, lambda self: self._categories, constant=True)
    menu = Property(QObject, lambda self: self._menu, constant=True)
    optionGroups = Property(QObject, lambda self: self._groups, constant=True)
    cartLines = Property(QObject, lambda self: self._cart, constant=True)

    # --- intents (slots) ----------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        if self.ready:
            self.send(m.Start())

    @Slot(str)
    def chooseLanguage(self, language: str) -> None:
        self.send(m.ChooseLanguage(language))

    @Slot(bool)
    def setEasyMode(self, on: bool) -> None:
        self.send(m.SetEasyMode(on))

    @Slot(str)
    def chooseOrderType(self, order_type: str) -> None:
        self.send(m.ChooseOrderType(OrderType(order_type)))

    @Slot()
    def back(self) -> None:
        self.send(m.Back())

    @Slot()
    def cancelOrder(self) -> None:
        self.send(m.CancelOrder())

    @Slot(str)
    def selectCategory(self, category_id: str) -> None:
        self.send(m.SelectCategory(category_id))

    @Slot(str)
    def openItem(self, item_id: str) -> None:
        self.send(m.OpenItem(item_id))

    @Slot(str, str)
    def toggleOption(self, group_id: str, option_id: str) -> None:
        self.send(m.ToggleOption(group_id, option_id))

    @Slot(str, str, int)
    def changeOptionCount(self, group_id: str, option_id: str, delta: int) -> None:
        self.send(m.ChangeOptionCount(group_id, option_id, delta))

    @Slot(int)
    def changeEditQuantity(self, delta: int) -> None:
        self.send(m.ChangeEditQuantity(delta))

    @Slot()
    def addToCart(self) -> None:
        self.send(m.AddToCart())

    @Slot()
    def openCart(self) -> None:
        self.send(m.OpenCart())

    @Slot(int, int)
    def changeLineQuantity(self, index: int, delta: int) -> None:
        self.send(m.ChangeLineQuantity(index, delta))

    @Slot(int)
    def removeLine(self, index: int) -> None:
        self.send(m.RemoveLine(index))

    @Slot()
    def checkoutCart(self) -> None:
        self.send(m.Checkout())

    @Slot(str)
    def choosePaymentMethod(self, method: str) -> None:
        self.send(m.ChoosePaymentMethod(PaymentMethod(method)))

    @Slot()
    def cancelPayment(self) -> None:
        self.send(m.CancelPayment())

    @Slot()
    def retryPayment(self) -> None:
        self.send(m.RetryPayment())

    @Slot()
    def chooseOtherMethod(self) -> None:
        self.send(m.ChooseOtherMethod())

    @Slot(bool)
    def answerReceipt(self, wanted: bool) -> None:
        self.send(m.AnswerReceipt(wanted))

    @Slot()
    def finish(self) -> None:
        self.send(m.Finish())

    @Slot()
    def moreTime(self) -> None:
        self.send(m.MoreTime())

    @Slot()
    def callStaff(self) -> None:
        self.send(m.CallStaff())

    @Slot(str)
    def submitCode(self, code: str) -> None:
        """A customer-presented barcode (the scanner, or the demo's F8): goes to the payment waiting for
        it, only while the barcode screen is up."""
        pending = self._checkout.pending if self._checkout is not None else None
        if self._on_code is None or pending is None or self.state.step is not m.Step.PAYING:
            return
        if pending.request.method is not PaymentMethod.BARCODE:
            return
        self._on_code(pending.request.intent_id, code)

    @Slot()
    def declineNext(self) -> None:
        """Demo key (F9): the simulated provider declines the next payment."""
        if self._on_decline_next is not None:
            self._on_decline_next()
            return
        decline = getattr(self._checkout.provider, "decline_next", None) if self._checkout is not None else None
        if callable(decline):
            decline()
