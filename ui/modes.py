"""The mode router's UI side: one entry per mode that has screens on this terminal, its QML folder and its
view-model module. Adding a mode is a view-model module, a QML folder under ui/qml/ and an entry here;
whether a mode may be entered is decided by kiosk.session.modes, never here or in QML."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.session.modes import ChangeMode, Mode, ModeRouter


@dataclass(frozen=True, slots=True)
class ModeUi:
    folder: str  # under ui/qml/
    view_model: str  # the module holding the mode's view-model


# The owner, counter and installer modes get their entries with their screens (later issues).
MODE_UIS: dict[Mode, ModeUi] = {
    Mode.CUSTOMER: ModeUi("customer", "ui.customer.viewmodel"),
}


class ModesViewModel(QObject):
    """`mode` (its name) and `requestMode(name)`: QML asks, the core's router decides."""

    modeChanged = Signal()

    def __init__(self, router: ModeRouter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.router = router
        router.on_change = lambda mode: self.modeChanged.emit()

    def _mode(self) -> str:
        return self.router.mode.value

    def _folder(self) -> str:
        return MODE_UIS[self.router.mode].folder

    mode = Property(str, _mode, notify=modeChanged)
    folder = Property(str, _folder, notify=modeChanged)

    @Slot(str, result=str)
    def requestMode(self, name: str) -> str:
        """Ask to enter a mode with nobody signed in (the sign-in screens come later): "" when entered,
        else the refusal's name."""
        try:
            mode = Mode(name)
        except ValueError:
            return "unknown_mode"
        refusal = self.router.send(ChangeMode(mode))
        return refusal.value if refusal is not None else ""
