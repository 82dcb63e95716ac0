"""`kiosk run`: the customer kiosk window. The composition root for the UI: the settings, menu, clock and
window are built here, the ledger side (ledger, payment service, printer, sync: app/services.py) on a
startup thread once the attract screen is drawn, and everything is passed down; nothing is global."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from app.context import add_config_option, settings_from
from kiosk.config import Settings
from kiosk.domain.catalog_peek import Photos, first_photos, read_json
from kiosk.domain.catalog_rules import CatalogError
from kiosk.ports import Clock, SystemClock
from kiosk.sync.files import catalog_file, read_bundle

if TYPE_CHECKING:  # imported on the startup thread: the first frame does not wait for them
    from app.services import Services
    from kiosk.domain.catalog import Catalog
    from kiosk.session.wiring import StartStop
    from kiosk.staff.service import StaffService
    from ui.voice.services import VoiceServices

log = logging.getLogger(__name__)
# What the attract screen says when the ledger cannot be used (both languages: no translation may be missing).
OUT_OF_ORDER = "고장 — 직원을 불러 주세요\nOut of order — please call staff"


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give the size as WIDTHxHEIGHT, e.g. 1080x1920") from None
    if not (320 <= w <= 8000 and 320 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 320 and 8000 pixels")
    return w, h


class Menu:
    """The catalog the kiosk sells from: the one the backend pushed and the kiosk applied (verified on apply),
    else the shipped one. Its JSON is read here; `photos` (the attract screen's, None when the JSON does not look
    like a catalog) come from it at once, and `catalog()` parses and validates it the first time it is asked
    for, which `kiosk run` does right after the first frame (kiosk/domain/catalog_peek.py)."""

    def __init__(self, settings: Settings) -> None:
        self._shipped = settings.catalog_path
        self._catalog: Catalog | None = None
        applied = catalog_file(settings.data_path)
        bundle = read_bundle(applied)
        self._applied = bundle is not None and isinstance(bundle.get("catalog"), dict)
        self._data: Any
        if bundle is not None and self._applied:
            self._data, self._source = bundle["catalog"], str(applied)
        else:
            self._data, self._source = read_json(self._shipped), str(self._shipped)
        self.photos: Photos | None = first_photos(self._data)

    def catalog(self) -> Catalog:
        """The parsed catalog; CatalogError says what is wrong with it (the shipped one's file, or its content)."""
        if self._catalog is None:
            from kiosk.domain.catalog import load_catalog, parse_catalog

            if self._applied:
                try:
                    self._catalog = parse_catalog(self._data, self._source)
                except CatalogError as exc:
                    log.error("applied catalog unusable, using the shipped one: %s", exc)
                    self._catalog = load_catalog(self._shipped)
            elif self._data is None:
                self._catalog = load_catalog(self._shipped)  # what is wrong with the file
            else:
                self._catalog = parse_catalog(self._data, self._source)
        return self._catalog


def load_menu(settings: Settings) -> Catalog:
    """The catalog the kiosk sells from, parsed (`Menu`)."""
    return Menu(settings).catalog()


def process_age_ms() -> float:
    """Milliseconds since this process was started (Linux: /proc/self/stat), for the startup log line."""
    try:
        fields = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, IndexError, ValueError):
        return float("nan")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="the full-screen customer kiosk")
    add_config_option(p)
    p.add_argument("--windowed", action="store_true", help="a normal window that can be closed (development)")
    p.add_argument("--size", type=_size, help="window size WIDTHxHEIGHT (default from ui.width / ui.height)")
    p.add_argument("--setup", action="store_true", help="start in the installer's set-up wizard (e.g. in the demo)")
    p.set_defaults(handler=run_kiosk)


