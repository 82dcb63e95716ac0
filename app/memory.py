"""Memory given back to the system while the kiosk waits for its next customer (issue 11's soak).

glibc's malloc keeps what the program frees for the next allocation; only free memory at the top of an arena's
heap goes back to the system by itself. The kiosk's threads each allocate from an arena of their own (Qt
Multimedia's player and decoder threads for the voice, the back office's worker, the payment, printer and
best-seller threads), and what they free in the middle of an arena stays resident: with voice sessions, easy
mode and owner visits mixed into the orders, malloc held 28-36 MiB free after a few hundred orders, 14-15 MiB
of it in whole pages that malloc_trim gives back (3-5 MiB with orders only), and the resident size crept up
with it (docs/PERFORMANCE.md, Stability).
`malloc_trim(0)` hands every free page of every arena back (the memory stays malloc's, the pages go).

The window calls `MemoryReturner.idle()` each time the customer screens are back on the attract screen with
nobody signed in (`attach_window`); it trims at most once every `every_s` seconds, on a thread of its own: a
trim takes 2-17 ms (more the more there is to give back), which the GUI thread does not wait for.
Once a minute was too seldom: in the soak (~5 orders a second) a minute is ~300 orders, and what the resident size
showed at any moment depended on how long ago the last trim was, by up to the 14-15 MiB a trim gives back.
A libc without `malloc_trim` (musl) leaves it to the allocator."""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance

log = logging.getLogger(__name__)


M_ARENA_MAX = -8  # glibc's malloc.h


def limit_arenas(most: int = 2) -> bool:
    """At most `most` malloc arenas for the whole process, set before any thread starts (True when set).
    Without it glibc gives each thread that allocates at once an arena of its own, up to 8 a core, and what a
    thread frees in the middle of its arena stays resident: in the soak's mix of voice, easy mode and owner
    visits malloc's free bytes grew from 28 to 36 MiB over the first 500 orders and kept creeping; with two
    arenas they levelled at 24-25 MiB (docs/PERFORMANCE.md, Stability). `MALLOC_ARENA_MAX` in the environment
    (a unit's drop-in, say) wins over this."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        # The process's own symbols (glibc's), not ctypes.util's lookup: it imports subprocess, ~3 ms before the
        # first frame.
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, most))


def malloc_trim() -> Callable[[], bool] | None:
    """glibc's `malloc_trim(0)` as a callable (True when memory went back), or None where there is none."""
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: bool(trim(0))


class MemoryReturner:
    def __init__(
        self,
        trim: Callable[[], bool] | None,
        monotonic: Callable[[], float] = time.monotonic,
        every_s: float = 10.0,
    ) -> None:
        self._trim = trim
        self._monotonic = monotonic
        self.every_s = every_s
        self._last: float | None = None
        self._thread: threading.Thread | None = None
        self.trims = 0  # how many times memory was handed back (tests, logs)

    def idle(self) -> bool:
        """The kiosk waits for a customer: trim on a thread of its own, unless that was done less than `every_s`
        seconds ago or the last trim is still running."""
        if self._trim is None:
            return False
        now = self._monotonic()
        if self._last is not None and now - self._last < self.every_s:
            return False
        if self._thread is not None and self._thread.is_alive():
            return False
        self._last = now
        self._thread = threading.Thread(target=self._run, args=(self._trim,), name="memory-trim", daemon=True)
        self._thread.start()
        return True

    def _run(self, trim: Callable[[], bool]) -> None:
        started = time.perf_counter()
        trim()  # ctypes lets go of the GIL for the call
        self.trims += 1
        log.debug("memory handed back to the system in %.1f ms", (time.perf_counter() - started) * 1000)

    def wait(self, timeout: float | None = None) -> None:
        """Until the last trim has finished (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)


def return_memory_when_idle(
    changed: list[SignalInstance],
    waiting: Callable[[], bool],
    returner: MemoryReturner,
    parent: QObject,
    delay_ms: int = 0,
) -> QTimer:
    """`returner.idle()` each time `waiting()` (the attract screen, nobody signed in) becomes true again, on the
    event loop's next pass (`delay_ms`), if it still is then. Checked whenever one of `changed` fires; the
    state at the start (the attract screen) is not a return to it."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    was = [waiting()]

    def check() -> None:
        now = waiting()
        if now and not was[0]:
            timer.start()
        was[0] = now

    def fire() -> None:
        if waiting():
            returner.idle()

    for signal in changed:
        signal.connect(check)
    timer.timeout.connect(fire)
    return timer
