"""The ledger side of `kiosk run`, built on a worker thread once the attract screen's first frame is
drawn: the ledger, the payment service (card terminal, QR / code providers or their simulators) with
payment recovery, and, on the GUI thread once that is done, receipt printing and the sync worker."""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands.payments import backend_gateways
from app.commands.print import build_printer, shop_info
from app.context import open_ledger
from hardware.card_terminal.adapter import SerialCardTerminal
from hardware.card_terminal.codec import Message
from hardware.card_terminal.simulator import Behaviour, TerminalSimulator
from hardware.printer.profiles import profile_named
from kiosk.config import Settings
from kiosk.domain.order import PaymentMethod
from kiosk.ledger.ledger import Ledger
from kiosk.payments.card import CardGateway
from kiosk.payments.gateway import Gateway
from kiosk.payments.service import PaymentService, RecoveryReport
from kiosk.payments.simulated import SimulatedGateway
from kiosk.ports import SystemClock
from kiosk.receipts.service import ReceiptService
from kiosk.sync.service import SyncService
from kiosk.sync.worker import SyncWorker

if TYPE_CHECKING:
    from ui.app import Printing


def build_printing(settings: Settings, ledger: Ledger, sim_out: Path | None = None) -> Printing:
    """The receipt printer and ReceiptService from `settings.printer`; `sim://` pages go to `sim_out`.

    Nothing is started here: `KioskWindow.attach` starts the printer once the view-model listens, and the
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
        """Resolve every intent a crash left open; before the first customer can start."""
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


class StartError(Exception):
    """The ledger side could not start; the message says what to fix, `code` is the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Services:
    """What `kiosk run` sells through. Closed payments first, then sync, the ledger last, whatever fails."""

    ledger: Ledger
    payments: KioskPayments
    sync: SyncWorker | None = None

    def close(self) -> None:
        try:
            self.payments.close()
        finally:
            try:
                if self.sync is not None:
                    self.sync.stop()
                    self.sync.service.close()
            finally:
                self.ledger.close()


def open_services(args: argparse.Namespace, settings: Settings, clock: SystemClock) -> Services:
    """The ledger and the payment service, with the intents a crash left open resolved (kept or
    net-cancelled): customers can start once this returns. Raises StartError with what to check."""
    try:
        ledger = open_ledger(args, settings, clock)
    except SystemExit as exc:  # open_ledger has said what is wrong with the file
        raise StartError("the ledger could not be opened (see above)", int(exc.code or 3)) from None
    try:
        payments = build_payments(settings, ledger)
    except Exception as exc:  # a missing terminal, a bad URL: say what to check, not a traceback
        ledger.close()
        raise StartError(f"[payments] {exc}") from None
    try:
        payments.recover()
    except Exception:
        payments.close()
        ledger.close()
        raise
    return Services(ledger, payments)
