"""`kiosk run`: the customer kiosk window. The composition root for the UI: settings, ledger, catalog,
payment service (with its card terminal, QR / code providers or their simulators), receipt printer, sync
worker and clock are built here and passed down; nothing is global."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.payments import backend_gateways
from app.commands.print import build_printer, shop_info
from app.context import add_config_option, open_ledger, settings_from
from hardware.card_terminal.adapter import SerialCardTerminal
from hardware.card_terminal.codec import Message
from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from hardware.printer.profiles import profile_named
from kiosk.config import Settings
from kiosk.domain.catalog import Catalog, CatalogError, load_catalog, parse_catalog
from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger
from kiosk.payments.card import CardGateway
from kiosk.payments.gateway import Gateway
from kiosk.payments.service import PaymentService, RecoveryReport
from kiosk.payments.simulated import SimulatedGateway
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


@dataclass
class DemoCardTerminal(TerminalSimulator):
    """The demo's card terminal: the pty simulator, but an approval takes `approve_after` seconds (the
    customer taps the card), and cancel on the screen aborts it as on a real terminal."""

    approve_after: float = 0.0

    def __post_init__(self) -> None:
        super().__post_init__()
        self._delayed: tuple[str, int] | None = None
        self._timer: threading.Timer | None = None

    def _handle(self, m: Message) -> None:  # on the simulator thread, with its lock held
        intent_id = m.get("id")
        if m.command == "A" and not self.script and self.approve_after > 0:
            self.requests.append(f"A:{intent_id}")
            self._flush_held()
            delayed = self._delayed = (intent_id, int(m.get("amt") or 0))
            self._timer = threading.Timer(self.approve_after, self._approve_delayed, args=(delayed,))
            self._timer.name = "card-terminal-sim-approve"
            self._timer.start()
            return
        if m.command == "X" and self._delayed is not None and self._delayed[0] == intent_id:
            self.requests.append(f"X:{intent_id}")
            self._delayed = None
            self._send(self._reply("A", id=intent_id, st="aborted", msg="거래 중단"))
            return
        super()._handle(m)

    def _approve_delayed(self, delayed: tuple[str, int]) -> None:
        with self._lock:
            if self._delayed is not delayed or self._master < 0:
                return  # aborted meanwhile, or stopped
            self._delayed = None
            rec = self._approve(*delayed)
            self._send(self._reply("A", **self._approval_fields(rec)))

    def stop(self) -> None:
        timer = self._timer
        if timer is not None:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join(5)
        super().stop()


@dataclass
class KioskPayments:
    """The payment service `kiosk run` sells through, and what it owns (terminal, simulators, clients)."""

    service: PaymentService
    card_sim: TerminalSimulator | None = None
    simulated: list[SimulatedGateway] = field(default_factory=list)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def decline_next(self) -> None:
        """Demo key F9: the next card payment (card-terminal simulator) and the next simulated QR /
        barcode payment are declined (잔액 부족)."""
        if self.card_sim is not None:
            self.card_sim.queue(Behaviour.DECLINE_FUNDS)
        for gateway in self.simulated:
            gateway.decline_next()

    def recover(self) -> RecoveryReport:
        """Resolve every intent a crash left open; before the attract screen."""
        report = self.service.recover()
        log = logging.getLogger(__name__)
        if report.clean:
            log.info("%s", report.summary())
        else:
            log.warning("%s: staff must check (kiosk payments list --pending)", report.summary())
        return report

    def close(self) -> None:
        self.service.close()
        for close in reversed(self.closers):
            try:
                close()
            except Exception:  # closing the rest matters more than one device's complaint
                logging.getLogger(__name__).exception("closing a payment device failed")


def build_payments(
    settings: Settings,
    ledger: Ledger,
    *,
    card_sim: TerminalSimulator | None = None,
    terminal_options: dict[str, Any] | None = None,
) -> KioskPayments:
    """PaymentService from the settings. Card: `sim://` starts the pty card-terminal simulator in this
    process (or uses `card_sim`, which the caller owns) and talks to it through the real adapter; any
    other URL is the real terminal. QR / barcode: the backend's providers when `sync.backend_url` is
    set, else the simulated ones (`payments.simulated`). Raises ValueError with what to fix."""
    gateways: list[Gateway] = []
    closers: list[Callable[[], None]] = []
    simulated: list[SimulatedGateway] = []
    try:
        url = settings.card_terminal.url
        if url:
            port = url
            if url.startswith("sim://"):
                if card_sim is None:
                    if not settings.payments.simulated:
                        raise ValueError("card_terminal.url is sim:// but payments.simulated is false")
                    card_sim = DemoCardTerminal(approve_after=settings.payments.simulated_delay_seconds)
                    card_sim.start()
                    closers.append(card_sim.stop)
                port = card_sim.port
            else:
                card_sim = None
            options: dict[str, Any] = {"approval_timeout": settings.card_terminal.timeout_seconds}
            options.update(terminal_options or {})
            terminal = SerialCardTerminal(port, baudrate=settings.card_terminal.baudrate, **options)
            terminal.open()
            closers.append(terminal.close)
            gateways.append(CardGateway(terminal))
        remote, remote_closers = backend_gateways(settings)
        gateways += remote
        closers += remote_closers
        if not remote and settings.payments.simulated:
            delay = settings.payments.simulated_delay_seconds
            simulated = [
                SimulatedGateway(PaymentMethod.QR, delay, settings.payments.qr_expiry_seconds),
                SimulatedGateway(PaymentMethod.BARCODE, delay),
            ]
            gateways += simulated
        # Constructing the service installs the intent projectors and the sale guard on this ledger.
        service = PaymentService(ledger, gateways)
    except Exception:
        for close in reversed(closers):
            close()
        raise
    return KioskPayments(service, card_sim, simulated, closers)


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
    # Qt is imported here, not at module level, so `kiosk report` and friends never load it.
    from PySide6.QtGui import QGuiApplication

    from ui.app import build_window

    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    clock = SystemClock()
    ledger = open_ledger(args, settings, clock)
    try:
        payments = build_payments(settings, ledger)
    except Exception as exc:  # a missing terminal, a bad URL: say what to check, not a traceback
        ledger.close()
        print(f"kiosk: [payments] {exc}", file=sys.stderr)
        return 2
    # Before the attract screen: intents a crash left open are resolved (kept or net-cancelled).
    payments.recover()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal still stops a development run
    try:
        # The simulator's pages land next to the ledger, so a demo user can see what printed.
        printing = build_printing(settings, ledger, sim_out=settings.data_path / "printer-sim")
    except ValueError as exc:
        payments.close()
        ledger.close()
        print(f"kiosk: [printer] {exc}; check printer.url and printer.profile in the config", file=sys.stderr)
        return 2
    try:
        window = build_window(
            settings,
            ledger,
            catalog,
            payments.service,
            clock,
            windowed=args.windowed,
            size=args.size,
            printing=printing,
            on_decline_next=payments.decline_next,
            on_code=payments.service.submit_code,
            reconcile=payments.service.reconcile_late,
        )
    except RuntimeError as exc:
        payments.close()
        ledger.close()
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    sync = start_sync(settings, ledger, clock)
    try:
        return app.exec()
    finally:
        window.close()
        payments.close()
        if sync is not None:
            sync.stop()
            sync.service.close()
        ledger.close()
