"""The sync worker thread: runs sync rounds in the background so selling never waits for the network.

After a failure it waits a random time up to an exponentially growing cap ("full jitter"), so a fleet
that lost its network at the same moment does not come back in lock-step. `wake()` starts a round now
(after a sale, say); `stop()` ends the thread promptly.
"""

from __future__ import annotations

import logging
import random
import threading

from kiosk.sync.errors import BundleError, NotEnrolled, SyncError
from kiosk.sync.service import SyncService
from kiosk.sync.state import SyncStatus

log = logging.getLogger(__name__)


class SyncWorker:
    def __init__(
        self,
        service: SyncService,
        *,
        interval: float = 10.0,
        backoff_base: float = 1.0,
        backoff_cap: float = 300.0,
        rng: random.Random | None = None,
    ) -> None:
        self.service = service
        self.interval = interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._rng = rng or random.Random()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.rounds = 0

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sync worker is already running")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError("the sync worker did not stop in time")
            self._thread = None
        self.service.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wake(self) -> None:
        self._wake.set()

    def status(self) -> SyncStatus:
        return self.service.status()

    def next_delay(self) -> float:
        if self.failures == 0:
            return self.interval
        cap = min(self.backoff_cap, self.backoff_base * 2 ** min(self.failures, 30))
        return self._rng.uniform(0, cap)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.service.sync_once()
                self.failures = 0
            except (NotEnrolled, BundleError):
                self.failures = 0  # nothing a quick retry can fix; keep the normal pace
            except SyncError as exc:
                self.failures += 1
                log.info("sync round failed (%s); retrying with backoff", exc)
            except Exception as exc:  # a bug or a bad key file must not kill the thread: selling goes on
                self.failures += 1
                log.exception("sync round crashed")
                try:
                    self.service.record_error(f"{type(exc).__name__}: {exc}")
                except Exception:
                    log.exception("could not record the sync error")
            self.rounds += 1
            if self._stop.is_set():
                break
            self._wake.wait(self.next_delay())
            self._wake.clear()
