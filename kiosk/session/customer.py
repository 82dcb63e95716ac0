"""The customer's session: the ordering flow's effects, run without Qt.

The flow machine (kiosk.flow) decides what happens; this session does it: it starts and cancels the
payment through `Checkout`, records the sale when the provider approves, queues the kitchen ticket and the
receipt on the `ReceiptService`, keeps the receipt's status for the result screen, counts staff calls, and
drives the idle / result timers through the flow controller's `tick`.

Threads: the session lives on one thread (the GUI thread in the kiosk). Payment answers, printer events and
scanner codes arrive on device threads; `post` (given by `attach`) runs a call later on the session's
thread, and always later, never inside the caller: a payment result never re-enters `send`. In the window
`post` is `ui.bridge.GuiBridge.post`; in a test it can be a plain queue.

The view-model listens through `listener` and receives typed `SessionEvent`s; it only turns them into Qt
signals. Printing never blocks a sale: the sale is committed first, the kitchen ticket is queued as soon as
it is, the receipt when the customer says yes, and a receipt that did not print is shown on the result
screen (text and QR) instead of holding anyone up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

from kiosk.bestsellers import NO_RANKING, SalesRanking
from kiosk.config import UiSettings
from kiosk.domain.business_day import business_date
from kiosk.domain.catalog import Catalog
from kiosk.domain.order import PaymentMethod
from kiosk.flow import events as ev
from kiosk.flow.controller import FlowController
from kiosk.flow.effects import AbortPayment, Effect, NotifyStaff, PrintReceipt, StartPayment
from kiosk.flow.state import FlowState, Step, Timer, initial_state
from kiosk.ports import Clock

if TYPE_CHECKING:  # the ledger side (SQLAlchemy) loads after the first frame: see docs/UI.md "Start-up"
    from kiosk.bestsellers import BestSellerWorker
    from kiosk.flow.checkout import Checkout
    from kiosk.owner.menu import MenuOverrides
    from kiosk.payments.port import PaymentPrompt, PaymentResult
    from kiosk.receipts.service import ReceiptService

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

# Columns of the on-screen receipt: wide enough for an address line, narrow enough to sit beside its QR
# on the result screen in both orientations.
SCREEN_RECEIPT_COLUMNS = 42

NO_ORDER_TYPE = "주문 방식을 다시 골라 주세요."
PAYMENT_NOT_STARTED = "결제를 시작하지 못했습니다. 직원을 불러 주세요."


class ReceiptStatus(Enum):
    """The receipt of the sale on the result screen."""

    NONE = ""  # not asked (or no sale on screen)
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"  # shown on screen instead (text and QR), staff will print it


@dataclass(frozen=True, slots=True)
class Receipt:
    """The sale on the result screen and its receipt; `text` and `qr` only when it did not print."""

    order_id: str = ""
    status: ReceiptStatus = ReceiptStatus.NONE
    text: str = ""
    qr: str = ""


NO_RECEIPT = Receipt()
# What needs the ledger side: refused until `attach` (a session opened early by the start-up pre-check).
PAYING_EVENTS = (ev.ProceedToPay, ev.ChoosePaymentMethod, ev.RetryPayment, ev.ChooseOtherMethod)


# --- what the session tells its listener (the view-model) --------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """Base of what the session reports."""


@dataclass(frozen=True, slots=True)
class FlowChanged(SessionEvent):
    """The flow state changed (`old` is None for the first state)."""

    old: FlowState | None
    new: FlowState


@dataclass(frozen=True, slots=True)
class Ticked(SessionEvent):
    """The clock moved: countdowns read differently."""


@dataclass(frozen=True, slots=True)
class ReceiptChanged(SessionEvent):
    receipt: Receipt


@dataclass(frozen=True, slots=True)
class PrinterProblemChanged(SessionEvent):
    """The printer's last "lost" message, for staff; "" when it works again."""

    text: str


@dataclass(frozen=True, slots=True)
class BecameReady(SessionEvent):
    """The ledger is open and recovery has run: customers can order."""


