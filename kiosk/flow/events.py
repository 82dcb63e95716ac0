"""The ordering flow's events: what a customer did (`CustomerIntent`), what the payment provider said,
and what the clock says (timers). Frozen dataclasses; the machine's table says which step takes which."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.domain.order import OrderType, PaymentMethod


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every event."""


@dataclass(frozen=True, slots=True)
class CustomerIntent(Event):
    """Something the customer did on a screen; it counts as activity for the idle timer."""


@dataclass(frozen=True, slots=True)
class Start(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class ChooseLanguage(CustomerIntent):
    language: str


@dataclass(frozen=True, slots=True)
class SetEasyMode(CustomerIntent):
    """Easy mode (큰 글씨 쉬운 주문) on or off: bigger everything and more time, for this customer only."""

    on: bool


@dataclass(frozen=True, slots=True)
class ChooseOrderType(CustomerIntent):
    order_type: OrderType


@dataclass(frozen=True, slots=True)
class Back(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class CancelOrder(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class SelectCategory(CustomerIntent):
    category_id: str


@dataclass(frozen=True, slots=True)
class OpenItem(CustomerIntent):
    item_id: str


@dataclass(frozen=True, slots=True)
class ToggleOption(CustomerIntent):
    group_id: str
    option_id: str


@dataclass(frozen=True, slots=True)
class ChangeOptionCount(CustomerIntent):
    """For groups where a choice may repeat (extra shot x3)."""

    group_id: str
    option_id: str
    delta: int


@dataclass(frozen=True, slots=True)
class ChangeEditQuantity(CustomerIntent):
    delta: int


@dataclass(frozen=True, slots=True)
class AddToCart(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class OpenCart(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class ChangeLineQuantity(CustomerIntent):
    index: int
    delta: int


@dataclass(frozen=True, slots=True)
class RemoveLine(CustomerIntent):
    index: int


@dataclass(frozen=True, slots=True)
class ProceedToPay(CustomerIntent):
    """The cart bar's "order" button (to the cart review) and the review's "pay" button."""


@dataclass(frozen=True, slots=True)
class ChoosePaymentMethod(CustomerIntent):
    method: PaymentMethod


@dataclass(frozen=True, slots=True)
class CancelPayment(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class RetryPayment(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class ChooseOtherMethod(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class AnswerReceipt(CustomerIntent):
    wanted: bool


@dataclass(frozen=True, slots=True)
class Finish(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class MoreTime(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class CallStaff(CustomerIntent):
    pass


@dataclass(frozen=True, slots=True)
class PaymentPrompted(Event):
    instruction: str
    qr_payload: str = ""
    # When the shown QR stops working, on the driver's Clock.monotonic() scale (the driver turns the
    # provider's "expires in N s" into this, so the machine stays clock-free); 0: no countdown.
    qr_deadline: float = 0.0


@dataclass(frozen=True, slots=True)
class PaymentApproved(Event):
    order_number: int


@dataclass(frozen=True, slots=True)
class PaymentDeclined(Event):
    """Not approved. `reason` from the card company ("잔액 부족") is private: the screen says only "not
    approved" (the queue behind can read it). `public`: the kiosk's own wording of what to do (the QR
    expired, QR payments are down), shown as it is."""

    reason: str = ""
    public: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class PaymentCancelled(Event):
    pass


@dataclass(frozen=True, slots=True)
class PaymentFailed(Event):
    """No clear answer, or the sale could not be recorded; staff must look (message says what to do)."""

    message: str


@dataclass(frozen=True, slots=True)
class IdleWarningDue(Event):
    pass


@dataclass(frozen=True, slots=True)
class IdleExpired(Event):
    pass


@dataclass(frozen=True, slots=True)
class ResultTimeout(Event):
    pass


@dataclass(frozen=True, slots=True)
class AttractTimeout(Event):
    pass
