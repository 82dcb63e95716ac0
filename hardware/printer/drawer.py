"""The cash drawer on the receipt printer: the `kiosk.counter.drawer.Drawer` port. A kick is `ESC p 0 50
50` through the printer's worker (never on the caller's thread's device I/O), the state is bit 2 of the
`DLE EOT 1` reply where the drawer has a sensor; no reply means unknown (None), never "closed"."""

from __future__ import annotations

from hardware.printer.driver import EscPosPrinter


class PrinterDrawer:
    def __init__(self, printer: EscPosPrinter, *, has_sensor: bool = True, timeout: float = 5.0) -> None:
        self.printer = printer
        self.has_sensor = has_sensor
        self.timeout = timeout

    def kick(self) -> None:
        self.printer.kick_drawer(timeout=self.timeout)

    def is_open(self) -> bool | None:
        if not self.has_sensor:
            return None
        status = self.printer.status(timeout=self.timeout)
        return None if status is None else status.drawer_open