@dataclass(frozen=True, slots=True)
class RankingChanged(SessionEvent):
    """A new best-seller ranking applies (between two customers): easy mode's menu order changes."""

    ranking: SalesRanking


@dataclass(frozen=True, slots=True)
class OutOfOrder(SessionEvent):
    """The kiosk cannot sell at all (its ledger cannot be used): the attract screen says `text`."""

    text: str


SessionListener = Callable[[SessionEvent], None]


@dataclass(frozen=True, slots=True)
class FlowTimings:
    """The flow's timers (settings `ui.*`)."""

    idle_timeout_seconds: float
    idle_warning_seconds: float
    result_seconds: float
    easy_idle_factor: float = 1.0

    @staticmethod
    def of(ui: UiSettings) -> FlowTimings:
        return FlowTimings(ui.idle_timeout_seconds, ui.idle_warning_seconds, ui.result_seconds, ui.easy_idle_factor)


@dataclass(frozen=True, slots=True)
class SessionServices:
    """What `attach` brings once the ledger side is up: checkout, receipt printing and the demo keys."""

    checkout: Checkout
    receipts: ReceiptService | None = None
    on_decline_next: Callable[[], None] | None = None  # demo F9
    on_code: Callable[[str, str], None] | None = None  # (intent_id, code): PaymentService.submit_code
    best_sellers: BestSellerWorker | None = None  # easy mode's order (kiosk/bestsellers.py); None: the catalog's


class _PaymentListener:
    """The provider's listener: called on the provider's thread, posts to the session's thread."""

    def __init__(self, session: CustomerSession) -> None:
        self._session = session

    def on_prompt(self, prompt: PaymentPrompt) -> None:
        self._session._post_call(lambda: self._session._on_prompt(prompt))

    def on_result(self, result: PaymentResult) -> None:
        self._session._post_call(lambda: self._session._on_result(result))


