"""The customer's ordering flow as a pure state machine (DESIGN section 4).

`transition(state, event) -> (state, effects)`: no Qt, no I/O, no clock reads. The table `TABLE` lists
every (step, event type) pair that does something; any other pair is a logged no-op, so a stray tap or a
late device event can never move the kiosk somewhere unexpected. Timers are effects (`ArmTimer`,
`DisarmTimer`) that a driver (kiosk.flow.controller) turns into `IdleWarningDue` / `IdleExpired` /
`ResultTimeout` events from a Clock port.

The vocabulary lives in kiosk.flow.events, kiosk.flow.effects and kiosk.flow.state; this module is the
transition table and `transition`, and re-exports the vocabulary so a caller imports one name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from kiosk.domain.cart import Cart, CartError
from kiosk.domain.catalog import LANGUAGES
from kiosk.flow.effects import (
    AbortPayment,
    ArmTimer,
    DisarmTimer,
    Effect,
    NotifyStaff,
    PrintReceipt,
    StartPayment,
)
from kiosk.flow.events import (
    AddToCart,
    AnswerReceipt,
    AttractTimeout,
    Back,
    CallStaff,
    CancelOrder,
    CancelPayment,
    ChangeEditQuantity,
    ChangeLineQuantity,
    ChangeOptionCount,
    ChooseLanguage,
    ChooseOrderType,
    ChooseOtherMethod,
    ChoosePaymentMethod,
    CustomerIntent,
    Event,
    Finish,
    IdleExpired,
    IdleWarningDue,
    MoreTime,
    OpenCart,
    OpenItem,
    PaymentApproved,
    PaymentCancelled,
    PaymentDeclined,
    PaymentFailed,
    PaymentPrompted,
    ProceedToPay,
    RemoveLine,
    ResultTimeout,
    RetryPayment,
    SelectCategory,
    SetEasyMode,
    Start,
    ToggleOption,
)
from kiosk.flow.state import IDLE_STEPS, MAX_EDIT_QUANTITY, Editing, FlowState, Step, Timer, initial_state

__all__ = [
    "IDLE_STEPS",
    "MAX_EDIT_QUANTITY",
    "TABLE",
    "AbortPayment",
    "AddToCart",
    "AnswerReceipt",
    "ArmTimer",
    "AttractTimeout",
    "Back",
    "CallStaff",
    "CancelOrder",
    "CancelPayment",
    "ChangeEditQuantity",
    "ChangeLineQuantity",
    "ChangeOptionCount",
    "ChooseLanguage",
    "ChooseOrderType",
    "ChooseOtherMethod",
    "ChoosePaymentMethod",
    "CustomerIntent",
    "DisarmTimer",
    "Editing",
    "Effect",
    "Event",
    "Finish",
    "FlowState",
    "IdleExpired",
    "IdleWarningDue",
    "MoreTime",
    "NotifyStaff",
    "OpenCart",
    "OpenItem",
    "PaymentApproved",
    "PaymentCancelled",
    "PaymentDeclined",
    "PaymentFailed",
    "PaymentPrompted",
    "PrintReceipt",
    "ProceedToPay",
    "RemoveLine",
    "ResultTimeout",
    "RetryPayment",
    "SelectCategory",
    "SetEasyMode",
    "Start",
    "StartPayment",
    "Step",
    "Timer",
    "ToggleOption",
    "initial_state",
    "transition",
]

log = logging.getLogger(__name__)

Result = tuple[FlowState, tuple[Effect, ...]]
Handler = Callable[[FlowState, Event], Result]


def _go(state: FlowState, step: Step, *effects: Effect, **changes: object) -> Result:
    return replace(state, step=step, **changes), tuple(effects)  # type: ignore[arg-type]


def _stay(state: FlowState, **changes: object) -> Result:
    return replace(state, **changes), ()  # type: ignore[arg-type]


def _reset(state: FlowState, *effects: Effect) -> Result:
    """Back to the attract screen with an empty cart (the next customer starts clean)."""
    fresh = initial_state(state.catalog, state.default_language)
    return fresh, tuple(effects)


# --- handlers ----------------------------------------------------------------------------------------


def _start(s: FlowState, e: Event) -> Result:
    return _go(s, Step.ORDER_TYPE, staff_called=False)


def _language(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChooseLanguage)
    if e.language not in LANGUAGES:
        return _stay(s)
    return _stay(s, language=e.language)


def _easy_mode(s: FlowState, e: Event) -> Result:
    assert isinstance(e, SetEasyMode)
    return _stay(s, easy=e.on)


def _order_type(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChooseOrderType)
    return _go(s, Step.MENU, order_type=e.order_type, message="")


def _cancel_order(s: FlowState, e: Event) -> Result:
    return _reset(s)


def _to_attract(s: FlowState, e: Event) -> Result:
    return _reset(s)


def _to_order_type(s: FlowState, e: Event) -> Result:
    return _go(s, Step.ORDER_TYPE, message="")


def _to_menu(s: FlowState, e: Event) -> Result:
    return _go(s, Step.MENU, editing=None, message="")


def _to_cart(s: FlowState, e: Event) -> Result:
    if not s.cart.lines:
        return _stay(s, message="cart_empty")
    return _go(s, Step.CART, message="", private_reason="")


def _select_category(s: FlowState, e: Event) -> Result:
    assert isinstance(e, SelectCategory)
    if e.category_id not in {c.id for c in s.catalog.categories}:
        return _stay(s)
    return _stay(s, category_id=e.category_id, message="")


def _open_item(s: FlowState, e: Event) -> Result:
    assert isinstance(e, OpenItem)
    try:
        item = s.catalog.item(e.item_id)
    except KeyError:
        return _stay(s)
    if item.sold_out:
        return _stay(s, message="sold_out")
    if not item.option_group_ids:
        # Nothing to choose: straight into the cart, one tap per item (fewer steps for older customers).
        return _stay(s, cart=s.cart.add(s.catalog, item.id), message="added")
    # Normally no pre-selected required choices: the customer picks hot / iced and size themselves. Easy
    # mode preselects each required single choice with its default (the catalog's first option).
    selection: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if s.easy:
        selection = tuple(
            (g.id, (g.options[0].id,))
            for g in s.catalog.groups_of(item)
            if g.min_choices == 1 and g.max_choices == 1 and g.options
        )
    return _go(s, Step.OPTIONS, editing=Editing(item.id, selection, 1), message="")


def _selection_dict(editing: Editing) -> dict[str, tuple[str, ...]]:
    return {gid: opts for gid, opts in editing.selection}


def _with_group(editing: Editing, group_id: str, opts: tuple[str, ...]) -> Editing:
    chosen = _selection_dict(editing)
    chosen[group_id] = opts
    return replace(editing, selection=tuple((g, o) for g, o in chosen.items() if o))


def _toggle_option(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ToggleOption)
    ed = s.editing
    if ed is None or e.group_id not in s.catalog.item(ed.item_id).option_group_ids:
        return _stay(s)
    group = s.catalog.option_groups[e.group_id]
    if e.option_id not in {o.id for o in group.options}:
        return _stay(s)
    current = _selection_dict(ed).get(e.group_id, ())
    if e.option_id in current:
        # A required single choice stays chosen (tapping another one switches); others toggle off.
        new = (
            current
            if group.min_choices == 1 and group.max_choices == 1
            else tuple(o for o in current if o != e.option_id)
        )
    elif group.max_choices == 1:
        new = (e.option_id,)
    elif len(current) < group.max_choices:
        new = (*current, e.option_id)
    else:
        return _stay(s, message="max_choices")
    return _stay(s, editing=_with_group(ed, e.group_id, new), message="")


def _change_option_count(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChangeOptionCount)
    ed = s.editing
    if ed is None or e.group_id not in s.catalog.item(ed.item_id).option_group_ids:
        return _stay(s)
    group = s.catalog.option_groups[e.group_id]
    if not group.allow_repeat or e.option_id not in {o.id for o in group.options}:
        return _stay(s)
    current = list(_selection_dict(ed).get(e.group_id, ()))
    if e.delta > 0:
        if len(current) + e.delta > group.max_choices:
            return _stay(s, message="max_choices")
        current.extend([e.option_id] * e.delta)
    else:
        for _ in range(-e.delta):
            if e.option_id in current:
                current.remove(e.option_id)
    return _stay(s, editing=_with_group(ed, e.group_id, tuple(current)), message="")


def _edit_quantity(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChangeEditQuantity)
    if s.editing is None:
        return _stay(s)
    quantity = max(1, min(MAX_EDIT_QUANTITY, s.editing.quantity + e.delta))
    return _stay(s, editing=replace(s.editing, quantity=quantity))


def _add_to_cart(s: FlowState, e: Event) -> Result:
    ed = s.editing
    if ed is None:
        return _stay(s)
    if s.editing_problems():
        return _stay(s, message="required_missing")
    try:
        cart = s.cart.add(s.catalog, ed.item_id, ed.selection, ed.quantity)
    except CartError:
        return _stay(s, message="required_missing")
    return _go(s, Step.MENU, cart=cart, editing=None, message="added")


def _line_quantity(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChangeLineQuantity)
    if not 0 <= e.index < len(s.cart.lines):
        return _stay(s)
    new_qty = s.cart.lines[e.index].quantity + e.delta
    if new_qty < 1:
        return _stay(s)  # removing is its own, deliberate button
    return _stay(s, cart=s.cart.set_quantity(e.index, new_qty))


def _remove_line(s: FlowState, e: Event) -> Result:
    assert isinstance(e, RemoveLine)
    if not 0 <= e.index < len(s.cart.lines):
        return _stay(s)
    cart = s.cart.remove(e.index)
    if not cart.lines and s.step is Step.CART:
        return _go(s, Step.MENU, cart=cart)
    return _stay(s, cart=cart)


def _change_order_type(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChooseOrderType)
    return _stay(s, order_type=e.order_type)


def _to_payment_method(s: FlowState, e: Event) -> Result:
    return _go(s, Step.PAYMENT_METHOD, message="", private_reason="")


def _checkout(s: FlowState, e: Event) -> Result:
    if not s.cart.lines:
        return _stay(s, message="cart_empty")
    return _go(s, Step.PAYMENT_METHOD, message="")


def _choose_method(s: FlowState, e: Event) -> Result:
    assert isinstance(e, ChoosePaymentMethod)
    return _go(
        s,
        Step.PAYING,
        StartPayment(e.method),
        method=e.method,
        instruction="",
        qr_payload="",
        qr_deadline=0.0,
        message="",
    )


def _retry(s: FlowState, e: Event) -> Result:
    if s.method is None:
        return _go(s, Step.PAYMENT_METHOD, private_reason="")
    return _go(
        s,
        Step.PAYING,
        StartPayment(s.method),
        instruction="",
        qr_payload="",
        qr_deadline=0.0,
        message="",
        private_reason="",
    )


def _cancel_payment(s: FlowState, e: Event) -> Result:
    # The provider answers with CANCELLED (or APPROVED if it was too late to stop): stay until then.
    return s, (AbortPayment(),)


def _prompted(s: FlowState, e: Event) -> Result:
    assert isinstance(e, PaymentPrompted)
    return _stay(
        s,
        instruction=e.instruction,
        qr_payload=e.qr_payload or s.qr_payload,
        qr_deadline=e.qr_deadline or s.qr_deadline,
    )


def _approved(s: FlowState, e: Event) -> Result:
    assert isinstance(e, PaymentApproved)
    return _go(s, Step.RESULT, ArmTimer(Timer.RESULT), order_number=e.order_number, cart=Cart(), receipt_wanted=None)


def _declined(s: FlowState, e: Event) -> Result:
    assert isinstance(e, PaymentDeclined)
    if e.public:  # the kiosk's own words of what to do next
        return _go(s, Step.PAYMENT_FAILED, message=e.reason, private_reason="")
    # The screen shows a neutral "not approved"; the card company's reason is kept for private speech only.
    return _go(s, Step.PAYMENT_FAILED, message="declined", private_reason=e.reason)


def _payment_cancelled(s: FlowState, e: Event) -> Result:
    # Never silent: the method screen says the payment was cancelled and nothing was charged.
    return _go(s, Step.PAYMENT_METHOD, message="payment_cancelled")


def _payment_failed(s: FlowState, e: Event) -> Result:
    assert isinstance(e, PaymentFailed)
    return _go(s, Step.PAYMENT_FAILED, message=e.message)


def _receipt(s: FlowState, e: Event) -> Result:
    assert isinstance(e, AnswerReceipt)
    if s.receipt_wanted is not None:
        return _stay(s)
    effects: tuple[Effect, ...] = (PrintReceipt(s.order_number),) if e.wanted else ()
    return replace(s, receipt_wanted=e.wanted), (*effects, ArmTimer(Timer.RESULT))


def _finish(s: FlowState, e: Event) -> Result:
    return _reset(s, DisarmTimer(Timer.RESULT))


def _result_timeout(s: FlowState, e: Event) -> Result:
    return _reset(s)


def _idle_warning(s: FlowState, e: Event) -> Result:
    return _stay(s, idle_warning=True)


def _more_time(s: FlowState, e: Event) -> Result:
    return _stay(s, idle_warning=False)


def _idle_expired(s: FlowState, e: Event) -> Result:
    log.info("idle timeout at %s: order reset, cart of %d item(s) cleared", s.step.value, s.cart.count)
    return _reset(s)


def _call_staff(s: FlowState, e: Event) -> Result:
    return replace(s, staff_called=True), (NotifyStaff(s.step),)


# --- the table ---------------------------------------------------------------------------------------

_EVERYWHERE: dict[type[Event], Handler] = {
    ChooseLanguage: _language,
    SetEasyMode: _easy_mode,
    CallStaff: _call_staff,
}
_IDLE_EVENTS: dict[type[Event], Handler] = {
    IdleWarningDue: _idle_warning,
    IdleExpired: _idle_expired,
    MoreTime: _more_time,
}

TABLE: dict[tuple[Step, type[Event]], Handler] = {}


def _rows(step: Step, handlers: dict[type[Event], Handler]) -> None:
    for event_type, handler in handlers.items():
        TABLE[(step, event_type)] = handler


_rows(Step.ATTRACT, {**_EVERYWHERE, Start: _start, AttractTimeout: _to_attract})
_rows(
    Step.ORDER_TYPE,
    {**_EVERYWHERE, **_IDLE_EVENTS, ChooseOrderType: _order_type, Back: _to_attract, CancelOrder: _cancel_order},
)
_rows(
    Step.MENU,
    {
        **_EVERYWHERE,
        **_IDLE_EVENTS,
        SelectCategory: _select_category,
        OpenItem: _open_item,
        OpenCart: _to_cart,
        ProceedToPay: _to_cart,  # the summary bar's "order" button goes through the review first
        Back: _to_order_type,
        CancelOrder: _cancel_order,
    },
)
_rows(
    Step.OPTIONS,
    {
        **_EVERYWHERE,
        **_IDLE_EVENTS,
        ToggleOption: _toggle_option,
        ChangeOptionCount: _change_option_count,
        ChangeEditQuantity: _edit_quantity,
        AddToCart: _add_to_cart,
        Back: _to_menu,
        CancelOrder: _cancel_order,
    },
)
_rows(
    Step.CART,
    {
        **_EVERYWHERE,
        **_IDLE_EVENTS,
        ChangeLineQuantity: _line_quantity,
        RemoveLine: _remove_line,
        ProceedToPay: _checkout,
        ChooseOrderType: _change_order_type,
        Back: _to_menu,
        CancelOrder: _cancel_order,
    },
)
_rows(
    Step.PAYMENT_METHOD,
    {**_EVERYWHERE, **_IDLE_EVENTS, ChoosePaymentMethod: _choose_method, Back: _to_cart, CancelOrder: _cancel_order},
)
_rows(
    Step.PAYING,
    {
        **_EVERYWHERE,
        CancelPayment: _cancel_payment,
        PaymentPrompted: _prompted,
        PaymentApproved: _approved,
        PaymentDeclined: _declined,
        PaymentCancelled: _payment_cancelled,
        PaymentFailed: _payment_failed,
    },
)
_rows(
    Step.PAYMENT_FAILED,
    {
        **_EVERYWHERE,
        **_IDLE_EVENTS,
        RetryPayment: _retry,
        ChooseOtherMethod: _to_payment_method,
        Back: _to_cart,
        CancelOrder: _cancel_order,
    },
)
_rows(Step.RESULT, {**_EVERYWHERE, AnswerReceipt: _receipt, Finish: _finish, ResultTimeout: _result_timeout})


def transition(state: FlowState, event: Event) -> Result:
    """The one entry point. Adds the idle-timer effects every step change needs."""
    handler = TABLE.get((state.step, type(event)))
    if handler is None:
        log.info("flow: %s ignored in %s", type(event).__name__, state.step.value)
        return state, ()
    new, effects = handler(state, event)
    timers: list[Effect] = []
    if new.step in IDLE_STEPS:
        # Any touch, and any step change, restarts the idle countdown and clears a warning.
        if isinstance(event, CustomerIntent) or new.step is not state.step:
            timers.append(ArmTimer(Timer.IDLE))
            if new.idle_warning and not isinstance(event, IdleWarningDue):
                new = replace(new, idle_warning=False)
    elif state.step in IDLE_STEPS or new.step is Step.ATTRACT:
        timers.append(DisarmTimer(Timer.IDLE))
        new = replace(new, idle_warning=False)
    if state.step is Step.RESULT and new.step is not Step.RESULT:
        timers.append(DisarmTimer(Timer.RESULT))
    if new.step is Step.ATTRACT:
        # Someone chose a language or easy mode and walked away: the next customer gets the defaults.
        if isinstance(event, CustomerIntent) and (new.easy or new.language != new.default_language):
            timers.append(ArmTimer(Timer.ATTRACT))
    elif state.step is Step.ATTRACT:
        timers.append(DisarmTimer(Timer.ATTRACT))
    return new, (*effects, *timers)
