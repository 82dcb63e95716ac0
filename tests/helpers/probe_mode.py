"""A mode for the shell's own tests (tests/ui/test_modes.py): its builder and view-model; its screen is
tests/helpers/qml/probe/Root.qml."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal

from app.builders.modes import ModeContext


class ProbeViewModel(QObject):
    changed = Signal()

    def __init__(self, ctx: ModeContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.closed = False

    def _shop(self) -> str:
        return self.ctx.settings.shop.name

    shopName = Property(str, _shop, notify=changed)

    def close(self) -> None:
        self.closed = True


def build(ctx: ModeContext) -> QObject:
    return ProbeViewModel(ctx)
