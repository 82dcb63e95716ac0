"""The attract screen's first frame, drawn before the customer's session exists: a small stand-in for the
customer view-model (ui/customer/viewmodel.py) with what the window shows on that frame (the shop's name,
the menu's first photos, the language, "getting ready") and nothing of the flow, so the first frame waits
for neither kiosk.session, kiosk.flow nor the full view-model (docs/PERFORMANCE.md, "Cold start"). The
window swaps it for the full view-model right after the first frame (`KioskWindow.complete`), before
"touch to start" works; a choice made in between (language, easy mode, low position) is handed over.

The menu's row model is the one the full view-model then keeps (the same rows, made by `menu_rows`), so
the attract screen's photos are neither reloaded nor faded in again at the handover."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from ui.models import RowModel

if TYPE_CHECKING:
    from kiosk.domain.catalog import Item

ATTRACT_SCREEN = "customer/AttractScreen.qml"
MENU_ROLES = ["key", "name", "priceText", "image", "isNew", "isBest", "soldOut"]


def price_text(amount: int, language: str) -> str:
    """Korean menus write 4,500원; other languages read ₩4,500 more easily."""
    return f"{amount:,}원" if language == "ko" else f"₩{amount:,}"


class ImageUrls:
    """A catalog's relative image paths as file URLs: the first of `asset_dirs` that has the file, "" when
    none has it; looked up once each."""

    def __init__(self, asset_dirs: list[Path]) -> None:
        self.asset_dirs = asset_dirs
        self._cache: dict[str, str] = {}

    def __call__(self, relative: str) -> str:
        if relative in self._cache:
            return self._cache[relative]
        url = ""
        for base in self.asset_dirs:
            path = base / relative
            if relative and path.is_file():
                url = QUrl.fromLocalFile(str(path)).toString()
                break
        self._cache[relative] = url
        return url


def menu_rows(items: Iterable[Item], language: str, image_url: Callable[[str], str]) -> list[dict[str, Any]]:
    """The menu model's rows (roles `MENU_ROLES`): the attract screen's and the full view-model's alike."""
    return [
        {
            "key": it.id,
            "name": it.names.get(language),
            "priceText": price_text(it.price, language),
            "image": image_url(it.image),
            "isNew": "new" in it.badges,
            "isBest": "best" in it.badges,
            "soldOut": it.sold_out,
        }
        for it in items
    ]


def attract_rows(photos: Iterable[tuple[str, str]], image_url: Callable[[str], str]) -> list[dict[str, Any]]:
    """The menu model's rows on the first frame, from the first category's (item id, image) pairs
    (kiosk/domain/catalog_peek.py): the photos the attract screen shows, keyed as `menu_rows` keys them, so
    the full view-model's rows update them in place (`RowModel.set_rows`) and no photo is loaded again."""
    return [
        {
            "key": key,
            "name": "",
            "priceText": "",
            "image": image_url(image),
            "isNew": False,
            "isBest": False,
            "soldOut": False,
        }
        for key, image in photos
    ]


class AttractViewModel(QObject):
    """What Main.qml, the top bar and the attract screen read on the first frame, under the customer
    view-model's names: not ready, nothing in progress. `start` does nothing (the button is disabled until
    the full view-model is attached); a language, easy-mode or low-position choice is kept and handed over."""

    changed = Signal()
    readyChanged = Signal()
    printChanged = Signal()
    helpChanged = Signal()
    lowChanged = Signal()
    idleChanged = Signal()

    def __init__(
        self,
        *,
        shop_name: str,
        language: str,
        menu: RowModel,
        reach_fraction: float,
        on_language: Callable[[str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shop_name = shop_name
        self._language = language
        self._menu = menu
        self._reach = max(0.4, min(1.0, reach_fraction))
        self._on_language = on_language
        self._easy = False
        self._low = False

    @property
    def choices(self) -> tuple[str, bool, bool]:
        """The language, easy mode and low position as chosen on this object (for the handover)."""
        return self._language, self._easy, self._low

    @Slot()
    def start(self) -> None:
        """Not ready yet: the start button is disabled; a tap elsewhere on the screen does nothing either."""

    @Slot(str)
    def chooseLanguage(self, language: str) -> None:
        if language != self._language:
            self._language = language
            if self._on_language is not None:
                self._on_language(language)
            self.changed.emit()

    @Slot(bool)
    def setEasyMode(self, on: bool) -> None:
        if on != self._easy:
            self._easy = on
            self.changed.emit()

    @Slot(bool)
    def setLowPosition(self, on: bool) -> None:
        if on != self._low:
            self._low = on
            self.lowChanged.emit()

    @Slot(int, result=bool)
    def keypad(self, key: int) -> bool:
        return False

    @Slot()
    def callStaff(self) -> None:
        """Not before the kiosk is ready (the button comes back a moment later)."""

    @Slot(str)
    def submitCode(self, code: str) -> None:
        """No payment waits for a code before the kiosk is ready."""

    @Slot()
    def declineNext(self) -> None:
        """Demo key (F9): nothing to decline yet."""

    screen = Property(str, lambda self: ATTRACT_SCREEN, notify=changed)
    step = Property(str, lambda self: "attract", notify=changed)
    language = Property(str, lambda self: self._language, notify=changed)
    easyMode = Property(bool, lambda self: self._easy, notify=changed)
    staffCalled = Property(bool, lambda self: False, notify=changed)
    idleWarning = Property(bool, lambda self: False, notify=changed)
    shopName = Property(str, lambda self: self._shop_name, constant=True)
    printerProblem = Property(bool, lambda self: False, notify=printChanged)
    printerProblemText = Property(str, lambda self: "", notify=printChanged)
    isReady = Property(bool, lambda self: False, notify=readyChanged)
    payReady = Property(bool, lambda self: False, notify=readyChanged)
    cartCount = Property(int, lambda self: 0, notify=changed)
    outOfOrder = Property(str, lambda self: "", notify=readyChanged)
    menu = Property(QObject, lambda self: self._menu, constant=True)
    helpShown = Property(bool, lambda self: False, notify=helpChanged)
    lowPosition = Property(bool, lambda self: self._low, notify=lowChanged)
    reachFraction = Property(float, lambda self: self._reach, constant=True)


class ModesStandIn(QObject):
    """Main.qml's `modes` on the first frame: the customer mode, nothing else (the mode router's view-model,
    ui/modes.py, is made with the customer view-model, right after)."""

    modeChanged = Signal()

    mode = Property(str, lambda self: "customer", notify=modeChanged)
    source = Property(QUrl, lambda self: QUrl(), notify=modeChanged)
    viewModel = Property(QObject, lambda self: None, notify=modeChanged)


class StaffStandIn(QObject):
    """Main.qml's `staff` on the first frame: nobody signed in, no PIN pad, the corner gesture not yet
    listened to (no staff session before the ledger side is attached anyway; ui/staff/viewmodel.py is made
    with the customer view-model, right after)."""

    padChanged = Signal()
    idleChanged = Signal()

    def __init__(self, corner_fraction: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corner = corner_fraction

    @Slot(float, float, float, float)
    def cornerPressed(self, x: float, y: float, width: float, height: float) -> None:
        """Not before the staff view-model is made."""

    @Slot()
    def cornerReleased(self) -> None:
        """Not before the staff view-model is made."""

    @Slot()
    def touch(self) -> None:
        """No staff screen is on show."""

    padOpen = Property(bool, lambda self: False, notify=padChanged)
    idleWarning = Property(bool, lambda self: False, notify=idleChanged)
    cornerFraction = Property(float, lambda self: self._corner, constant=True)
