"""A pty that behaves like a USB-CDC 2D scanner: ``scan("code")`` writes the code and CR LF.

The slave side is reached through a stable symlink (like /dev/serial/by-id/...), so ``close()`` then
``open()`` looks to the reader like the scanner being unplugged and plugged in again: the old pty
goes away (reads fail with EIO) and a new one appears under the same name.
"""

from __future__ import annotations

import os
import tempfile
import tty
from pathlib import Path


class PtyScanner:
    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        # No I/O until open(); the path is fixed now so it can go into the driver's URL.
        self._dir = (
            Path(directory) if directory else Path(tempfile.gettempdir()) / f"kiosk-scanner-{os.getpid()}-{id(self):x}"
        )
        self.path = self._dir / "scanner"
        self._master: int | None = None
        self._slave: int | None = None

    def open(self) -> None:
        if self._master is not None:
            return
        self._dir.mkdir(parents=True, exist_ok=True)
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation: the bytes arrive as sent
        self._master, self._slave = master, slave
        tmp = self.path.with_suffix(".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(os.ttyname(slave))
        tmp.replace(self.path)

    def close(self) -> None:
        """Unplug: remove the name and close both ends (the reader's reads fail from now on)."""
        self.path.unlink(missing_ok=True)
        for fd in (self._master, self._slave):
            if fd is not None:
                os.close(fd)
        self._master = self._slave = None

    def scan(self, code: str, terminator: bytes = b"\r\n") -> None:
        self.send(code.encode("utf-8") + terminator)

    def send(self, data: bytes) -> None:
        """Raw bytes, for garbage, partial codes and wrong-baud noise."""
        if self._master is None:
            raise RuntimeError("the simulated scanner is unplugged")
        os.write(self._master, data)
