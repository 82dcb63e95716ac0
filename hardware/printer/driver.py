"""The receipt printer driver: a `DeviceDriver` for the shared per-device worker (hardware/worker.py),
and `EscPosPrinter`, the `PrinterPort` the core uses.

Status is checked before every job (a printer out of paper would otherwise buffer the job and print it
after a reprint: twice) and after it (the paper may have run out mid-job; the check comes after the
data, never inside image data). Job ids already printed are skipped, so a retried job never prints
twice. A job that fails raises `DeviceLost`, which makes the worker reconnect and report the health.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any

from hardware.printer.profiles import PrinterProfile
from hardware.printer.renderer import DRAWER_KICK, Renderer
from hardware.printer.status import PrinterStatus, query_status
from hardware.printer.transports import Transport, TransportError, transport_for_url
from hardware.worker import (
    Backoff,
    DeviceLost,
    DeviceUnavailable,
    DeviceWorker,
    PassiveDriver,
    Request,
    RequestTimeout,
    WorkerStopped,
)
from kiosk.devices.health import Health, HealthEvent
from kiosk.ports import Clock, SystemClock
from kiosk.receipts.port import PrintJob, PrintOutcome

log = logging.getLogger(__name__)

NO_REPLY = "프린터가 응답하지 않습니다. 전원, 케이블, 오류 표시등을 확인하세요."


class PrinterDriver(PassiveDriver):
    def __init__(
        self, name: str, transport: Transport, renderer: Renderer, clock: Clock, status_timeout: float = 0.5
    ) -> None:
        super().__init__()
        self.name = name
        self.transport = transport
        self.renderer = renderer
        self.clock = clock
        self.status_timeout = status_timeout
        self.printed: set[str] = set()
        self._interrupted = False

    def open(self) -> None:
        try:
            self.transport.open()
        except TransportError as exc:
            raise DeviceLost("offline", str(exc)) from None
        self._check_ready()

    def close(self) -> None:
        self.transport.close()

    def interrupt(self) -> None:
        self._interrupted = True
        super().interrupt()

    def poll(self, timeout: float) -> Sequence[object]:
        super().poll(timeout)
        if self._interrupted:  # a command is waiting: serve it first
            self._interrupted = False
            return ()
        status = self._check_ready()
        if status is None:
            return ()
        health, detail, message = status.health()
        return (HealthEvent(self.name, health, detail, message, self.clock.now()),)

    def read_status(self) -> PrinterStatus | None:
        if not self.transport.readable:
            return None
        try:
            self.transport.discard_input()
            return query_status(self.transport.write, self.transport.read_one, self.status_timeout)
        except TransportError as exc:
            raise DeviceLost("connection_lost", str(exc)) from None

    def _check_ready(self) -> PrinterStatus | None:
        """The status if the printer can print; DeviceLost otherwise. None for write-only transports."""
        if not self.transport.readable:
            return None
        status = self.read_status()
        if status is None:
            raise DeviceLost("no_reply", NO_REPLY)
        health, detail, message = status.health()
        if health is Health.LOST:
            raise DeviceLost(detail, message)
        return status

    def print(self, job: PrintJob) -> PrintOutcome:
        if job.id in self.printed:
            return PrintOutcome(job.id, True, "duplicate", "이미 인쇄된 작업입니다", duplicate=True)
        self._check_ready()
        data = self.renderer.render(job.document)
        try:
            self.transport.write(data)
        except TransportError as exc:
            raise DeviceLost("connection_lost", f"{exc} 인쇄가 끝나지 않았습니다.") from None
        self._check_ready()  # after the data: did the paper run out or the cover open mid-job?
        self.printed.add(job.id)
        return PrintOutcome(job.id, True, "printed", "인쇄됨")

    def kick_drawer(self) -> None:
        try:
            self.transport.write(DRAWER_KICK)
        except TransportError as exc:
            raise DeviceLost("connection_lost", str(exc)) from None


_Pending = tuple[PrintJob, Request[PrintOutcome], Callable[[PrintOutcome], None]]


class EscPosPrinter:
    """The `PrinterPort` on a real (or simulated) ESC/POS printer. `start()` / `stop()` own two threads:
    the device worker and a completion thread that reports each job's outcome to its callback."""

    def __init__(
        self,
        url: str,
        profile: PrinterProfile,
        *,
        listener: Callable[[object], None] | None = None,
        sim: Any = None,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
        poll_interval: float = 0.5,
        status_timeout: float = 0.5,
        job_timeout: float = 60.0,
        name: str = "printer",
    ) -> None:
        self.clock = clock or SystemClock()
        self.profile = profile
        self.driver = PrinterDriver(name, transport_for_url(url, sim), Renderer(profile), self.clock, status_timeout)
        self._listener = listener
        self.last_health: HealthEvent | None = None
        self.worker: DeviceWorker[PrinterDriver] = DeviceWorker(
            name, self.driver, listener=self._on_event, clock=self.clock, backoff=backoff, poll_timeout=poll_interval
        )
        self.job_timeout = job_timeout
        self._done: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._completer = threading.Thread(target=self._complete, name=f"{name}-jobs", daemon=True)

    def start(self) -> EscPosPrinter:
        self.worker.start()
        self._completer.start()
        return self

    def stop(self) -> None:
        self.worker.stop()
        self._done.put(None)
        if self._completer.is_alive():
            self._completer.join(5)

    def __enter__(self) -> EscPosPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _on_event(self, event: object) -> None:
        if isinstance(event, HealthEvent):
            self.last_health = event
        if self._listener is not None:
            self._listener(event)

    def submit(self, job: PrintJob, on_done: Callable[[PrintOutcome], None]) -> None:
        request = self.worker.submit(lambda drv: drv.print(job), timeout=self.job_timeout)
        self._done.put((job, request, on_done))

    def status(self, timeout: float = 5.0) -> PrinterStatus | None:
        """Blocking status query (CLI, self-test). None = no reply / unknown."""
        return self.worker.call(lambda drv: drv.read_status(), timeout=timeout)

    def kick_drawer(self, timeout: float = 5.0) -> None:
        self.worker.call(lambda drv: drv.kick_drawer(), timeout=timeout)

    def _complete(self) -> None:
        while True:
            item = self._done.get()
            if item is None:
                return
            job, request, on_done = item
            outcome = self._outcome(job, request)
            try:
                on_done(outcome)
            except Exception:
                log.exception("print job %s: completion callback failed", job.id)

    def _outcome(self, job: PrintJob, request: Request[PrintOutcome]) -> PrintOutcome:
        try:
            return request.result()
        except DeviceLost as exc:
            return PrintOutcome(job.id, False, exc.detail, exc.message)
        except DeviceUnavailable:
            h = self.last_health
            if h is not None and h.health is Health.LOST:
                return PrintOutcome(job.id, False, h.detail, h.message)
            return PrintOutcome(
                job.id, False, "offline", "프린터가 연결되어 있지 않습니다. 전원과 케이블을 확인하세요."
            )
        except RequestTimeout:
            return PrintOutcome(job.id, False, "timeout", "프린터가 제시간에 인쇄하지 못했습니다. 프린터를 확인하세요.")
        except WorkerStopped:
            return PrintOutcome(job.id, False, "stopped", "프린터가 정지되었습니다")
        except Exception as exc:  # a bug in rendering must not lose the receipt: it stays pending
            log.exception("print job %s failed", job.id)
            return PrintOutcome(job.id, False, "error", f"인쇄 오류 ({exc.__class__.__name__})")
