"""The ordering flow's state: the step (an Enum), the timers, and the customer's `FlowState`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum

from kiosk.domain.cart import Cart, CartLine, Selection, check_selection, normalize_selection, unit_price
from kiosk.domain.catalog import Catalog
from kiosk.domain.order import OrderType, PaymentMethod


class Step(Enum):
    ATTRACT = "attract"
    ORDER_TYPE = "order_type"
    MENU = "menu"
    OPTIONS = "options"
    CART = "cart"
    PAYMENT_METHOD = "payment_method"
    PAYING = "paying"
    PAYMENT_FAILED = "payment_failed"
    RESULT = "result"


class Timer(StrEnum):
    IDLE = "idle"  # warn, then reset an abandoned order
    RESULT = "result"  # leave the order-number screen by itself
    ATTRACT = "attract"  # undo a language or easy mode chosen on the attract screen by someone who left


# Steps where an abandoned order is reset. Never PAYING: money may be moving (DESIGN section 4).
IDLE_STEPS = frozenset({Step.ORDER_TYPE, Step.MENU, Step.OPTIONS, Step.CART, Step.PAYMENT_METHOD, Step.PAYMENT_FAILED})

MAX_EDIT_QUANTITY = 99


@dataclass(frozen=True, slots=True)
class Editing:
    """The item on the options screen, with the choices so far (cart line index when re-editing: none)."""

    item_id: str
    selection: Selection = ()
    quantity: int = 1


@dataclass(frozen=True)
class FlowState:
    catalog: Catalog
    step: Step = Step.ATTRACT
    language: str = "ko"
    default_language: str = "ko"
    cart: Cart = field(default_factory=Cart)
    order_type: OrderType | None = None
    category_id: str = ""
    editing: Editing | None = None
    method: PaymentMethod | None = None
    instruction: str = ""
    qr_payload: str = ""
    qr_deadline: float = 0.0  # monotonic time the QR expires (the screen counts down to it); 0: none
    message: str = ""  # the last refusal (a code the screen words), or a kiosk-side payment failure's text
    # A decline's reason from the card company ("잔액 부족"): never on screen (the queue can read it); the
    # screen says "not approved" and voice guidance may say the reason privately, with earphones in.
    private_reason: str = ""
    order_number: int = 0
    receipt_wanted: bool | None = None
    idle_warning: bool = False
    staff_called: bool = False
    easy: bool = False  # easy mode; every new customer starts without it

    @property
    def total(self) -> int:
        return self.cart.total(self.catalog)

    def editing_problems(self) -> list[str]:
        if self.editing is None:
            return ["nothing is being edited"]
        item = self.catalog.item(self.editing.item_id)
        return check_selection(self.catalog, item, self.editing.selection)

    def editing_price(self) -> int:
        if self.editing is None:
            return 0
        line = CartLine(self.editing.item_id, self.editing.quantity, normalize_selection(self.editing.selection))
        try:
            return unit_price(self.catalog, line) * line.quantity
        except KeyError:
            return 0


def initial_state(catalog: Catalog, language: str = "ko") -> FlowState:
    return FlowState(catalog=catalog, language=language, default_language=language, category_id=catalog.first_category)
