"""One worker thread per device: commands with ids and timeouts, reconnect with backoff, health events.

Every device driver (printer, NFC reader, scanner, card terminal) runs on its own `DeviceWorker`, so
device I/O never happens on the GUI thread and a hung or unplugged device never blocks anything else.

The API is small:

* A driver implements `DeviceDriver`:

  - ``open()`` / ``close()`` — connect / disconnect; raise any exception (ideally `DeviceLost`) if the
    device is not there. Constructors do no I/O.
  - ``poll(timeout)`` — wait up to ``timeout`` seconds for input from the device and return the events it
    produced (any objects; a `kiosk.devices.health.HealthEvent` among them updates the worker's health,
    e.g. "paper near end" → degraded). Raise `DeviceLost` when the device went away.
  - ``interrupt()`` — called from another thread to make a blocking ``poll`` return early (a command
    arrived or the worker stops). Drivers with nothing to poll subclass `PassiveDriver`, whose ``poll``
    just waits for ``interrupt``.

* ``worker = DeviceWorker("printer", driver, listener=events.put)`` then ``worker.start()``.
  The listener receives, on the worker thread, every driver event and a `HealthEvent` whenever the
  health changes (unknown → ok, ok → lost, lost → ok ...). It must return quickly (``queue.put`` is
  the usual choice); its exceptions are logged and ignored.

* ``request = worker.submit(lambda drv: drv.print(job), timeout=10)`` runs the function on the worker
  thread with the open driver and returns a `Request` with an ``id``; ``request.result()`` waits for
  the value (re-raising the function's exception) or raises `RequestTimeout` once the request's
  timeout has passed. A request whose timeout passed before the worker got to it is never started
  (so a print job that timed out is not printed late); one that is already running finishes. A request
  made while the device is down fails at once with `DeviceUnavailable`. ``worker.call(fn, timeout)``
  is ``submit(...).result()``.

* Reconnect: when ``open`` fails, or ``poll`` / a command raises `DeviceLost` (any other exception from
  ``poll`` counts as lost too), the worker closes the driver, reports ``lost`` and tries ``open`` again
  after an exponential backoff with jitter (`Backoff`), until it succeeds (→ ``ok``) or the worker stops.

* ``worker.stop()`` wakes the thread, fails queued requests with `WorkerStopped`, closes the driver on
  the worker thread and joins it. ``worker.health`` is the current `Health`.
"""

from __future__ import annotations

import itertools
import logging
import queue
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from kiosk.devices.health import Health, HealthEvent
from kiosk.ports import Clock, SystemClock

log = logging.getLogger(__name__)

T = TypeVar("T")
D = TypeVar("D", bound="DeviceDriver")

Listener = Callable[[object], None]


class DeviceLost(Exception):
    """The device went away (unplugged, service stopped, port closed). The worker reconnects."""

    def __init__(self, detail: str, message: str = "") -> None:
        super().__init__(message or detail)
        self.detail = detail  # machine-readable, e.g. "port_closed", "service_stopped"
        self.message = message or detail  # plain words for staff


class DeviceUnavailable(Exception):
    """A request was made while the device is not connected."""


class RequestTimeout(Exception):
    """The request's timeout passed before it finished."""


class WorkerStopped(Exception):
    """The worker was stopped before the request ran."""


class DeviceDriver(Protocol):
    def open(self) -> None: ...

    def close(self) -> None: ...

    def poll(self, timeout: float) -> Sequence[object]: ...

    def interrupt(self) -> None: ...


class PassiveDriver:
    """Base for drivers that only answer commands: ``poll`` waits until interrupted and reports nothing."""

    def __init__(self) -> None:
        self._wake = threading.Event()

    def poll(self, timeout: float) -> Sequence[object]:
        self._wake.wait(timeout)
        self._wake.clear()
        return ()

    def interrupt(self) -> None:
        self._wake.set()


@dataclass
class Backoff:
    """Exponential backoff with jitter: initial, initial*factor, ... capped at maximum, each ± jitter."""

    initial: float = 0.2
    maximum: float = 10.0
    factor: float = 2.0
    jitter: float = 0.2  # fraction of the delay, spread both ways, so a fleet does not retry in step
    rng: random.Random = field(default_factory=random.Random)
    _attempt: int = 0

    def next_delay(self) -> float:
        base = min(self.maximum, self.initial * self.factor**self._attempt)
        self._attempt += 1
        return max(0.0, base * (1.0 + self.rng.uniform(-self.jitter, self.jitter)))

    def reset(self) -> None:
        self._attempt = 0


class Request(Generic[T]):
    """One command for the device. ``id`` is unique per worker; ``result()`` waits for the outcome."""

    def __init__(self, request_id: str, fn: Callable[[Any], T], timeout: float, clock: Clock) -> None:
        self.id = request_id
        self._fn = fn
        self._clock = clock
        self.deadline = clock.monotonic() + timeout
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._started = False
        self._cancelled = False
        self._value: T | None = None
        self._error: BaseException | None = None

    def done(self) -> bool:
        return self._done.is_set()

    def result(self, timeout: float | None = None) -> T:
        """Wait up to ``timeout`` (default: until the request's own deadline) and return or raise."""
        wait = self.deadline - self._clock.monotonic() if timeout is None else timeout
        if not self._done.wait(max(0.0, wait)):
            with self._lock:
                if not self._started:
                    self._cancelled = True  # never start it late
            if not self._done.is_set():
                raise RequestTimeout(f"request {self.id} did not finish in time")
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    # worker side
    def _claim(self) -> bool:
        with self._lock:
            if self._cancelled or self._clock.monotonic() > self.deadline:
                self._cancelled = True
                return False
            self._started = True
            return True

    def _run(self, driver: object) -> None:
        try:
            self._value = self._fn(driver)
        except BaseException as exc:  # handed to the caller
            self._error = exc
        self._done.set()

    def _fail(self, error: BaseException) -> None:
        self._error = error
        self._done.set()


