"""`kiosk run`: the customer kiosk window. The composition root for the UI: settings, ledger, catalog,
payment provider, receipt printer, sync worker and clock are built here and passed down; nothing is global."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.print import build_printer, shop_info
from app.context import add_config_option, open_ledger, settings_from
from hardware.printer.profiles import profile_named
from kiosk.config import Settings
from kiosk.domain.catalog import Catalog, CatalogError, load_catalog, parse_catalog
from kiosk.ledger.ledger import Ledger
from kiosk.payments.simulated import SimulatedPaymentProvider
from kiosk.ports import SystemClock
from kiosk.receipts.service import ReceiptService
from kiosk.sync.service import SyncService, catalog_file, read_bundle
from kiosk.sync.worker import SyncWorker

if TYPE_CHECKING:  # Qt is only imported when the window opens
    from ui.app import Printing


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give the size as WIDTHxHEIGHT, e.g. 1080x1920") from None
    if not (320 <= w <= 8000 and 320 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 320 and 8000 pixels")
    return w, h


def build_printing(settings: Settings, ledger: Ledger, sim_out: Path | None = None) -> Printing:
    """The receipt printer and ReceiptService from `settings.printer`; `sim://` pages go to `sim_out`.

    Nothing is started here: `build_window` starts the printer once the view-model listens, and the
    window's close stops it. Raises ValueError for a bad printer URL or profile name."""
    from ui.app import Printing
    from ui.viewmodel import PrintBridge

    events = PrintBridge()
    service: ReceiptService | None = None

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
        listener=events.post,
        print_kitchen=settings.printer.print_kitchen_ticket,
    )
    return Printing(service, printer, events)


def load_menu(settings: Settings) -> Catalog:
    """The catalog the backend pushed and the kiosk applied (verified on apply), else the shipped one."""
    bundle = read_bundle(catalog_file(settings.data_path))
    if bundle is not None and isinstance(bundle.get("catalog"), dict):
        try:
            return parse_catalog(bundle["catalog"], str(catalog_file(settings.data_path)))
        except CatalogError as exc:
            logging.getLogger(__name__).error("applied catalog unusable, using the shipped one: %s", exc)
    return load_catalog(settings.catalog_path)


def start_sync(settings: Settings, ledger: Ledger, clock: SystemClock) -> SyncWorker | None:
    """The background sync worker, when this terminal is enrolled; selling never waits for it."""
    service = SyncService(
        ledger, settings.data_path, clock, backend_url=settings.sync.backend_url, batch_size=settings.sync.batch_size
    )
    if service.status().state == "not_enrolled":
        service.close()
        logging.getLogger(__name__).info("sync off: this terminal is not enrolled (kiosk enroll)")
        return None
    worker = SyncWorker(service, interval=settings.sync.interval_seconds)
    worker.start()
    return worker


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="the full-screen customer kiosk")
    add_config_option(p)
    p.add_argument("--windowed", action="store_true", help="a normal window that can be closed (development)")
    p.add_argument("--size", type=_size, help="window size WIDTHxHEIGHT (default from ui.width / ui.height)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = settings_from(args)
    try:
        catalog = load_menu(settings)
    except CatalogError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if not settings.payments.simulated:
        print(
            "kiosk: only the simulated payment provider exists yet; set [payments] simulated = true",
            file=sys.stderr,
        )
        return 2
    # Qt is imported here, not at module level, so `kiosk report` and friends never load it.
    from PySide6.QtGui import QGuiApplication

    from ui.app import build_window

    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    clock = SystemClock()
    ledger = open_ledger(args, settings, clock)
    provider = SimulatedPaymentProvider(settings.payments.simulated_delay_seconds, settings.payments.qr_expiry_seconds)
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal still stops a development run
    try:
        # The simulator's pages land next to the ledger, so a demo user can see what printed.
        printing = build_printing(settings, ledger, sim_out=settings.data_path / "printer-sim")
    except ValueError as exc:
        provider.close()
        ledger.close()
        print(f"kiosk: [printer] {exc}; check printer.url and printer.profile in the config", file=sys.stderr)
        return 2
    try:
        window = build_window(
            settings, ledger, catalog, provider, clock, windowed=args.windowed, size=args.size, printing=printing
        )
    except RuntimeError as exc:
        provider.close()
        ledger.close()
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    sync = start_sync(settings, ledger, clock)
    try:
        return app.exec()
    finally:
        window.close()
        if sync is not None:
            sync.stop()
            sync.service.close()
        ledger.close()
