"""The cash drawer port (DESIGN §7, §13). The drawer hangs off the receipt printer: it opens with
`ESC p 0 50 50` and, where it has a sensor, reports open / closed in the printer's `DLE EOT 1` status
(hardware/printer/drawer.py implements this port on the printer)."""

from __future__ import annotations

from typing import Protocol


class Drawer(Protocol):
    def kick(self) -> None:
        """Open the drawer. Raises on a printer that cannot be reached (the caller reports it)."""
        ...

    def is_open(self) -> bool | None:
        """The sensor's answer; None when the printer gave no status (unknown, never "closed")."""
        ...


class NoDrawer:
    """A terminal without a drawer (a kiosk only): kicking does nothing; its state is unknown."""

    def kick(self) -> None:
        return None

    def is_open(self) -> bool | None:
        return None
