"""The printer simulator: our interpreter behind a settable fault state, reachable in-process
(`sim://`), over TCP (like a LAN printer on port 9100) or over a pseudo-terminal (a serial printer).

Each cut page is kept in `pages` and, with `out_dir`, written as `page-0001.png`, ...; only the last
`keep` pages stay, in memory and on disk, so a demo kiosk that prints for months neither grows nor fills
its disk (`printed` counts them all). A printer that
is out of paper, open or offline answers status but prints nothing; a `silent` one answers nothing
and prints nothing; `drop_after` closes the connection after that many more bytes (a cable pulled
mid-job), and the part already printed comes out as a torn page.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import threading
import tty
from dataclasses import dataclass
from pathlib import Path

from hardware.printer.interpreter import Interpreter, Page
from hardware.printer.status import PrinterStatus, status_byte


@dataclass
class Faults:
    paper_near_end: bool = False
    paper_out: bool = False
    cover_open: bool = False
    offline: bool = False
    silent: bool = False
    drop_after: int | None = None  # bytes until the connection is cut (once)
    drawer_open: bool = False  # the drawer sensor (DLE EOT 1 bit 2); a kick opens it, staff close it

    def status(self) -> PrinterStatus:
        return PrinterStatus(
            offline=self.offline,
            cover_open=self.cover_open,
            paper_out=self.paper_out,
            paper_end_stop=self.paper_out,
            paper_near_end=self.paper_near_end,
            drawer_open=self.drawer_open,
        )

    def can_print(self) -> bool:
        return not (self.paper_out or self.cover_open or self.offline or self.silent)


def page_file(number: int, torn: bool) -> str:
    """The file name of page `number` in the simulator's `out_dir`."""
    return f"page-{number:04d}{'-torn' if torn else ''}.png"


class ConnectionDropped(Exception):
    pass


class PrinterSimulator:
    def __init__(self, dots: int = 576, out_dir: Path | None = None, keep: int = 200) -> None:
        if keep < 1:
            raise ValueError("the simulator must keep at least one page")
        self.dots = dots
        self.out_dir = out_dir
        self.keep = keep
        self.faults = Faults()
        self.pages: list[Page] = []  # the last `keep` pages, oldest first
        self.printed = 0  # every page cut since start
        self.received = 0
        self._lock = threading.RLock()
        self._page_added = threading.Condition(self._lock)
        self._interp = Interpreter(on_page=self._on_page, status_reply=self._status)

    # --- fault control (any thread) -------------------------------------------------------------------
    def set_faults(self, **changes: bool | int | None) -> None:
        with self._lock:
            for key, value in changes.items():
                if not hasattr(self.faults, key):
                    raise ValueError(f"unknown fault {key!r}")
                setattr(self.faults, key, value)

    def clear_faults(self) -> None:
        with self._lock:
            self.faults = Faults()

    def wait_for_pages(self, count: int, timeout: float = 10.0) -> bool:
        with self._page_added:
            return self._page_added.wait_for(lambda: self.printed >= count, timeout)

    def page(self, number: int) -> Page | None:
        """Page `number` (1 = the first since start), if it is among the last `keep`."""
        with self._lock:
            index = len(self.pages) - (self.printed - number) - 1
            return self.pages[index] if 0 <= index < len(self.pages) and number >= 1 else None

    # --- the printer side -------------------------------------------------------------------------------
    def _status(self, n: int) -> bytes | None:
        if self.faults.silent:
            return None
        return bytes((status_byte(n, self.faults.status()),))

    def _on_page(self, page: Page) -> None:
        self.printed += 1
        self.pages.append(page)
        if len(self.pages) > self.keep:
            del self.pages[0]
        if self.out_dir is not None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            page.image(self.dots).save(self.out_dir / page_file(self.printed, page.torn))
            if self.printed > self.keep:
                for torn in (False, True):
                    with contextlib.suppress(FileNotFoundError):
                        (self.out_dir / page_file(self.printed - self.keep, torn)).unlink()
        self._page_added.notify_all()

    def connect(self) -> None:
        pass

    def disconnect(self) -> None:
        with self._lock:
            self._interp.connection_closed()

    def feed(self, data: bytes) -> bytes:
        """Bytes from the host; returns status replies. Raises ConnectionDropped for `drop_after`."""
        with self._lock:
            drop = self.faults.drop_after
            if drop is not None and len(data) >= drop:
                data = data[:drop]
                self.faults.drop_after = None
                self._process(data)
                self._interp.connection_closed()
                raise ConnectionDropped("connection dropped by the drop_after fault")
            if drop is not None:
                self.faults.drop_after = drop - len(data)
            return self._process(data)

    @property
    def drawer_kicks(self) -> int:
        """ESC p commands received since start (the drawer was told to open)."""
        with self._lock:
            return self._interp.kicks

    def _process(self, data: bytes) -> bytes:
        self.received += len(data)
        self._interp.printing = self.faults.can_print()
        kicks = self._interp.kicks
        replies = self._interp.feed(data)
        if self._interp.kicks > kicks:
            self.faults.drawer_open = True
        return replies


class TcpPrinterServer:
    """The simulator on a TCP port (9100 like a LAN printer; 0 picks a free port). One connection at a
    time, like the real thing."""

    def __init__(self, sim: PrinterSimulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sim = sim
        self._listener = socket.create_server((host, port))
        self.host, self.port = self._listener.getsockname()[:2]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=f"printer-sim-tcp-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def start(self) -> TcpPrinterServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def __enter__(self) -> TcpPrinterServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not select.select([self._listener], [], [], 0.05)[0]:
                continue
            conn, _ = self._listener.accept()
            with conn:
                self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        while not self._stop.is_set():
            if not select.select([conn], [], [], 0.05)[0]:
                continue
            try:
                data = conn.recv(65536)
            except OSError:
                data = b""
            if not data:
                self.sim.disconnect()
                return
            try:
                reply = self.sim.feed(data)
            except ConnectionDropped:
                with contextlib.suppress(OSError):
                    conn.shutdown(socket.SHUT_RDWR)
                return
            if reply:
                with contextlib.suppress(OSError):
                    conn.sendall(reply)
        self.sim.disconnect()


class PtyPrinterServer:
    """The simulator on the master side of a pseudo-terminal; `port` is the slave's path, which a
    serial transport opens like /dev/ttyUSB0."""

    def __init__(self, sim: PrinterSimulator) -> None:
        self.sim = sim
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no CR/LF translation, no XON/XOFF: ESC/POS is binary
        tty.setraw(self._master)
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="printer-sim-pty", daemon=True)

    def start(self) -> PtyPrinterServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        os.close(self._master)
        os.close(self._slave)

    def __enter__(self) -> PtyPrinterServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not select.select([self._master], [], [], 0.05)[0]:
                continue
            try:
                data = os.read(self._master, 65536)
            except OSError:
                continue
            try:
                reply = self.sim.feed(data)
            except ConnectionDropped:
                continue
            if reply:
                os.write(self._master, reply)