class DeviceWorker(Generic[D]):
    """Runs one driver on one thread. See the module docstring for the contract."""

    def __init__(
        self,
        name: str,
        driver: D,
        *,
        listener: Listener,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
        poll_timeout: float = 0.5,
    ) -> None:
        self.name = name
        self.driver = driver
        self._listener = listener
        self._clock = clock or SystemClock()
        self._backoff = backoff or Backoff()
        self._poll_timeout = poll_timeout
        self._commands: queue.SimpleQueue[Request[Any] | None] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected = False
        self.health = Health.UNKNOWN
        self._detail = ""

    # -- caller side -------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.name} worker already started")
        self._thread = threading.Thread(target=self._run, name=f"device-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._commands.put(None)
        self._interrupt()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("%s worker did not stop within %.1f s", self.name, timeout)

    @property
    def connected(self) -> bool:
        return self._connected

    def submit(self, fn: Callable[[D], T], *, timeout: float = 10.0) -> Request[T]:
        request: Request[T] = Request(f"{self.name}-{next(self._ids)}", fn, timeout, self._clock)
        if self._stopping.is_set():
            request._fail(WorkerStopped(f"{self.name} is stopped"))
            return request
        self._commands.put(request)
        self._interrupt()
        return request

    def call(self, fn: Callable[[D], T], *, timeout: float = 10.0) -> T:
        return self.submit(fn, timeout=timeout).result()

    # -- worker thread -----------------------------------------------------------------------------------
    def _interrupt(self) -> None:
        try:
            self.driver.interrupt()
        except Exception:  # interrupt is best effort; the poll timeout bounds the delay anyway
            log.debug("%s: interrupt failed", self.name, exc_info=True)

    def _emit(self, event: object) -> None:
        if isinstance(event, HealthEvent):
            if (event.health, event.detail) == (self.health, self._detail):
                return
            self.health, self._detail = event.health, event.detail
        try:
            self._listener(event)
        except Exception:
            log.exception("%s: event listener failed", self.name)

    def _set_health(self, health: Health, detail: str, message: str) -> None:
        self._emit(HealthEvent(self.name, health, detail, message, self._clock.now()))

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                if not self._connected:
                    self._connect_or_wait()
                else:
                    self._serve()
        finally:
            if self._connected:
                self._disconnect()
            self._fail_pending(WorkerStopped(f"{self.name} stopped"))

    def _connect_or_wait(self) -> None:
        try:
            self.driver.open()
        except Exception as exc:
            detail = exc.detail if isinstance(exc, DeviceLost) else "open_failed"
            message = exc.message if isinstance(exc, DeviceLost) else f"{self.name}: 연결할 수 없습니다 ({exc})"
            self._safe_close()
            self._set_health(Health.LOST, detail, message)
            self._wait_for_retry(self._backoff.next_delay())
            return
        self._connected = True
        self._backoff.reset()
        self._set_health(Health.OK, "connected", f"{self.name}: 연결됨")

    def _wait_for_retry(self, delay: float) -> None:
        """Sleep until the next open attempt, failing requests that arrive meanwhile (device is down)."""
        end = self._clock.monotonic() + delay
        while not self._stopping.is_set():
            left = end - self._clock.monotonic()
            if left <= 0:
                return
            try:
                request = self._commands.get(timeout=min(left, 0.5))
            except queue.Empty:
                continue
            if request is None:
                return
            request._fail(DeviceUnavailable(f"{self.name} is not connected ({self._detail})"))

    def _serve(self) -> None:
        # Commands first, so a busy device stream never starves callers.
        while True:
            try:
                request = self._commands.get_nowait()
            except queue.Empty:
                break
            if request is None or self._stopping.is_set():
                return
            if not request._claim():
                request._fail(RequestTimeout(f"request {request.id} timed out before it started"))
                continue
            request._run(self.driver)
            if isinstance(request._error, DeviceLost):
                self._lost(request._error)
                return
        try:
            events = self.driver.poll(self._poll_timeout)
        except DeviceLost as exc:
            self._lost(exc)
            return
        except Exception as exc:
            log.warning("%s: poll failed: %s", self.name, exc)
            self._lost(DeviceLost("poll_failed", f"{self.name}: 장치 오류 ({exc.__class__.__name__})"))
            return
        for event in events:
            self._emit(event)

    def _lost(self, exc: DeviceLost) -> None:
        self._disconnect()
        self._set_health(Health.LOST, exc.detail, exc.message)
        self._wait_for_retry(self._backoff.next_delay())

    def _disconnect(self) -> None:
        self._connected = False
        self._safe_close()

    def _safe_close(self) -> None:
        try:
            self.driver.close()
        except Exception:
            log.debug("%s: close failed", self.name, exc_info=True)

    def _fail_pending(self, error: BaseException) -> None:
        while True:
            try:
                request = self._commands.get_nowait()
            except queue.Empty:
                return
            if request is not None:
                request._fail(error)
