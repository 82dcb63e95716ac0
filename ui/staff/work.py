"""Staff work off the GUI thread: a PIN check costs one memory-hard hash per person (docs/STAFF.md), so
sign-in, choosing a PIN, adding a person and resetting a PIN run on a short-lived thread and hand their
result to the GUI thread through the window's `GuiBridge` (ui/bridge.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
Post = Callable[[Callable[[], None]], None]
Done = Callable[[T | None, BaseException | None], None]

log = logging.getLogger(__name__)


class _Job(Generic[T]):
    def __init__(self, work: Callable[[], T], done: Done[T], post: Post, finished: Callable[[], None]) -> None:
        self.work, self.done, self.post, self.finished = work, done, post, finished

    def __call__(self) -> None:
        try:
            result: T | None = self.work()
            error: BaseException | None = None
        except Exception as exc:  # handed to `done`: the screen says what went wrong
            log.info("staff work refused or failed: %s", type(exc).__name__)
            result, error = None, exc
        self.post(lambda: self._deliver(result, error))

    def _deliver(self, result: T | None, error: BaseException | None) -> None:
        self.finished()
        self.done(result, error)


class StaffWork:
    """One job at a time on its own thread; `done(result, error)` runs on the GUI thread (`post`). Without
    `post` (no bridge yet) the work runs at once on the caller's thread."""

    def __init__(self) -> None:
        self.post: Post | None = None
        self._thread: threading.Thread | None = None
        self.running = False  # from `run` until just before `done` is called

    def _finished(self) -> None:
        self.running = False

    def run(self, work: Callable[[], T], done: Done[T]) -> None:
        self.running = True
        job = _Job(work, done, self.post or (lambda call: call()), self._finished)
        if self.post is None:
            job()
            return
        self._thread = threading.Thread(target=job, name="staff-work")
        self._thread.start()

    def join(self) -> None:
        """At shutdown: wait for a job in progress (a hash takes well under a second)."""
        if self._thread is not None:
            self._thread.join(30)
