"""Collecting reader events in tests: wait for a matching event instead of sleeping."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from typing import Any


class Events:
    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self.seen: list[object] = []

    def put(self, event: object) -> None:
        self.queue.put(event)

    def wait_for(self, match: Callable[[Any], bool], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no matching event within {timeout} s; saw {self.seen!r}")
            try:
                event = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(event)
            if match(event):
                return event
