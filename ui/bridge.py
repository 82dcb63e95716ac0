"""The one way from a worker thread to the GUI thread: `GuiBridge.post(call)` runs `call` on the GUI thread,
later, through the event loop, also when posted from the GUI thread itself (a payment answer never
re-enters the session's `send`). Payment answers, printer events and scanner codes all come this way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")


class GuiBridge(QObject):
    """Made on the GUI thread once the ledger side is up (touching `Qt` costs the first frame ~20 ms, see
    ui/models.py); its queued connection hands each posted call to the GUI thread's event loop."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import Qt  # its first touch costs the first frame ~20 ms (ui/models.py): not at import

        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        """Run `call` on the GUI thread (callable from any thread)."""
        self._posted.emit(call)

    def forward(self, handler: Callable[[T], None]) -> Callable[[T], None]:
        """A listener for a worker thread: each event reaches `handler` on the GUI thread."""
        return lambda event: self.post(lambda: handler(event))

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()
