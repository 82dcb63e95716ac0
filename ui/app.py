"""The Qt window's composition: fonts, translations, the QR image provider, the view-model and the QML
engine, built from objects the composition root (app/commands/run.py, or a test) passes in."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QSize, Qt, QTimer, QTranslator, QUrl, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickImageProvider, QQuickWindow

from kiosk.config import Settings
from kiosk.domain.catalog import Catalog
from kiosk.flow.controller import FlowController
from kiosk.flow.machine import Effect, initial_state
from kiosk.ports import Clock
from ui.viewmodel import KioskViewModel, PrintBridge

if TYPE_CHECKING:  # imported when the ledger is attached, after the first frame (cold start)
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.port import PaymentProvider
    from kiosk.receipts.service import ReceiptService

log = logging.getLogger(__name__)

UI_DIR = Path(__file__).resolve().parent
QML_DIR = UI_DIR / "qml"
I18N_DIR = UI_DIR / "i18n"
FONT_DIRS = (Path("/usr/share/fonts/truetype/nanum"), UI_DIR.parent / "assets" / "fonts")
# NanumGothicCoding: the on-screen receipt, where a Hangul syllable is exactly two ASCII columns wide.
KOREAN_FONTS = (
    "NanumSquareR.ttf",
    "NanumSquareB.ttf",
    "NanumGothic.ttf",
    "NanumGothicBold.ttf",
    "NanumGothicCoding.ttf",
)


class QrImageProvider(QQuickImageProvider):
    """image://qr/<payload>: the payment QR, drawn crisp at the requested size."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        import qrcode  # only when a QR is on screen: not on the cold-start path

        qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(QUrl.fromPercentEncoding(id.encode()))
        qr.make(fit=True)
        n = len(qr.get_matrix())
        cell = max(1, max(requested.width(), requested.height(), n * 4) // n)
        buffer = io.BytesIO()
        qr.box_size = cell
        qr.make_image().save(buffer, format="PNG")
        # `size` is not written back: PySide6 crashes when a provider assigns to it; QML scales anyway.
        return QImage.fromData(buffer.getvalue())


def load_fonts() -> list[str]:
    """Korean from Nanum; Chinese and Japanese come from the system's Noto CJK through fontconfig."""
    families: list[str] = []
    for name in KOREAN_FONTS:
        for base in FONT_DIRS:
            path = base / name
            if path.is_file():
                fid = QFontDatabase.addApplicationFont(str(path))
                families += QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
                break
    return families


class StartStop(Protocol):
    def start(self) -> object: ...

    def stop(self) -> None: ...


@dataclass
class Printing:
    """Receipt printing for the window, composed by app/commands/run.py (or a test): the service, the
    printer it prints on (started by `KioskWindow.attach`, stopped with the window) and the bridge the
    service's listener posts to (`listener=events.post`)."""

    service: ReceiptService
    printer: StartStop
    events: PrintBridge


class Reconciler(QObject):
    """Runs `reconcile` (PaymentService.reconcile_late: late QR / code money is refunded) at start and
    every `interval_ms`, on a worker thread so a slow provider never freezes the screen."""

    def __init__(self, reconcile: Callable[[], object], interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reconcile = reconcile
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_once)
        self._timer.start()
        self.runs = 0

    @Slot()
    def run_once(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return  # the last round is still asking the providers
        self.runs += 1
        self._thread = threading.Thread(target=self._work, name="payments-reconcile")
        self._thread.start()

    def _work(self) -> None:
        try:
            refunded = self._reconcile()
            if refunded:
                log.warning("late payments refunded: %s", refunded)
        except Exception:
            log.exception("late-payment reconciliation failed; it runs again later")

    def stop(self) -> None:
        self._timer.stop()
        if self._thread is not None:
            self._thread.join(30)


class ScanBridge(QObject):
    """The scanner's listener: called on the scanner's worker thread; a scanned code is re-emitted and
    reaches the view-model's `submitCode` on the GUI thread (queued), which ignores it unless the
    barcode payment screen is up. Codes are never logged (they may be payment tokens)."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received = 0  # codes seen, for staff diagnostics and tests

    def post(self, event: object) -> None:
        from kiosk.devices.health import Health, HealthEvent
        from kiosk.devices.scanner import CodeScanned

        if isinstance(event, CodeScanned):
            self.received += 1
            self.scanned.emit(event.code)
        elif isinstance(event, HealthEvent) and event.health is not Health.OK:
            log.warning("scanner %s: %s (%s)", event.health.value, event.detail, event.message)


@dataclass
class Scanning:
    """The customer-facing 2D scanner (`scanner.url`), started with the window and stopped with it."""

    scanner: StartStop
    bridge: ScanBridge


def build_scanning(settings: Settings, on_code: Callable[[str], None]) -> Scanning | None:
    """The real scanner driver on `scanner.url`. `sim://` has no device here: the demo's F8 key stands
    in for it. A bad URL is logged with what to fix; the kiosk still sells by card."""
    url = settings.scanner.url
    if not url or url.startswith("sim:"):
        return None
    from hardware.scanner import ScannerUrlError, build_scanner

    bridge = ScanBridge()
    try:
        scanner = build_scanner(url, listener=bridge.post, baudrate=settings.scanner.baudrate)
    except ScannerUrlError as exc:
        log.error("scanner not started: %s; fix scanner.url in the config", exc)
        return None
    bridge.scanned.connect(on_code, Qt.ConnectionType.QueuedConnection)
    return Scanning(scanner, bridge)


class _Translations(QObject):
    def __init__(self, app: QGuiApplication, engine: QQmlApplicationEngine) -> None:
        super().__init__(engine)
        self.app = app
        self.engine = engine
        self.current: QTranslator | None = None

    def switch(self, language: str) -> None:
        if self.current is not None:
            self.app.removeTranslator(self.current)
            self.current = None
        qm = I18N_DIR / f"kiosk_{language}.qm"
        if language != "ko" and qm.is_file():
            translator = QTranslator(self)
            if translator.load(str(qm)):
                self.app.installTranslator(translator)
                self.current = translator
            else:
                log.warning("cannot load %s; run `make` to build the translations", qm)
        self.engine.retranslate()


T = TypeVar("T")


class BackgroundStart(QObject, Generic[T]):
    """Runs `work` on a thread (the ledger side of the kiosk, while the first frame is drawn) and hands
    its result or its exception to `done(result, error)` on the GUI thread, through the event loop."""

    _finished = Signal()

    def __init__(self, work: Callable[[], T], done: Callable[[T | None, BaseException | None], None]) -> None:
        super().__init__()
        self._work = work
        self._done = done
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kiosk-startup")
        self._lock = threading.Lock()
        self._finished.connect(self._deliver)  # emitted on the thread: queued to the GUI thread

    def start(self) -> None:
        """Start the work; later calls do nothing (from any thread: frameSwapped may come from the render
        thread)."""
        with self._lock:
            if self._thread.ident is None:
                self._thread.start()

    def _run(self) -> None:
        try:
            self._result = self._work()
        except BaseException as exc:  # handed to `done`: SystemExit included, it says why
            self._error = exc
        self._finished.emit()

    @Slot()
    def _deliver(self) -> None:
        self._thread.join()
        self._done(self._result, self._error)

    def join(self) -> T | None:
        """Wait for the thread (if it ever started); its result, None if it failed or never ran: the
        caller closes it at shutdown."""
        with self._lock:
            started = self._thread.ident is not None
        if started:
            self._thread.join()
        return self._result


@dataclass
class KioskWindow:
    """The window and its view-model. `open_window` makes it with the attract screen up but not ready;
    `attach` adds the ledger side (payments, printing, scanner, reconciliation) and makes it ready."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    vm: KioskViewModel
    settings: Settings
    clock: Clock
    provider: PaymentProvider | None = None
    printing: Printing | None = None
    reconciler: Reconciler | None = None
    scanning: Scanning | None = None

    def attach(
        self,
        ledger: Ledger,
        provider: PaymentProvider,
        *,
        printing: Printing | None = None,
        on_decline_next: Callable[[], None] | None = None,
        on_code: Callable[[str, str], None] | None = None,
        reconcile: Callable[[], object] | None = None,
        reconcile_ms: int = 60_000,
    ) -> None:
        """The caller has opened the ledger and resolved open payment intents (PaymentService.recover):
        from now on "touch to start" works. `reconcile` runs now and every `reconcile_ms`;
        `on_decline_next` is the demo's F9 key; `on_code(intent_id, code)` takes a customer-presented
        barcode (PaymentService.submit_code; the demo's F8 sends a test code, a real `scanner.url` sends
        what the customer's phone shows)."""
        from kiosk.flow.checkout import Checkout

        self.provider = provider
        self.printing = printing
        self.vm.attach(
            Checkout(ledger, provider, self.clock),
            receipts=printing.service if printing is not None else None,
            print_events=printing.events if printing is not None else None,
            on_decline_next=on_decline_next,
            on_code=on_code,
        )
        if printing is not None:
            # Started only now that the view-model listens: the first health event reaches the top bar.
            pending = printing.service.load_pending()
            if pending:
                log.warning("%d receipt(s) or kitchen ticket(s) from earlier are waiting to be reprinted", pending)
            printing.printer.start()
        if reconcile is not None:
            self.reconciler = Reconciler(reconcile, reconcile_ms, self.engine)
            self.reconciler.run_once()
        self.scanning = build_scanning(self.settings, self.vm.submitCode)
        if self.scanning is not None:
            self.scanning.bridge.setParent(self.engine)
            self.scanning.scanner.start()

    def close(self) -> None:
        """Stop the scanner's, the printer's, the timers' and the payment provider's threads, then tear
        the QML down."""
        if self.scanning is not None:
            self.scanning.scanner.stop()
        if self.printing is not None:
            self.printing.printer.stop()
        if self.reconciler is not None:
            self.reconciler.stop()
        self.vm.close()
        if self.provider is not None:
            self.provider.close()
        self.window.setProperty("kioskMode", False)
        self.window.close()
        self.engine.deleteLater()


def open_window(
    settings: Settings,
    catalog: Catalog,
    clock: Clock,
    *,
    windowed: bool = False,
    size: tuple[int, int] | None = None,
    tick_ms: int = 250,
) -> KioskWindow:
    """The window with the attract screen, before the ledger is open: this is all the first frame waits
    for. "Touch to start" stays disabled until `KioskWindow.attach`."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("open_window needs a QGuiApplication")
    load_fonts()
    engine = QQmlApplicationEngine()
    engine.addImageProvider("qr", QrImageProvider())
    translations = _Translations(app, engine)
    ui = settings.ui

    def controller(on_effect: Callable[[Effect], None]) -> FlowController:
        return FlowController(
            initial_state(catalog, ui.language),
            clock,
            idle_timeout_seconds=ui.idle_timeout_seconds,
            idle_warning_seconds=ui.idle_warning_seconds,
            result_seconds=ui.result_seconds,
            on_effect=on_effect,
            easy_idle_factor=ui.easy_idle_factor,
        )

    catalog_dir = settings.catalog_path.parent
    vm = KioskViewModel(
        controller,
        shop_name=settings.shop.name,
        asset_dirs=[catalog_dir, catalog_dir.parent],
        on_language=translations.switch,
        tick_ms=tick_ms,
        parent=engine,
    )
    width, height = size or (ui.width, ui.height)
    engine.setInitialProperties(
        {
            "kiosk": vm,
            "kioskMode": not windowed,
            "uiScale": ui.scale,
            "easyScale": ui.easy_scale,
            "highContrast": ui.palette == "high-contrast",
            "initialWidth": width,
            "initialHeight": height,
        }
    )
    translations.switch(ui.language)
    engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the QML window did not load; see the QML errors above")
    window = roots[0]
    if windowed:
        window.show()
    else:
        window.showFullScreen()  # frameless: Main.qml sets the flag in kiosk mode
    return KioskWindow(engine, window, vm, settings, clock)


def build_window(
    settings: Settings,
    ledger: Ledger,
    catalog: Catalog,
    provider: PaymentProvider,
    clock: Clock,
    *,
    windowed: bool = False,
    size: tuple[int, int] | None = None,
    tick_ms: int = 250,
    printing: Printing | None = None,
    on_decline_next: Callable[[], None] | None = None,
    on_code: Callable[[str, str], None] | None = None,
    reconcile: Callable[[], object] | None = None,
    reconcile_ms: int = 60_000,
) -> KioskWindow:
    """`open_window` and `attach` in one go, for callers that already hold an open ledger (tests,
    benchmarks). The caller resolves open payment intents before calling this."""
    kw = open_window(settings, catalog, clock, windowed=windowed, size=size, tick_ms=tick_ms)
    kw.attach(
        ledger,
        provider,
        printing=printing,
        on_decline_next=on_decline_next,
        on_code=on_code,
        reconcile=reconcile,
        reconcile_ms=reconcile_ms,
    )
    return kw
