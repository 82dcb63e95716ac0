"""Receipt printing from the settings: the printer (or the in-process simulator for `sim://`), the shop's
header, and the ReceiptService the kiosk window prints through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.builders.escpos_cache import configure_escpos_cache
from kiosk.config import Settings
from kiosk.receipts.content import ShopInfo
from kiosk.session.wiring import Printing, Relay

if TYPE_CHECKING:
    from hardware.printer.driver import EscPosPrinter
    from hardware.printer.profiles import PrinterProfile
    from hardware.printer.simulator import PrinterSimulator
    from kiosk.ledger.ledger import Ledger


def shop_info(settings: Settings) -> ShopInfo:
    s = settings.shop
    return ShopInfo(s.name, s.business_number, s.owner, s.address, s.phone, s.receipt_footer, settings.tz)


def build_printer(
    url: str,
    profile: PrinterProfile,
    listener: Callable[[object], None] | None = None,
    sim_out: Path | None = None,
) -> tuple[EscPosPrinter, PrinterSimulator | None]:
    """The printer for a URL; `sim://` gets an in-process simulator (writing PNGs to `sim_out`)."""
    configure_escpos_cache()
    from hardware.printer.driver import EscPosPrinter
    from hardware.printer.simulator import PrinterSimulator

    sim = PrinterSimulator(profile.dots, sim_out) if url.startswith("sim:") else None
    return EscPosPrinter(url, profile, listener=listener, sim=sim), sim


def build_printing(settings: Settings, ledger: Ledger, sim_out: Path | None = None) -> Printing:
    """The receipt printer and ReceiptService from `settings.printer`; `sim://` pages go to `sim_out`.

    Nothing is started here: the window starts the printer once its session listens, and the window's
    close stops it. Raises ValueError for a bad printer URL or profile name."""
    from hardware.printer.profiles import profile_named
    from kiosk.receipts.service import ReceiptService

    service: ReceiptService | None = None
    events: Relay[object] = Relay()

    def on_printer_event(event: object) -> None:  # the printer's worker thread
        if service is not None:
            service.on_printer_event(event)

    printer, _sim = build_printer(
        settings.printer.url, profile_named(settings.printer.profile), listener=on_printer_event, sim_out=sim_out
    )
    service = ReceiptService(
        ledger,
        printer,
        shop_info(settings),
        settings.ledger.device_id,
        listener=events,
        print_kitchen=settings.printer.print_kitchen_ticket,
    )
    return Printing(service, printer, events)
