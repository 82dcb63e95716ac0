"""What the ordering flow asks its driver to do outside the machine (kiosk.flow.controller turns the
timer effects into deadlines; kiosk.session.customer runs the rest)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.order import PaymentMethod
from kiosk.flow.state import Step, Timer


@dataclass(frozen=True, slots=True)
class Effect:
    """Base of every effect: something the driver must do outside the machine."""


@dataclass(frozen=True, slots=True)
class ArmTimer(Effect):
    timer: Timer


@dataclass(frozen=True, slots=True)
class DisarmTimer(Effect):
    timer: Timer


@dataclass(frozen=True, slots=True)
class StartPayment(Effect):
    method: PaymentMethod


@dataclass(frozen=True, slots=True)
class AbortPayment(Effect):
    pass


@dataclass(frozen=True, slots=True)
class PrintReceipt(Effect):
    order_number: int


@dataclass(frozen=True, slots=True)
class NotifyStaff(Effect):
    step: Step