class CustomerSession:
    """Built before the ledger is open (the attract screen's first frame does not wait for it); `attach`
    brings checkout and printing once the ledger is open and payment recovery has run. Until then `start`
    does nothing: no customer begins an order on a terminal whose open payments are not resolved yet."""

    def __init__(self, catalog: Catalog, language: str, clock: Clock, timings: FlowTimings) -> None:
        self.clock = clock
        self.listener: SessionListener = lambda event: None
        self.controller = FlowController(
            initial_state(catalog, language),
            clock,
            idle_timeout_seconds=timings.idle_timeout_seconds,
            idle_warning_seconds=timings.idle_warning_seconds,
            result_seconds=timings.result_seconds,
            on_effect=self._on_effect,
            easy_idle_factor=timings.easy_idle_factor,
        )
        self._services: SessionServices | None = None
        self._post: Post | None = None
        self._payments = _PaymentListener(self)
        self.receipt = NO_RECEIPT
        self.printer_problem = ""
        self.receipts_requested: list[int] = []
        self.staff_calls = 0
        self.out_of_order = ""  # set when the kiosk cannot sell (a damaged ledger); it then never becomes ready
        self._early = False  # `open_early`: customers may start an order before `attach`; paying waits for it
        self.base_catalog = catalog  # the catalog file; the back office's switches and prices go on top
        self._menu: MenuOverrides | None = None
        # Easy mode's best sellers first: the ranking on screen, and one read meanwhile that waits for the
        # next customer (a menu never reorders under a customer's finger).
        self.ranking: SalesRanking = NO_RANKING
        self._next_ranking: SalesRanking | None = None

    # --- lifecycle ------------------------------------------------------------------------------------

    def attach(self, services: SessionServices, post: Post) -> None:
        """The ledger is open and recovery has run: customers can order from now on. `post(call)` runs
        `call` later on this session's thread (from any thread)."""
        self._services = services
        self._post = post
        if services.best_sellers is not None:  # read on the worker's thread, applied on this one
            services.best_sellers.listener = lambda ranking: self._post_call(lambda: self._set_ranking(ranking))
        self._load_menu()
        self.listener(BecameReady())

    def open_early(self) -> None:
        """The start-up pre-check found nothing to recover (kiosk/ledger/precheck.py): "touch to start" works
        now, before `attach`; a customer builds an order meanwhile and paying waits for `attach`."""
        if self._services is None and not self.out_of_order and not self._early:
            self._early = True
            self.listener(BecameReady())

    def set_out_of_order(self, text: str) -> None:
        """The ledger side cannot start and must not be retried: no customer can start an order. An order
        begun early (`open_early`) is cancelled: nothing of it was committed (paying waits for `attach`)."""
        self._early = False
        self.out_of_order = text
        if self.state.step is not Step.ATTRACT and self._services is None:
            self.send(ev.CancelOrder())
        self.listener(OutOfOrder(text))

    @property
    def ready(self) -> bool:
        """The ledger side is attached: checkout, printing and the devices are there."""
        return self._services is not None and not self.out_of_order

    @property
    def accepting(self) -> bool:
        """ "Touch to start" works: attached, or opened early by the start-up pre-check."""
        return (self._services is not None or self._early) and not self.out_of_order

    @property
    def checkout(self) -> Checkout:
        if self._services is None:
            raise RuntimeError("the kiosk is not ready: attach() has not run")
        return self._services.checkout

    @property
    def receipts(self) -> ReceiptService | None:
        return self._services.receipts if self._services is not None else None

    @property
    def state(self) -> FlowState:
        return self.controller.state

    def _post_call(self, call: Callable[[], None]) -> None:
        if self._post is None:
            raise RuntimeError("the kiosk is not ready: attach() has not run")
        self._post(call)

    # --- the flow -------------------------------------------------------------------------------------

    def send(self, event: ev.Event) -> None:
        old = self.state
        if self._services is None and isinstance(event, PAYING_EVENTS):
            return  # opened early: paying waits for `attach` (the pay button says so)
        if self._option_sold_out(event):
            self.controller.state = replace(old, message="sold_out")
        else:
            self.controller.send(event)
        self._changed(old)

    def start(self) -> None:
        """ "Touch to start": once the ledger side is attached, or opened early (`open_early`)."""
        if self.accepting:
            self.send(ev.Start())

    def tick(self) -> None:
        old = self.state
        self.controller.tick()
        if self.state is not old:
            self._changed(old)
        self.listener(Ticked())

    def _changed(self, old: FlowState) -> None:
        if self._menu is not None and Step.ATTRACT in (old.step, self.state.step):
            # Between two customers (the cart is empty): new prices and the day's switches apply now.
            catalog = self._menu.apply(self.base_catalog, self._today())
            if catalog != self.state.catalog:
                self.controller.state = replace(self.state, catalog=catalog)
        if self.state.step is not Step.RESULT and self.receipt.order_id:
            self._set_receipt(NO_RECEIPT)  # the next customer never sees the last one's receipt
        self.listener(FlowChanged(old, self.state))
        if old.step is not Step.ATTRACT and self.state.step is Step.ATTRACT:
            # An order ended: read the best sellers again (off this thread); a ranking read meanwhile applies now.
            services = self._services
            if services is not None and services.best_sellers is not None:
                services.best_sellers.refresh()
            if self._next_ranking is not None:
                self._set_ranking(self._next_ranking)

    # --- easy mode's best sellers first (kiosk/bestsellers.py) -----------------------------------------

    def _set_ranking(self, ranking: SalesRanking) -> None:
        """A ranking read on the worker: applied at once between customers, else when this order ends."""
        if self.state.step is not Step.ATTRACT:
            self._next_ranking = ranking
            return
        self._next_ranking = None
        if ranking.counts != self.ranking.counts:  # the same order again (most reads): nothing to redo
            self.ranking = ranking
            self.listener(RankingChanged(ranking))

    def seconds_left(self, timer: Timer) -> int:
        """Whole seconds left on a flow timer, rounded up; 0 when it is not running."""
        left = self.controller.seconds_left(timer)
        return int(left + 0.999) if left is not None else 0

    def qr_seconds_left(self) -> int:
        deadline = self.state.qr_deadline
        if not deadline or self.state.step is not Step.PAYING:
            return 0
        return max(0, int(deadline - self.clock.monotonic() + 0.999))

    def payment_methods(self) -> list[PaymentMethod]:
        """The methods the payment-method screen offers, in its order; none before `attach`."""
        if self._services is None:
            return []
        available = self._services.checkout.provider.methods()
        return [pm for pm in (PaymentMethod.CARD, PaymentMethod.QR, PaymentMethod.BARCODE) if pm in available]

    # --- the back office's sold-out switches and prices (kiosk/owner/menu.py) ------------------------

    def apply_menu(self, menu: MenuOverrides) -> None:
        """Sold-out switches apply at once, also to an order in progress (the menu refuses the item);
        new prices from the next order: a cart in progress keeps the prices it was built with."""
        self._menu = menu
        s = self.state
        prices_from = None if s.step is Step.ATTRACT else s.catalog
        catalog = menu.apply(self.base_catalog, self._today(), prices_from=prices_from)
        if catalog != s.catalog:
            self.controller.state = replace(s, catalog=catalog)
            self.listener(FlowChanged(s, self.state))

    def _load_menu(self) -> None:
        if self._services is None:
            return
        from kiosk.owner.menu import load_overrides

        try:
            self.apply_menu(load_overrides(self._services.checkout.ledger))
        except Exception:
            log.exception("the back office's sold-out switches and prices could not be read; the menu file applies")

    def _today(self) -> date:
        if self._services is None:
            return self.clock.now().date()
        ledger = self._services.checkout.ledger
        return business_date(self.clock.now(), ledger.tz, ledger.day_start_hour)

    def option_sold_out(self, group_id: str, option_id: str) -> bool:
        """Whether the back office switched this option off (shown on the options screen; refused if chosen)."""
        if self._menu is None or not self._menu.sold_out:
            return False
        return self._menu.option_sold_out(group_id, option_id, self._today())

    def _option_sold_out(self, event: ev.Event) -> bool:
        """A sold-out option is refused when chosen (taking it off is fine)."""
        ed = self.state.editing
        if self._menu is None or ed is None or not self._menu.sold_out:
            return False
        if isinstance(event, ev.ToggleOption):
            if event.option_id in dict(ed.selection).get(event.group_id, ()):
                return False
        elif not (isinstance(event, ev.ChangeOptionCount) and event.delta > 0):
            return False
        return self._menu.option_sold_out(event.group_id, event.option_id, self._today())

    # --- effects --------------------------------------------------------------------------------------

    def _on_effect(self, effect: Effect) -> None:
        s = self.state
        if isinstance(effect, StartPayment):
            if s.order_type is None:
                self._post_call(lambda: self.send(ev.PaymentFailed(NO_ORDER_TYPE)))
                return
            try:
                self.checkout.begin(s.catalog, s.cart, s.order_type, effect.method, self._payments, s.language)
            except Exception as exc:
                log.error("payment could not start: %s", exc)
                self._post_call(lambda: self.send(ev.PaymentFailed(PAYMENT_NOT_STARTED)))
        elif isinstance(effect, AbortPayment):
            self.checkout.cancel()
        elif isinstance(effect, PrintReceipt):
            self.receipts_requested.append(effect.order_number)
            log.info("receipt requested for order %d", effect.order_number)
            self._print_receipt()
        elif isinstance(effect, NotifyStaff):
            self.staff_calls += 1
            log.warning("staff called from the %s screen", effect.step.value)

    def _on_prompt(self, prompt: PaymentPrompt) -> None:
        pending = self.checkout.pending
        if pending is None or prompt.intent_id != pending.request.intent_id:
            return
        # "Expires in N s" becomes a deadline on our clock, so each tick can count down without the provider.
        deadline = self.clock.monotonic() + prompt.expires_in_seconds if prompt.expires_in_seconds else 0.0
        self.send(ev.PaymentPrompted(prompt.instruction.value, prompt.qr_payload, deadline))

    def _on_result(self, result: PaymentResult) -> None:
        event = self.checkout.finish(result)
        if isinstance(event, ev.PaymentApproved) and self.checkout.last_sale is not None:
            self._set_receipt(Receipt(self.checkout.last_sale.order_id))
            self._print_kitchen_ticket()
        self.send(event)

    # --- payments from outside the screen ---------------------------------------------------------------

    def submit_code(self, code: str) -> None:
        """A customer-presented barcode (the scanner, or the demo's F8): goes to the payment waiting for
        it, only while the barcode screen is up."""
        services = self._services
        pending = services.checkout.pending if services is not None else None
        if services is None or services.on_code is None or pending is None or self.state.step is not Step.PAYING:
            return
        if pending.request.method is not PaymentMethod.BARCODE:
            return
        services.on_code(pending.request.intent_id, code)

    def decline_next(self) -> None:
        """Demo key (F9): the simulated provider declines the next payment."""
        services = self._services
        if services is None:
            return
        if services.on_decline_next is not None:
            services.on_decline_next()
            return
        decline = getattr(services.checkout.provider, "decline_next", None)
        if callable(decline):
            decline()

    # --- printing ---------------------------------------------------------------------------------------

    def _print_kitchen_ticket(self) -> None:
        """The sale is committed; the kitchen ticket goes out at once. A failure here is the printer
        stack's (journaled and alerted by ReceiptService) and never the customer's problem."""
        order_id = self.receipt.order_id
        if self.receipts is None or not order_id:
            return
        try:
            self.receipts.print_kitchen_ticket(order_id)
        except Exception:
            log.exception("kitchen ticket for order %s could not be queued", order_id)

    def _print_receipt(self) -> None:
        order_id = self.receipt.order_id
        if self.receipts is None or not order_id:
            return
        try:
            self.receipts.print_receipt(order_id)
        except Exception:
            log.exception("receipt for order %s could not be queued", order_id)
            self._show_receipt_on_screen(order_id)
            return
        if self.receipt.status is not ReceiptStatus.FAILED:  # a failure can be reported before we get here
            self._set_receipt(Receipt(order_id, ReceiptStatus.PRINTING, self.receipt.text, self.receipt.qr))

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
        self._set_receipt(Receipt(order_id, ReceiptStatus.FAILED, text, qr))

    def _set_receipt(self, receipt: Receipt) -> None:
        self.receipt = receipt
        self.listener(ReceiptChanged(receipt))

    def on_print_event(self, event: object) -> None:
        """A ReceiptService (or printer health) event, on this session's thread."""
        # Imported here, once printing is attached: the first frame does not wait for them.
        from kiosk.devices.health import Health, HealthEvent
        from kiosk.receipts.document import DocumentKind
        from kiosk.receipts.events import FAILED, ReceiptEvent

        if isinstance(event, HealthEvent):
            problem = (event.message or event.detail) if event.health is Health.LOST else ""
            if problem != self.printer_problem:
                if problem:
                    log.warning("printer problem: %s (%s)", event.detail, event.message)
                self.printer_problem = problem
                self.listener(PrinterProblemChanged(problem))
            return
        if not isinstance(event, ReceiptEvent):
            return
        if event.result == FAILED:
            log.warning("%s for order %s did not print: %s", event.kind.value, event.order_id, event.message)
        on_result_screen = self.state.step is Step.RESULT
        if event.kind is not DocumentKind.RECEIPT or event.order_id != self.receipt.order_id or not on_result_screen:
            return
        if event.result == FAILED:
            self._show_receipt_on_screen(event.order_id)
        elif self.receipt.status is not ReceiptStatus.FAILED:
            # A reprint after a failure keeps the on-screen receipt until the customer leaves.
            self._set_receipt(Receipt(event.order_id, ReceiptStatus.PRINTED))