def run_kiosk(
    args: argparse.Namespace, on_stage: Callable[[str], None] | None = None, clock: Clock | None = None
) -> int:
    """The kiosk. The attract screen is drawn first; the ledger, payment recovery and the devices start
    on a worker thread meanwhile, and "touch to start" works once they are up (DESIGN §6: no customer
    starts before open payment intents are resolved) — or at once when the startup thread's pre-check
    (kiosk/ledger/precheck.py, milliseconds) finds nothing to resolve, a clean close and the current
    schema: the customer then builds an order while the rest loads, and paying waits for it.
    `on_stage("first-frame")`, `on_stage("touch")` (opened early) and `on_stage("ready")` (attached) are
    called at those moments (benchmarks); `clock` replaces the system clock (the soak benchmark's fast
    clock)."""
    from app.pyside import quick_feature_check

    quick_feature_check()  # before the first module that imports PySide6 (app/pyside.py)
    from app.memory import limit_arenas
    from app.systemd import configure_logging

    limit_arenas()  # before any thread starts (app/memory.py)
    configure_logging()  # journal priorities under systemd; alembic's INFO chatter off
    settings = settings_from(args)
    # The catalog is parsed right after the first frame (`begin`); one whose JSON does not even look like a
    # catalog is parsed now, so what is wrong with it is said before any window opens.
    menu = Menu(settings)
    if menu.photos is None:
        try:
            menu.catalog()
        except CatalogError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 2
    # Qt is imported here, not at module level, so `kiosk report` and friends never load it.
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from app.builders.escpos_cache import configure_escpos_cache
    from app.builders.window import open_window
    from ui.app import BackgroundStart

    configure_escpos_cache()  # here, before any thread starts (it sets an environment variable)

    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    clock = clock or SystemClock()
    if settings.ui.onscreen_keyboard:  # before the application exists: Qt picks its input method once
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in a terminal still stops a development run
    # SIGTERM (systemctl stop, a shutdown): a payment in flight ends first, then the devices and the ledger
    # close properly, exit 0; READY=1 and the watchdog heartbeat for systemd (app/systemd.py).
    from app.systemd import Session

    session = Session(app)

    try:
        # Voice guidance's services are built on the startup thread, after the first frame (below).
        window = open_window(
            settings, menu.catalog, clock, photos=menu.photos, windowed=args.windowed, size=args.size, voice=False
        )
    except RuntimeError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    # (lambdas: the customer view-model is made after the first frame, ui/app.py `KioskWindow.complete`)
    session.watch_payments(
        lambda: window.built and window.vm.ready and window.vm.checkout.pending is not None,
        lambda: window.vm.cancelPayment(),
    )

    def fail(message: str, code: int) -> None:
        print(f"kiosk: {message}", file=sys.stderr)
        app.exit(code)

    # Built on the startup thread beside the ledger side, handed to `attach` on the GUI thread.
    extra: dict[str, object] = {}

    def ledger_side() -> Services:  # on the startup thread
        from kiosk.ledger.precheck import check_start

        # A few milliseconds, standard library only: nothing to recover, closed cleanly, schema current?
        # Then customers may start now; paying waits for `attach` (DESIGN §6: open intents first).
        check = check_start(args.db if getattr(args, "db", None) else settings.ledger_path, clock.now().timestamp())
        if check.clean and settings.setup.done and not getattr(args, "setup", False):
            opened = threading.Event()

            def early() -> None:  # on the GUI thread
                try:
                    open_early()
                finally:
                    opened.set()

            starter.post(early)
            # The GUI thread makes the customer view-model and enables touch without this thread's imports
            # competing for the interpreter; the ledger side is attached that much later, long before anyone
            # can reach the pay button (docs/PERFORMANCE.md, "Early start").
            opened.wait(0.5)
        else:
            log.info("customers start once the ledger side is up: %s", check.reason)
        from app.services import open_services

        services = open_services(args, settings, clock)
        try:
            prepare_attach(services)
        except BaseException:
            services.close()
            raise
        return services

    def prepare_attach(services: Services) -> None:  # on the startup thread
        """What `attach` needs is built (or at least imported) here, not on the GUI thread: the printer and
        its receipt service (escpos, Pillow), the voice guidance's clips and jack, and the modules of the
        staff register, the NFC reader, the modes and the voice controller."""
        from app.builders.printing import build_printing
        from app.voice import build_voice

        try:
            # The simulator's pages land next to the ledger, so a demo user can see what printed.
            extra["printing"] = build_printing(settings, services.ledger, sim_out=settings.data_path / "printer-sim")
        except ValueError as exc:  # said in `attach`, with what to check
            extra["printing"] = exc
        extra["voice"] = build_voice(settings)
        later = ["app.builders.modes", "app.devices", "kiosk.staff.service", "kiosk.staff.session"]
        if extra["voice"] is not None:
            later.append("ui.voice.controller")
        for name in later:
            importlib.import_module(name)

    def open_early() -> None:  # on the GUI thread, from the startup thread's pre-check
        session = window.vm.session
        if session.ready or session.out_of_order:
            return
        session.open_early()
        log.info("touch to start works %.0f ms after the process started (pay: later)", process_age_ms())
        if on_stage is not None:
            on_stage("touch")

    def attach(services: Services | None, error: BaseException | None) -> None:  # on the GUI thread
        from app.builders.window import attach_window
        from app.services import StartError, start_sync
        from kiosk.session.wiring import Printing

        if services is None:
            if isinstance(error, StartError) and error.out_of_order:  # the file is left as it is, for staff
                log.error("out of order: %s; the ledger file is left as it was: call staff", error)
                window.vm.set_out_of_order(OUT_OF_ORDER)
                session.ready("out of order: the ledger cannot be used (see the log)")
                return
            if isinstance(error, StartError):
                fail(str(error), error.code)
            else:
                log.error("the kiosk could not start", exc_info=error)
                fail(f"could not start: {error}", 1)
            return
        printing = extra.get("printing")
        if isinstance(printing, ValueError):
            fail(f"[printer] {printing}; check printer.url and printer.profile in the config", 2)
            return
        assert isinstance(printing, Printing)
        window.voice_services = cast("VoiceServices | None", extra.get("voice"))
        payments = services.payments

        def card_reader(listener: Callable[[object], None], staff: StaffService) -> StartStop:
            from app.devices import nfc_reader

            return nfc_reader(settings, listener, staff=staff)  # staff cards: the register's (docs/STAFF.md)

        try:
            attach_window(
                window,
                services.ledger,
                payments.service,
                printing=printing,
                on_decline_next=payments.decline_next,
                on_code=payments.service.submit_code,
                reconcile=payments.service.reconcile_late,
                card_reader=card_reader,
            )
        except Exception as exc:  # a device that cannot start: stop, so the service manager restarts us
            log.exception("the kiosk could not start its devices")
            fail(f"could not start: {exc}", 1)
            return
        try:
            services.sync = start_sync(settings, services.ledger, clock)
        except Exception:  # selling never depends on sync; the next start tries again
            log.exception("sync did not start; sales stay in the ledger until it does")
        if getattr(args, "setup", False) or not settings.setup.done:  # a terminal not set up starts in the wizard
            from app.builders.installer import start_setup

            def finished() -> None:  # the service manager starts the kiosk again with the new settings
                log.info("set-up finished: restarting with the new settings")
                app.exit(0)

            log.info("not set up: starting the set-up wizard (%s)", start_setup(window, finished) or "entered")
        log.info("ready for customers %.0f ms after the process started", process_age_ms())
        session.ready()
        if on_stage is not None:
            on_stage("ready")

    starter = BackgroundStart(ledger_side, attach)

    def begin() -> None:  # after the first frame (or a second without one), before the customer's session
        if window.closed:
            return
        try:
            menu.catalog()
        except CatalogError as exc:  # not a usable menu: stop as before the first frame (nothing is open yet)
            window.closed = True  # no customer's session is made over it (`KioskWindow.complete`)
            fail(str(exc), 2)
            return
        # Started only now: its imports (SQLAlchemy, the payment stack) would hold the GIL the first
        # frame needs, and it is ready no sooner when started earlier (measured, docs/PERFORMANCE.md).
        starter.start()

    def first_frame() -> None:  # on the thread that draws: the GUI thread with the software renderer
        log.info("attract screen drawn %.0f ms after the process started", process_age_ms())
        if on_stage is not None:
            on_stage("first-frame")
        begin()

    window.on_first_frame(first_frame)
    # An unexposed window draws no frame: start anyway after a second.
    QTimer.singleShot(1000, begin)
    try:
        return app.exec()
    finally:
        window.close()
        if (services := starter.join()) is not None:
            services.close()
        session.close()
