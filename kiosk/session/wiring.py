"""What the composition root (app/) hands a window once the ledger side is up, without Qt: the devices a
session uses (printer, scanner), the late-payment reconciliation, and the relays their worker threads
report through. A window starts them with `DeviceServices.start` and stops them with `stop`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from kiosk.receipts.service import ReceiptService

log = logging.getLogger(__name__)

T = TypeVar("T")


class StartStop(Protocol):
    def start(self) -> object: ...

    def stop(self) -> None: ...


class Relay(Generic[T]):
    """A listener handed to a device or service before whatever receives its events exists (the printer is
    built before the window's session is attached). Callable from any thread; events before `connect`
    are dropped (nothing is started before then)."""

    def __init__(self) -> None:
        self._target: Callable[[T], None] | None = None

    def connect(self, target: Callable[[T], None]) -> None:
        self._target = target

    def __call__(self, event: T) -> None:
        target = self._target
        if target is not None:
            target(event)


@dataclass
class Printing:
    """Receipt printing: the service, the printer it prints on, and the relay the service reports
    through (`ReceiptService(listener=events)`); the window connects the relay to its session."""

    service: ReceiptService
    printer: StartStop
    events: Relay[object] = field(default_factory=Relay)


class ScanCounter:
    """The scanner's listener: called on the scanner's worker thread; a scanned code goes to `on_code`
    (which the window posts to the session's thread, where it is ignored unless the barcode payment
    screen is up). Codes are never logged (they may be payment tokens)."""

    def __init__(self) -> None:
        self.received = 0  # codes seen, for staff diagnostics and tests
        self.on_code: Callable[[str], None] = lambda code: None

    def __call__(self, event: object) -> None:
        from kiosk.devices.health import Health, HealthEvent
        from kiosk.devices.scanner import CodeScanned

        if isinstance(event, CodeScanned):
            self.received += 1
            self.on_code(event.code)
        elif isinstance(event, HealthEvent) and event.health is not Health.OK:
            log.warning("scanner %s: %s (%s)", event.health.value, event.detail, event.message)


@dataclass
class Scanning:
    """The customer-facing 2D scanner (`scanner.url`) and its listener."""

    scanner: StartStop
    listener: ScanCounter

    @property
    def received(self) -> int:
        return self.listener.received


class Reconciler:
    """Runs `reconcile` (PaymentService.reconcile_late: late QR / code money is refunded) at start and every
    `interval_seconds`, on its own thread so a slow provider never freezes the screen."""

    def __init__(self, reconcile: Callable[[], object], interval_seconds: float) -> None:
        self._reconcile = reconcile
        self._interval = interval_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="payments-reconcile", daemon=True)
        self.runs = 0

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.runs += 1
            try:
                refunded = self._reconcile()
                if refunded:
                    log.warning("late payments refunded: %s", refunded)
            except Exception:
                log.exception("late-payment reconciliation failed; it runs again later")
            self._stop.wait(self._interval)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.ident is not None:
            self._thread.join(30)


@dataclass
class DeviceServices:
    """The devices and workers a window runs while it sells, started once its session listens and stopped
    with the window: the receipt printer, the scanner and late-payment reconciliation."""

    printing: Printing | None = None
    scanning: Scanning | None = None
    reconciler: Reconciler | None = None
    nfc: StartStop | None = None  # the NFC reader: staff card taps (docs/STAFF.md)
    best_sellers: StartStop | None = None  # easy mode's ranking, read off the GUI thread (kiosk/bestsellers.py)
    _printing_start: threading.Thread | None = field(default=None, init=False, repr=False)

    def start(self) -> None:
        if self.printing is not None:
            # Started only now that the session listens: the first health event reaches the top bar. The
            # pending prints of earlier runs are read first, off the GUI thread (`start` runs on it).
            self._printing_start = threading.Thread(
                target=_start_printing, args=(self.printing,), name="printing-start"
            )
            self._printing_start.start()
        if self.reconciler is not None:
            self.reconciler.start()
        if self.scanning is not None:
            self.scanning.scanner.start()
        if self.nfc is not None:
            self.nfc.start()
        if self.best_sellers is not None:
            self.best_sellers.start()

    def stop(self) -> None:
        if self.best_sellers is not None:
            self.best_sellers.stop()
        if self.nfc is not None:
            self.nfc.stop()
        if self.scanning is not None:
            self.scanning.scanner.stop()
        if self.printing is not None:
            if self._printing_start is not None:
                self._printing_start.join(30)  # so the printer is not started after it was stopped
            self.printing.printer.stop()
        if self.reconciler is not None:
            self.reconciler.stop()


def _start_printing(printing: Printing) -> None:
    """Find the prints pending from earlier runs (ReceiptService.load_pending: a read of the open ones,
    however long the ledger), then start the printer, so a printer that comes back reprints them."""
    try:
        pending = printing.service.load_pending()
    except Exception:  # new prints still work; the old ones are in the ledger for the next start
        log.exception("could not read the receipts / kitchen tickets pending from earlier")
        pending = 0
    if pending:
        log.warning("%d receipt(s) or kitchen ticket(s) from earlier are waiting to be reprinted", pending)
    printing.printer.start()
