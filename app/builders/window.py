"""The kiosk window's object graph: the mode router before the first frame, the customer session right after
it (the attract screen's first frame is drawn without kiosk.session or kiosk.flow: ui/attract.py), then
checkout, printing, the scanner and reconciliation once the ledger side is up. ui/ receives all of it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.config import Settings
from kiosk.ports import Clock

if TYPE_CHECKING:  # after the first frame: the window's first frame does not wait for them
    from kiosk.domain.catalog import Catalog
    from kiosk.domain.catalog_peek import Photos
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.port import PaymentProvider
    from kiosk.session.customer import CustomerSession
    from kiosk.session.modes import Mode, ModeRouter
    from kiosk.session.wiring import Printing, Scanning, StartStop
    from kiosk.staff.service import StaffService
    from ui.app import KioskWindow

log = logging.getLogger(__name__)

# Builds the NFC reader service (app/devices.py `nfc_reader`) with a listener (called on the reader's
# thread) and the staff register (the source of staff cards).
CardReaderFactory = Callable[[Callable[[object], None], "StaffService"], "StartStop"]


def build_session(settings: Settings, catalog: Catalog, clock: Clock) -> CustomerSession:
    from kiosk.session.customer import CustomerSession, FlowTimings

    return CustomerSession(catalog, settings.ui.language, clock, FlowTimings.of(settings.ui))


def build_router(session: CustomerSession | Callable[[], CustomerSession | None]) -> ModeRouter:
    """The mode router over the modes this terminal has screens for; a payment in flight is never
    interrupted by a mode change. `session`: the customer's, or where to find it once it is made (none yet:
    no payment)."""
    from kiosk.session.modes import Mode, ModeRouter
    from ui.modes import MODE_UIS

    def payment_in_flight() -> bool:
        current = session() if callable(session) else session
        return current is not None and current.ready and current.checkout.pending is not None

    return ModeRouter(Mode.CUSTOMER, MODE_UIS, payment_in_flight=payment_in_flight)


def open_window(
    settings: Settings,
    catalog: Catalog | Callable[[], Catalog],
    clock: Clock,
    *,
    photos: Photos | None = None,
    windowed: bool = False,
    size: tuple[int, int] | None = None,
    tick_ms: int = 250,
    voice: bool = True,
) -> KioskWindow:
    """The window with the attract screen up, not ready yet (see `attach_window`). The customer's session
    and view-model are made right after the first frame, or as soon as `KioskWindow.vm` is read (a test
    may read it at once). `catalog` may be a function that parses it then (`kiosk run`: app/commands/run.py
    `Menu`), with the attract screen's `photos` taken from its JSON beforehand (kiosk/domain/catalog_peek.py).
    `voice=False`: the voice guidance's services are not built here; the caller sets
    `KioskWindow.voice_services` before `attach_window` (`kiosk run` builds them on its startup thread,
    after the first frame)."""
    from kiosk.domain.catalog_peek import photos_of
    from ui.app import open_window as open_qt_window

    menu = catalog if callable(catalog) else lambda: catalog
    if photos is None:
        photos = photos_of(menu())
    voice_services = None
    if voice:
        from app.voice import build_voice

        voice_services = build_voice(settings)
    made: list[CustomerSession] = []

    def make_session() -> CustomerSession:
        made.append(build_session(settings, menu(), clock))
        return made[-1]

    return open_qt_window(
        settings,
        photos,
        make_session,
        lambda: build_router(lambda: made[-1] if made else None),
        windowed=windowed,
        size=size,
        tick_ms=tick_ms,
        voice=voice_services,
    )


def build_scanning(settings: Settings) -> Scanning | None:
    """The real scanner driver on `scanner.url`. `sim://` has no device here: the demo's F8 key stands in
    for it. A bad URL is logged with what to fix; the kiosk still sells by card."""
    url = settings.scanner.url
    if not url or url.startswith("sim:"):
        return None
    from hardware.scanner import ScannerUrlError, build_scanner
    from kiosk.session.wiring import ScanCounter, Scanning

    listener = ScanCounter()
    try:
        scanner = build_scanner(url, listener=listener, baudrate=settings.scanner.baudrate)
    except ScannerUrlError as exc:
        log.error("scanner not started: %s; fix scanner.url in the config", exc)
        return None
    return Scanning(scanner, listener)


def attach_window(
    window: KioskWindow,
    ledger: Ledger,
    provider: PaymentProvider,
    *,
    printing: Printing | None = None,
    on_decline_next: Callable[[], None] | None = None,
    on_code: Callable[[str, str], None] | None = None,
    reconcile: Callable[[], object] | None = None,
    reconcile_seconds: float = 60.0,
    staff: StaffService | None = None,
    card_reader: CardReaderFactory | None = None,
) -> None:
    """The ledger is open and open payment intents are resolved (PaymentService.recover): checkout over
    `provider`, printing, the scanner from `settings.scanner` and reconciliation every `reconcile_seconds`
    (`reconcile`: PaymentService.reconcile_late) go to the window, which becomes ready. `on_decline_next`
    is the demo's F9 key; `on_code(intent_id, code)` takes a customer-presented barcode. The staff
    register (`staff`, default: on `ledger`) signs people in to the other modes, whose view-models are made
    from a `ModeContext` the first time each is entered; `card_reader` makes the NFC reader whose staff card
    taps open the PIN pad (none: PIN sign-in only)."""
    from app.builders.modes import ModeContext, build_mode_view_model
    from kiosk.bestsellers import BestSellerWorker, recent_sales
    from kiosk.domain.business_day import business_date
    from kiosk.flow.checkout import Checkout
    from kiosk.flow.state import Step
    from kiosk.payments.service import PaymentService
    from kiosk.session.customer import SessionServices
    from kiosk.session.modes import Mode
    from kiosk.session.wiring import DeviceServices, Reconciler
    from kiosk.staff.service import StaffService
    from kiosk.staff.session import StaffSession

    clock = window.vm.session.clock
    staff = staff or StaffService(ledger)
    # Easy mode's best sellers first: the last weeks' sales, read on the worker's thread.
    best_sellers = BestSellerWorker(
        lambda: recent_sales(ledger, business_date(clock.now(), ledger.tz, ledger.day_start_hour))
    )
    devices = DeviceServices(
        printing=printing,
        scanning=build_scanning(window.settings),
        reconciler=Reconciler(reconcile, reconcile_seconds) if reconcile is not None else None,
        nfc=build_card_reader(window, staff, card_reader) if card_reader is not None else None,
        best_sellers=best_sellers,
    )
    services = SessionServices(
        Checkout(ledger, provider, clock),
        receipts=printing.service if printing is not None else None,
        on_decline_next=on_decline_next,
        on_code=on_code,
        best_sellers=best_sellers,
    )
    window.attach(services, devices)
    assert window.bridge is not None
    session = window.vm.session
    ctx: ModeContext | None = None
    staff_session = StaffSession(
        staff,
        window.modes.router,
        idle_timeout_s=window.settings.staff.idle_timeout_seconds,
        payment_in_flight=lambda: session.ready and session.checkout.pending is not None,
        refund_in_progress=lambda: ctx is not None and ctx.is_busy(),
    )
    ctx = ModeContext(
        settings=window.settings,
        catalog=session.state.catalog,
        ledger=ledger,
        clock=clock,
        data_dir=window.settings.data_path,
        staff=staff,
        staff_session=staff_session,
        provider=provider,
        payments=provider if isinstance(provider, PaymentService) else None,
        customer=session,
        bridge=window.bridge,
        printing=printing,
    )
    window.staff.attach(staff_session, window.bridge.post)
    window.modes.attach(lambda mode: build_mode_view_model(mode, ctx))
    announce = window.modes.router.on_change

    def changed(mode: Mode) -> None:  # staff took over the screen: a customer's unpaid cart is dropped
        if mode is not Mode.CUSTOMER and session.state.step is not Step.ATTRACT:
            window.vm.cancelOrder()
        if announce is not None:
            announce(mode)

    window.modes.router.on_change = changed
    # Freed memory back to the system on each return to the attract screen, at most every 10 s, off the GUI thread
    # (app/memory.py).
    from app.memory import MemoryReturner, malloc_trim, return_memory_when_idle

    return_memory_when_idle(
        [window.vm.changed, window.modes.modeChanged],
        lambda: session.state.step is Step.ATTRACT and window.modes.router.mode is Mode.CUSTOMER,
        MemoryReturner(malloc_trim()),
        window.vm,
    )


def build_card_reader(window: KioskWindow, staff: StaffService, make: CardReaderFactory) -> StartStop | None:
    """The NFC reader: each card tap reaches the staff view-model on the GUI thread (the PIN pad for a staff
    card, or the card being registered). A reader that cannot be built (a bad `nfc.reader` URL, a broken
    card list) is logged with what to fix; the kiosk sells and PIN sign-in works without it."""
    from kiosk.devices.health import Health, HealthEvent
    from kiosk.devices.nfc import CardTapped

    def listener(event: object) -> None:  # on the reader's thread
        if isinstance(event, CardTapped):
            bridge = window.bridge
            if bridge is not None:
                bridge.post(lambda: window.staff.card_tapped(event))
        elif isinstance(event, HealthEvent) and event.health is not Health.OK:
            log.warning("NFC reader %s: %s (%s)", event.health.value, event.detail, event.message)

    try:
        return make(listener, staff)
    except ValueError as exc:  # ReaderUrlError, CardListError: both say what to fix
        log.error("NFC reader not started: %s; staff sign in by PIN until nfc.reader / nfc.card_list is fixed", exc)
        return None


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
    staff: StaffService | None = None,
    card_reader: CardReaderFactory | None = None,
) -> KioskWindow:
    """`open_window` and `attach_window` in one go, for callers that already hold an open ledger (tests,
    benchmarks). The caller resolves open payment intents before calling this."""
    window = open_window(settings, catalog, clock, windowed=windowed, size=size, tick_ms=tick_ms)
    attach_window(
        window,
        ledger,
        provider,
        printing=printing,
        on_decline_next=on_decline_next,
        on_code=on_code,
        reconcile=reconcile,
        staff=staff,
        card_reader=card_reader,
    )
    return window
