"""The Qt window: fonts, translations, the QR image provider, the mode router, the view-models and the QML
engine, over services the composition root (app/window.py) builds and passes in. Nothing here constructs a
device, a ledger or a payment provider."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QTranslator, QUrl, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

from kiosk.config import Settings
from kiosk.staff.gesture import GESTURE_CORNER
from ui.attract import MENU_ROLES, AttractViewModel, ImageUrls, ModesStandIn, StaffStandIn, attract_rows
from ui.bridge import GuiBridge
from ui.models import RowModel

if TYPE_CHECKING:  # imported after the first frame (cold start): the customer's session and view-model, the ledger
    from PySide6.QtQuick import QQuickWindow

    from kiosk.payments.port import PaymentProvider
    from kiosk.session.customer import CustomerSession, SessionServices
    from kiosk.session.modes import ModeRouter
    from kiosk.session.wiring import DeviceServices, Scanning
    from ui.customer.viewmodel import KioskViewModel
    from ui.modes import ModesViewModel
    from ui.staff.viewmodel import StaffViewModel
    from ui.voice.controller import VoiceController
    from ui.voice.services import VoiceServices

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


def load_fonts() -> list[str]:
    """Korean from Nanum; Chinese and Japanese come from the system's Noto CJK through fontconfig. A font
    installed in the system's font folder (fonts-nanum) is already known through fontconfig and is not
    registered again (that cost ~7 ms of the GUI thread before the first frame); one only in the repository's
    assets/fonts is added as an application font. Returns the families added."""
    families: list[str] = []
    system, *bundled = FONT_DIRS
    for name in KOREAN_FONTS:
        if (system / name).is_file():
            continue
        for base in bundled:
            path = base / name
            if path.is_file():
                from PySide6.QtGui import QFontDatabase  # (its enums cost ~0.3 ms: only when needed)

                fid = QFontDatabase.addApplicationFont(str(path))
                families += QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
                break
    return families


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
    _posted = Signal(object)

    def __init__(self, work: Callable[[], T], done: Callable[[T | None, BaseException | None], None]) -> None:
        super().__init__()
        self._work = work
        self._done = done
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kiosk-startup")
        self._lock = threading.Lock()
        self._finished.connect(self._deliver)  # emitted on the thread: queued to the GUI thread
        self._posted.connect(self._call)

    def post(self, call: Callable[[], None]) -> None:
        """Run `call` on the GUI thread soon, before `done` (from `work`: a step done on the way, such as
        the start-up pre-check's verdict)."""
        self._posted.emit(call)

    @Slot(object)
    def _call(self, call: Callable[[], None]) -> None:
        call()

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
    """The window, its mode router and the customer view-model. `open_window` makes it with the attract
    screen up (drawn from `attract`, ui/attract.py) but not ready; the customer's session and view-model
    (`vm`) are made right after the first frame, or when first asked for (`complete`); `attach` adds the
    ledger side (checkout, printing, scanner, reconciliation) and makes it ready."""

    engine: QQmlApplicationEngine
    attract: AttractViewModel
    settings: Settings
    make_vm: Callable[[], KioskViewModel]  # the customer's session and view-model (`complete`)
    make_modes: Callable[[], ModesViewModel]  # the mode router's view-model (`complete`)
    make_staff: Callable[[], StaffViewModel]  # who is signed in (`complete`)
    provider: PaymentProvider | None = None
    devices: DeviceServices | None = None
    bridge: GuiBridge | None = None
    voice_services: VoiceServices | None = None  # what the voice guidance needs (app/voice.py)
    voice: VoiceController | None = None  # voice guidance (ui/voice, docs/VOICE.md), from `attach` on
    _vm: KioskViewModel | None = None
    _modes: ModesViewModel | None = None
    _staff: StaffViewModel | None = None
    closed: bool = False
    after_first_frame: _AfterFirstFrame | None = None  # what calls `complete` after the first frame
    _window: QQuickWindow | None = None

    @property
    def window(self) -> QQuickWindow:
        """The QML window. PySide6.QtQuick (~10 ms) is imported the first time this is read, which `kiosk
        run` does only after the first frame (`on_first_frame` is for that frame)."""
        if self._window is None:
            from PySide6.QtQuick import QQuickWindow

            root = self.engine.rootObjects()[0]
            if isinstance(root, QQuickWindow):
                self._window = root
            else:  # a wrapper made before the module was imported
                import shiboken6

                self._window = cast(
                    "QQuickWindow", shiboken6.wrapInstance(shiboken6.getCppPointer(root)[0], QQuickWindow)
                )
        return self._window

    def on_first_frame(self, callback: Callable[[], None]) -> None:
        """`callback()` once, when the first frame is on screen, on the thread that draws it (the GUI
        thread with the software renderer), before the customer view-model is made."""
        assert self.after_first_frame is not None
        self.after_first_frame.callbacks.append(callback)

    @property
    def vm(self) -> KioskViewModel:
        """The customer view-model: made now if the first frame has not made it yet."""
        return self.complete()

    @property
    def modes(self) -> ModesViewModel:
        """The mode router's view-model: made with the customer view-model (`complete`)."""
        self.complete()
        assert self._modes is not None
        return self._modes

    @property
    def staff(self) -> StaffViewModel:
        """Who is signed in, the PIN pad: made with the customer view-model (`complete`)."""
        self.complete()
        assert self._staff is not None
        return self._staff

    @property
    def built(self) -> bool:
        """Whether the customer's session and view-model are made (`complete`)."""
        return self._vm is not None

    def complete(self) -> KioskViewModel:
        """Make the customer's session and view-model, the mode router's and the staff view-model (once)
        and put them on the screen in place of the first frame's stand-ins (ui/attract.py); a language, easy
        mode or low position chosen on the stand-in carries over. `open_window` calls this right after the
        first frame; anything that asks for `vm`, `modes` or `staff` earlier (a test, `attach`) gets them
        made there and then."""
        if self._vm is None:
            self._modes = self.make_modes()
            self._staff = self.make_staff()
            self.window.setProperty("modes", self._modes)
            self.window.setProperty("staff", self._staff)
            vm = self._vm = self.make_vm()
            language, easy, low = self.attract.choices
            if language != vm.state.language:
                vm.chooseLanguage(language)
            if easy:
                vm.setEasyMode(True)
            if low:
                vm.setLowPosition(True)
            self.window.setProperty("kiosk", vm)
            from ui.qr import QrImageProvider  # no QR before a customer has started

            self.engine.addImageProvider("qr", QrImageProvider())
        return self._vm

    @property
    def scanning(self) -> Scanning | None:
        return self.devices.scanning if self.devices is not None else None

    def attach(self, services: SessionServices, devices: DeviceServices) -> None:
        """The caller has opened the ledger and resolved open payment intents (PaymentService.recover):
        from now on "touch to start" works. The devices' worker threads reach the session through one
        `GuiBridge`; they start once the session listens and stop with the window."""
        session = self.vm.session
        bridge = self.bridge = GuiBridge(self.engine)
        self.provider = services.checkout.provider
        self.devices = devices
        session.attach(services, bridge.post)
        self._start_voice()
        if devices.printing is not None:
            devices.printing.events.connect(bridge.forward(session.on_print_event))
        if devices.scanning is not None:
            devices.scanning.listener.on_code = bridge.forward(session.submit_code)
        devices.start()
        self.window.setProperty("started", True)  # Main.qml: what the attract screen did not need

    def _start_voice(self) -> None:
        """Voice guidance comes with the ledger side, after the first frame (its modules are not on the
        cold start's path); Main.qml's `voice` (the VoiceButton's) is set then."""
        if self.voice_services is None or self.voice is not None:
            return
        from ui.voice.controller import build_controller

        self.voice = build_controller(self.voice_services, self.vm, self.engine)
        self.window.setProperty("voice", self.voice)
        self.voice.attach(self.window)

    def close(self) -> None:
        """Stop the scanner's, the printer's, the timers' and the payment provider's threads, then tear
        the QML down."""
        self.closed = True
        if self.devices is not None:
            self.devices.stop()
        if self.voice is not None:
            self.voice.close()
        elif self.voice_services is not None and self.voice_services.jack is not None:
            self.voice_services.jack.close()
        if self._modes is not None:
            self._modes.close()
        if self._staff is not None:
            self._staff.close()
        if self._vm is not None:
            self._vm.close()
        if self.provider is not None:
            self.provider.close()
        self.window.setProperty("kioskMode", False)
        self.window.close()
        # Now, not later: the engine's image reader thread may still be decoding the attract screen's photos,
        # and if the engine outlives the event loop (`kiosk run` after `app.exec()`, a test) that thread is
        # still running while the interpreter tears the application down: a segfault in the image plugins
        # (docs/PERFORMANCE.md, "Stability"). Deleting the engine stops and joins that thread first.
        from PySide6.QtCore import QEvent  # (not before the first frame: its Type enum costs ~1 ms to make)

        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _AfterFirstFrame(QObject):
    """Once the first frame is on screen: the `on_first_frame` callbacks at once, then
    `KioskWindow.complete` on the GUI thread from the event loop (after whatever those callbacks start, e.g.
    `kiosk run`'s ledger side), unless the window was closed or completed meanwhile. `frameSwapped` may
    come from a render thread: `due` is queued then. No reference to the window's wrapper is kept here (see
    `KioskWindow.window`)."""

    due = Signal()

    def __init__(self, kw: KioskWindow, window: QObject) -> None:
        super().__init__()
        self._kw = kw
        self._fired = False
        self.callbacks: list[Callable[[], None]] = []
        self.due.connect(self._later)
        window.frameSwapped.connect(self.swapped)  # type: ignore[attr-defined]

    def swapped(self) -> None:  # on the thread that draws
        if self._fired:
            return
        self._fired = True
        for callback in self.callbacks:
            callback()
        self.due.emit()

    @Slot()
    def _later(self) -> None:
        QTimer.singleShot(0, self._complete)

    def _complete(self) -> None:
        if self._kw.closed:
            return
        self._kw.window.frameSwapped.disconnect(self.swapped)
        self._kw.complete()


def open_window(
    settings: Settings,
    photos: Sequence[tuple[str, str]],
    make_session: Callable[[], CustomerSession],
    make_router: Callable[[], ModeRouter],
    *,
    windowed: bool = False,
    size: tuple[int, int] | None = None,
    tick_ms: int = 250,
    voice: VoiceServices | None = None,
) -> KioskWindow:
    """The window with the attract screen, before the ledger is open: this is all the first frame waits
    for, and it is drawn from small stand-ins (ui/attract.py) with `photos`, the first category's (item id,
    image) pairs (kiosk/domain/catalog_peek.py); `make_session` (the customer's session over the catalog),
    `make_router` (the mode router) and the full view-models are called
    right after the first frame (`KioskWindow.complete`, or `vm` asked for earlier). "Touch to start" stays
    disabled until `KioskWindow.attach`. `voice`: the voice guidance's clips and earphone jack (app/voice.py),
    started by `attach`; None: no voice."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("open_window needs a QGuiApplication")
    load_fonts()
    engine = QQmlApplicationEngine()
    translations = _Translations(app, engine)  # (the QR image provider comes with `KioskWindow.complete`)
    ui = settings.ui
    catalog_dir = settings.catalog_path.parent
    image_urls = ImageUrls([catalog_dir, catalog_dir.parent])
    menu = RowModel(MENU_ROLES, engine)
    menu.set_rows(attract_rows(photos, image_urls))
    attract = AttractViewModel(
        shop_name=settings.shop.name,
        language=ui.language,
        menu=menu,
        reach_fraction=ui.reach_fraction(),
        on_language=translations.switch,
        parent=engine,
    )

    def make_vm() -> KioskViewModel:
        from ui.customer.viewmodel import KioskViewModel

        return KioskViewModel(
            make_session(),
            shop_name=settings.shop.name,
            asset_dirs=image_urls.asset_dirs,
            on_language=translations.switch,
            tick_ms=tick_ms,
            reach_fraction=ui.reach_fraction(),
            menu=menu,
            image_urls=image_urls,
            parent=engine,
        )

    def make_modes() -> ModesViewModel:
        from ui.modes import ModesViewModel

        return ModesViewModel(make_router(), parent=engine)

    def make_staff() -> StaffViewModel:
        from ui.staff.viewmodel import StaffViewModel

        return StaffViewModel(tick_ms=tick_ms, parent=engine)

    width, height = size or (ui.width, ui.height)
    engine.setInitialProperties(
        {
            "kiosk": attract,
            "modes": ModesStandIn(engine),
            "staff": StaffStandIn(GESTURE_CORNER, engine),
            "kioskMode": not windowed,
            "uiScale": ui.scale,
            "easyScale": ui.easy_scale,
            "highContrast": ui.palette == "high-contrast",
            "initialWidth": width,
            "initialHeight": height,
            "onScreenKeyboard": os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard",
        }
    )
    translations.switch(ui.language)
    engine.load(QUrl.fromLocalFile(str(QML_DIR / "Main.qml")))
    roots = engine.rootObjects()
    # (not `isinstance(..., QQuickWindow)`: PySide6.QtQuick is not imported before the first frame)
    if not roots or not roots[0].inherits("QQuickWindow"):
        raise RuntimeError("the QML window did not load; see the QML errors above")
    kw = KioskWindow(engine, attract, settings, make_vm, make_modes, make_staff, voice_services=voice)
    kw.after_first_frame = _AfterFirstFrame(kw, roots[0])
    if windowed:
        roots[0].show()  # type: ignore[attr-defined]
    else:
        roots[0].showFullScreen()  # type: ignore[attr-defined]  # frameless: Main.qml sets the flag in kiosk mode
    del roots  # no wrapper of the window outlives this (see `KioskWindow.window`)
    return kw
