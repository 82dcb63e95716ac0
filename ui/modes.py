"""The mode router's UI side: one entry per mode that has screens on this terminal, its QML folder. Which
module makes a mode's view-model is the composition root's to say (app/builders/modes.py `MODE_BUILDERS`),
not this table's. Adding a mode is a view-model module, a QML folder under ui/qml/ with a Root.qml, a
builder in app/builders/, one line here and one in `MODE_BUILDERS`; whether a mode may be entered is
decided by kiosk.session.modes, never here or in QML. See docs/ARCHITECTURE.md, "Modes"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.session.modes import ChangeMode, Mode, ModeRouter

QML_DIR = Path(__file__).resolve().parent / "qml"


@dataclass(frozen=True, slots=True)
class ModeUi:
    folder: str  # under ui/qml/ (or an absolute path); the mode's screens start at <folder>/Root.qml

    @property
    def root(self) -> Path:
        return QML_DIR / self.folder / "Root.qml"


# The modes with screens on this terminal. The customer mode's screens are Main.qml's own; every other
# mode's Root.qml fills the window, with `vm` (its view-model), `staff` and `portrait`.
MODE_UIS: dict[Mode, ModeUi] = {
    Mode.CUSTOMER: ModeUi("customer"),
    Mode.OWNER: ModeUi("owner"),
    Mode.COUNTER: ModeUi("counter"),
    Mode.INSTALLER: ModeUi("installer"),
}

ViewModelFactory = Callable[[Mode], QObject]


class ModesViewModel(QObject):
    """`mode` (its name), `source` (the mode's Root.qml, empty for the customer mode), `viewModel` (made
    the first time the mode is entered, by the composition root's factory) and `requestMode(name)`: QML
    asks, the core's router decides."""

    modeChanged = Signal()

    def __init__(self, router: ModeRouter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.router = router
        self._factory: ViewModelFactory | None = None
        self._made: dict[Mode, QObject] = {}
        router.on_change = lambda mode: self.modeChanged.emit()

    def attach(self, factory: ViewModelFactory) -> None:
        """The ledger side is up: mode view-models can be made from now on."""
        self._factory = factory

    def view_model(self, mode: Mode) -> QObject | None:
        if mode is Mode.CUSTOMER or self._factory is None:
            return None
        if mode not in self._made:
            made = self._made[mode] = self._factory(mode)
            made.setParent(self)
        return self._made[mode]

    def close(self) -> None:
        """Stop what the mode view-models run (timers, workers) before the window goes."""
        for made in self._made.values():
            close = getattr(made, "close", None)
            if callable(close):
                close()

    def _mode(self) -> str:
        return self.router.mode.value

    def _folder(self) -> str:
        return MODE_UIS[self.router.mode].folder

    def _source(self) -> QUrl:
        mode = self.router.mode
        return QUrl() if mode is Mode.CUSTOMER else QUrl.fromLocalFile(str(MODE_UIS[mode].root))

    def _view_model(self) -> QObject | None:
        return self.view_model(self.router.mode)

    mode = Property(str, _mode, notify=modeChanged)
    folder = Property(str, _folder, notify=modeChanged)
    source = Property(QUrl, _source, notify=modeChanged)
    viewModel = Property(QObject, _view_model, notify=modeChanged)

    @Slot(str, result=str)
    def requestMode(self, name: str) -> str:
        """Ask to enter a mode with nobody signed in (the customer mode, or a refusal): "" when entered,
        else the refusal's name. Signed-in people go through the staff view-model's `enterMode`."""
        try:
            mode = Mode(name)
        except ValueError:
            return "unknown_mode"
        refusal = self.router.send(ChangeMode(mode))
        return refusal.value if refusal is not None else ""
