"""The customer mode's view-model: Qt properties, row models and slots over the customer's session.

What happens after a tap (payments, printing, staff call, idle) runs in kiosk.session.customer, without
Qt; this class only shows the session's state and turns QML intents (slots) into flow events. The router
(`SCREENS`) maps the flow step to a screen of ui/qml/customer/; QML never decides navigation and never
sees the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.domain.cart import CartLine, Selection, chosen_in_catalog_order, line_total
from kiosk.domain.catalog import Catalog, Item
from kiosk.domain.order import OrderType, PaymentMethod
from kiosk.flow import machine as m
from kiosk.session.customer import (
    BecameReady,
    CustomerSession,
    FlowChanged,
    OutOfOrder,
    PrinterProblemChanged,
    RankingChanged,
    ReceiptChanged,
    ReceiptStatus,
    SessionEvent,
    Ticked,
)
from ui.attract import MENU_ROLES, ImageUrls, menu_rows, price_text
from ui.models import RowModel

if TYPE_CHECKING:  # the ledger (and SQLAlchemy) load after the first frame, see docs/UI.md "Start-up"
    from kiosk.flow.checkout import Checkout

SCREENS: dict[m.Step, str] = {
    m.Step.ATTRACT: "customer/AttractScreen.qml",
    m.Step.ORDER_TYPE: "customer/OrderTypeScreen.qml",
    m.Step.MENU: "customer/MenuScreen.qml",
    m.Step.OPTIONS: "customer/OptionsScreen.qml",
    m.Step.CART: "customer/CartScreen.qml",
    m.Step.PAYMENT_METHOD: "customer/PaymentMethodScreen.qml",
    m.Step.PAYING: "customer/PayingScreen.qml",
    m.Step.PAYMENT_FAILED: "customer/PaymentFailedScreen.qml",
    m.Step.RESULT: "customer/ResultScreen.qml",
}


__all__ = ["SCREENS", "KioskViewModel", "price_text"]


# The FlowState fields the `changed` properties are computed from, besides the catalog (compared by
# identity). The category is not one: only the tab and grid models show it.
_PROPERTY_FIELDS = tuple(f.name for f in fields(m.FlowState) if f.name not in ("catalog", "category_id"))


def _properties_changed(old: m.FlowState, new: m.FlowState) -> bool:
    """Whether a `changed` property can read differently now. Emitting `changed` re-evaluates every
    binding on the screen; for a category switch, which changes only the models, that cost more than
    the switch itself (docs/PERFORMANCE.md)."""
    return old.catalog is not new.catalog or any(getattr(old, f) != getattr(new, f) for f in _PROPERTY_FIELDS)


class KioskViewModel(QObject):
    """The customer mode: built with its session before the ledger is open (the attract screen's first
    frame does not wait for it); `isReady` turns true when the session is attached, or earlier when the
    start-up pre-check found nothing to recover (`payReady` then follows at attach). Until then the attract
    screen says it is getting ready and `start` does nothing."""

    changed = Signal()
    languageChanged = Signal()
    idleChanged = Signal()
    printChanged = Signal()
    readyChanged = Signal()
    # A customer's action left a message for the screen (added, sold out, ...): shown again even when it
    # is the same words as last time (a second "added").
    messageShown = Signal()
    helpChanged = Signal()

    def __init__(
        self,
        session: CustomerSession,
        *,
        shop_name: str,
        asset_dirs: list[Path],
        on_language: Callable[[str], None] | None = None,
        tick_ms: int = 250,
        reach_fraction: float = 1.0,
        menu: RowModel | None = None,
        image_urls: ImageUrls | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`menu` and `image_urls`: the attract screen's (ui/attract.py), so its photos stay as they are when
        this view-model takes over from it."""
        super().__init__(parent)
        self.session = session
        self._shop_name = shop_name
        self._on_language = on_language
        self._categories = RowModel(["key", "name", "selected"], self)
        self._menu = menu if menu is not None else RowModel(MENU_ROLES, self)
        self.image_url = image_urls if image_urls is not None else ImageUrls(asset_dirs)
        self._groups = RowModel(["key", "name", "required", "minChoices", "maxChoices", "satisfied", "options"], self)
        self._cart = RowModel(["key", "name", "optionsText", "quantity", "totalText", "image"], self)
        self._help = False
        # Low-position mode (a customer's choice, for wheelchair users and children): the screen's content in
        # the lower `reach_fraction` of the panel (UiSettings.reach_fraction, from the mounting settings).
        self._reach = max(0.4, min(1.0, reach_fraction))
        self._low = False
        self._last_menu_key: tuple[str, str, int, int] | None = None
        session.listener = self._on_session_event
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self._refresh(None)

    # --- plumbing -----------------------------------------------------------------------------------

    @property
    def state(self) -> m.FlowState:
        return self.session.state

    @property
    def ready(self) -> bool:
        return self.session.ready

    @property
    def checkout(self) -> Checkout:
        return self.session.checkout

    @property
    def receipts_requested(self) -> list[int]:
        return self.session.receipts_requested

    @property
    def staff_calls(self) -> int:
        return self.session.staff_calls

    def send(self, event: m.Event) -> None:
        self.session.send(event)
        if isinstance(event, m.CustomerIntent) and self.state.message:
            self.messageShown.emit()

    def set_out_of_order(self, text: str) -> None:
        """The kiosk cannot sell (its ledger is damaged): the attract screen shows `text` and never starts."""
        self.session.set_out_of_order(text)

    @Slot()
    def tick(self) -> None:
        self.session.tick()

    def close(self) -> None:
        self._timer.stop()

    def _on_session_event(self, event: SessionEvent) -> None:
        if isinstance(event, FlowChanged):
            self._refresh(event.old)
        elif isinstance(event, Ticked):
            self.idleChanged.emit()
        elif isinstance(event, ReceiptChanged | PrinterProblemChanged):
            self.printChanged.emit()
        elif isinstance(event, BecameReady | OutOfOrder):
            self.readyChanged.emit()
        elif isinstance(event, RankingChanged):
            self._refresh(self.state)  # easy mode's menu order

    def image_for(self, item: Item, selection: Selection = ()) -> str:
        """The item's picture as chosen: a hot drink shows a hot picture. A variant is a file next to the
        item's image named after a chosen option (`americano.hot.png` for "hot", `.iced` for "iced"); the
        item's own image otherwise."""
        if item.image and selection:
            stem, dot, suffix = item.image.rpartition(".")
            for _gid, opts in selection:
                for oid in opts:
                    url = self.image_url(f"{stem}.{oid}.{suffix}") if dot else ""
                    if url:
                        return url
        return self.image_url(item.image)

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
        # Easy mode: the best sellers first (the session's ranking, read from the ledger off this thread;
        # an empty one keeps the catalog's order); otherwise the catalog's order.
        ranking = self.session.ranking if s.easy else None
        menu_key = (s.category_id, lang, id(catalog), id(ranking))
        if menu_key != self._last_menu_key:
            self._last_menu_key = menu_key
            items = catalog.items_in(s.category_id)
            if ranking is not None:
                items = ranking.order(items)
            self._menu.set_rows(menu_rows(items, lang, self.image_url))
        self._groups.set_rows(self._group_rows(catalog, s))
        self._cart.set_rows(self._cart_rows(catalog, s))
        if old is None or _properties_changed(old, s):
            self.changed.emit()
        if self._low and old is not None and old.step is not m.Step.ATTRACT and s.step is m.Step.ATTRACT:
            self.setLowPosition(False)  # the next customer starts at the normal height
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
                            "soldOut": self.session.option_sold_out(g.id, o.id),
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
                    "image": self.image_for(item, line.selection),
                }
            )
        return rows

    @staticmethod
    def _options_text(catalog: Catalog, line: CartLine, lang: str) -> str:
        """The choices in the catalog's order (as on the options screen and the receipt)."""
        chosen = chosen_in_catalog_order(catalog, line)
        return " · ".join(opt.names.get(lang) + (f" ×{n}" if n > 1 else "") for _group, opt, n in chosen)

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
        return self.image_for(self.state.catalog.item(ed.item_id), ed.selection) if ed else ""

    def _edit_quantity(self) -> int:
        ed = self.state.editing
        return ed.quantity if ed else 0

    def _edit_price_text(self) -> str:
        return price_text(self.state.editing_price(), self.state.language)

    def _can_add(self) -> bool:
        return self.state.editing is not None and not self.state.editing_problems()

    def _private_reason(self) -> str:
        return self.state.private_reason

    def _instruction(self) -> str:
        return self.state.instruction

    def _method(self) -> str:
        return self.state.method.value if self.state.method else ""

    def _qr_payload(self) -> str:
        return self.state.qr_payload

    def _qr_seconds_left(self) -> int:
        return self.session.qr_seconds_left()

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
        return self.session.seconds_left(m.Timer.IDLE)

    def _result_seconds_left(self) -> int:
        return self.session.seconds_left(m.Timer.RESULT)

    def _easy_mode(self) -> bool:
        return self.state.easy

    def _staff_called(self) -> bool:
        return self.state.staff_called

    def _shop(self) -> str:
        return self._shop_name

    def _receipt_status(self) -> str:
        return self.session.receipt.status.value

    def _receipt_failed(self) -> bool:
        return self.session.receipt.status is ReceiptStatus.FAILED

    def _receipt_text(self) -> str:
        return self.session.receipt.text

    def _receipt_qr(self) -> str:
        return self.session.receipt.qr

    def _printer_problem_text(self) -> str:
        return self.session.printer_problem

    def _methods(self) -> list[str]:
        return [pm.value for pm in self.session.payment_methods()]

    screen = Property(str, _screen, notify=changed)
    step = Property(str, _step, notify=changed)
    language = Property(str, _language, notify=changed)
    orderType = Property(str, _order_type, notify=changed)
    cartCount = Property(int, _cart_count, notify=changed)
    cartTotal = Property(int, _cart_total, notify=changed)
    cartTotalText = Property(str, _cart_total_text, notify=changed)
    vatText = Property(str, _vat_text, notify=changed)
    message = Property(str, _message, notify=changed)
    # A decline's reason from the card company: for voice guidance with earphones in, never for the screen.
    privateReason = Property(str, _private_reason, notify=changed)
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
    receiptStatus = Property(str, _receipt_status, notify=printChanged)
    receiptFailed = Property(bool, _receipt_failed, notify=printChanged)
    receiptText = Property(str, _receipt_text, notify=printChanged)
    receiptQr = Property(str, _receipt_qr, notify=printChanged)
    printerProblem = Property(bool, lambda self: bool(self.session.printer_problem), notify=printChanged)
    printerProblemText = Property(str, _printer_problem_text, notify=printChanged)
    paymentMethods = Property(list, _methods, notify=readyChanged)
    # "Touch to start" works (attached, or opened early by the start-up pre-check: docs/PERFORMANCE.md)
    isReady = Property(bool, lambda self: self.session.accepting, notify=readyChanged)
    # The ledger side is attached: paying works (an order begun early waits for it at the pay button)
    payReady = Property(bool, lambda self: self.session.ready, notify=readyChanged)
    outOfOrder = Property(str, lambda self: self.session.out_of_order, notify=readyChanged)
    categories = Property(QObject, lambda self: self._categories, constant=True)
    menu = Property(QObject, lambda self: self._menu, constant=True)
    optionGroups = Property(QObject, lambda self: self._groups, constant=True)
    cartLines = Property(QObject, lambda self: self._cart, constant=True)

    # --- intents (slots) ----------------------------------------------------------------------------

    # --- the keypad (issue 18 item 4; DESIGN section 16) ------------------------------------------------

    # Qt key codes (Qt.Key) of the keypad's own keys: arrows and Enter move and press (the controls handle
    # them), Back goes one step back, Help shows how to use the keypad. The voice keys are the voice's.
    BACK_KEYS = frozenset({0x01000003, 0x01000061})  # Key_Backspace, Key_Back
    HELP_KEYS = frozenset({0x01000030, 0x01000058})  # Key_F1, Key_Help

    @Slot(int, result=bool)
    def keypad(self, key: int) -> bool:
        """A keypad key no control took: Back and Help. True when it did something."""
        if key in self.HELP_KEYS:
            self.setHelpShown(not self._help)
            return True
        if key in self.BACK_KEYS:
            if self._help:
                self.setHelpShown(False)
                return True
            before = self.state
            self.send(m.Back())
            return self.state is not before
        return False

    @Slot(bool)
    def setHelpShown(self, shown: bool) -> None:
        if shown != self._help:
            self._help = shown
            self.helpChanged.emit()

    helpShown = Property(bool, lambda self: self._help, notify=helpChanged)

    lowChanged = Signal()

    @Slot(bool)
    def setLowPosition(self, on: bool) -> None:
        if on != self._low:
            self._low = on
            self.lowChanged.emit()

    lowPosition = Property(bool, lambda self: self._low, notify=lowChanged)
    reachFraction = Property(float, lambda self: self._reach, constant=True)

    @Slot()
    def start(self) -> None:
        self.session.start()

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
        self.send(m.ProceedToPay())

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
        """A customer-presented barcode (the demo's F8): goes to the payment waiting for it, only while the
        barcode screen is up."""
        self.session.submit_code(code)

    @Slot()
    def declineNext(self) -> None:
        """Demo key (F9): the simulated provider declines the next payment."""
        self.session.decline_next()
