"""The owner's back office (ui/owner, kiosk/owner): built the first time the owner mode is entered, from
what the kiosk already has (app/builders/modes.py ModeContext). Sold-out switches and prices go to the
customer session on the GUI thread as soon as they are journaled; a refund in progress keeps the idle
sign-out away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from app.builders.modes import ModeContext
from kiosk.devices.health import Health, HealthEvent
from kiosk.domain.business_day import business_date
from kiosk.owner.export import Exporter
from kiosk.owner.menu import MenuBook, MenuOverrides
from kiosk.owner.orders import OrderBook
from kiosk.owner.status import Status, card_terminal_health, status
from ui.owner.viewmodel import OwnerServices, OwnerViewModel


def _devices(ctx: ModeContext) -> list[HealthEvent]:
    now = ctx.clock.now()
    events = []
    if ctx.printing is None:
        events.append(
            HealthEvent(
                "printer", Health.UNKNOWN, "not_configured", "프린터가 설정되지 않았습니다 / no printer configured", now
            )
        )
    elif ctx.customer.printer_problem:
        events.append(HealthEvent("printer", Health.LOST, "lost", ctx.customer.printer_problem, now))
    else:
        events.append(HealthEvent("printer", Health.OK, "ok", "", now))
    events.append(card_terminal_health(ctx.ledger))
    return events


def _forecaster(ctx: ModeContext, today: Callable[[], date]) -> Callable[[], Any]:
    """Tomorrow's forecast (kiosk.forecast, docs/FORECAST.md), run on the view-model's worker when the tab
    opens; imported there, so entering the back office does not load it."""
    db_path = Path(str(ctx.ledger.engine.url.database))
    cache = ctx.data_dir / "forecast-cache"

    def run() -> Any:
        from kiosk.forecast import forecast_next_business_day

        return forecast_next_business_day(db_path, today(), cache_dir=cache)

    return run


def build(ctx: ModeContext) -> QObject:
    ledger = ctx.ledger
    customer = ctx.customer

    def today() -> date:
        return business_date(ctx.clock.now(), ledger.tz, ledger.day_start_hour)

    def to_customer(menu: MenuOverrides) -> None:
        ctx.bridge.post(lambda: customer.apply_menu(menu))

    book = OrderBook(
        ledger,
        payments=ctx.payments,
        receipts=ctx.printing.service if ctx.printing is not None else None,
        staff=ctx.staff,
    )
    ctx.busy.append(lambda: book.refund_in_progress)

    def current_status() -> Status:
        return status(ledger, ctx.data_dir, lambda: _devices(ctx))

    services = OwnerServices(
        book=book,
        menu=MenuBook(ledger, customer.base_catalog, staff=ctx.staff, on_change=to_customer),
        exporter=Exporter(ledger),
        status=current_status,
        who=lambda: ctx.staff_session.who,
        post=ctx.bridge.post,
        today=today,
        shop_name=ctx.settings.shop.name,
        forecast=_forecaster(ctx, today),
    )
    return OwnerViewModel(services)
