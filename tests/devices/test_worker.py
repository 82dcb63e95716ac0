"""The generic device worker: commands with ids and timeouts, reconnect with backoff, health, clean stop."""

from __future__ import annotations

import queue
import random
import threading
from collections.abc import Sequence

import pytest

from hardware.worker import (
    Backoff,
    DeviceLost,
    DeviceUnavailable,
    DeviceWorker,
    PassiveDriver,
    RequestTimeout,
    WorkerStopped,
)
from kiosk.devices.health import Health, HealthEvent


class FlakyDevice(PassiveDriver):
    """A device the test plugs and unplugs: open fails while unplugged, poll reports loss."""

    def __init__(self) -> None:
        super().__init__()
        self.plugged = threading.Event()
        self.plugged.set()
        self.opened = 0
        self.closed = 0
        self.readings: queue.SimpleQueue[str] = queue.SimpleQueue()

    def open(self) -> None:
        if not self.plugged.is_set():
            raise DeviceLost("unplugged", "장치를 연결하세요")
        self.opened += 1

    def close(self) -> None:
        self.closed += 1

    def poll(self, timeout: float) -> Sequence[object]:
        if not self.plugged.is_set():
            raise DeviceLost("unplugged", "장치를 연결하세요")
        try:
            return [self.readings.get(timeout=min(timeout, 0.05))]
        except queue.Empty:
            return super().poll(0)

    def echo(self, text: str) -> str:
        return text.upper()


def _health(events: queue.SimpleQueue[object], timeout: float = 5.0) -> HealthEvent:
    while True:
        ev = events.get(timeout=timeout)
        if isinstance(ev, HealthEvent):
            return ev


def fast_backoff() -> Backoff:
    return Backoff(initial=0.01, maximum=0.05, rng=random.Random(1))


def test_commands_run_on_the_worker_thread_with_ids() -> None:
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    worker = DeviceWorker("dev", FlakyDevice(), listener=events.put, backoff=fast_backoff())
    worker.start()
    try:
        assert _health(events).health is Health.OK
        a = worker.submit(lambda d: (d.echo("a"), threading.current_thread().name), timeout=2)
        b = worker.submit(lambda d: d.echo("b"), timeout=2)
        assert a.id != b.id
        assert a.result() == ("A", "device-dev")
        assert b.result() == "B"
        with pytest.raises(ZeroDivisionError):
            worker.call(lambda d: 1 // 0, timeout=2)
        worker.driver.readings.put("reading-1")
        assert events.get(timeout=2) == "reading-1"
    finally:
        worker.stop()
    assert worker.driver.closed >= 1


def test_a_request_that_timed_out_in_the_queue_is_never_started() -> None:
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    worker = DeviceWorker("dev", FlakyDevice(), listener=events.put, backoff=fast_backoff())
    worker.start()
    release = threading.Event()
    ran: list[str] = []
    try:
        _health(events)
        blocker = worker.submit(lambda d: release.wait(5), timeout=5)
        late = worker.submit(lambda d: ran.append("late"), timeout=0.05)
        with pytest.raises(RequestTimeout):
            late.result()
        release.set()
        assert blocker.result() is True
        worker.call(lambda d: None, timeout=2)  # the queue has been worked through
        assert ran == []
    finally:
        release.set()
        worker.stop()


def test_unplug_reports_lost_fails_requests_and_replug_reports_ok() -> None:
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    device = FlakyDevice()
    worker = DeviceWorker("scanner", device, listener=events.put, backoff=fast_backoff())
    worker.start()
    try:
        assert _health(events).health is Health.OK
        device.plugged.clear()
        device.interrupt()
        lost = _health(events)
        assert (lost.device, lost.health, lost.detail) == ("scanner", Health.LOST, "unplugged")
        with pytest.raises(DeviceUnavailable):
            worker.call(lambda d: d.echo("x"), timeout=2)
        device.plugged.set()
        back = _health(events)
        assert back.health is Health.OK
        assert worker.call(lambda d: d.echo("x"), timeout=2) == "X"
        assert device.opened == 2
    finally:
        worker.stop()


def test_stop_fails_queued_requests_and_refuses_new_ones() -> None:
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    worker = DeviceWorker("dev", FlakyDevice(), listener=events.put, backoff=fast_backoff())
    worker.start()
    _health(events)
    release = threading.Event()
    worker.submit(lambda d: release.wait(5), timeout=5)
    queued = worker.submit(lambda d: "never", timeout=5)
    stopper = threading.Thread(target=worker.stop)
    stopper.start()
    release.set()
    stopper.join(5)
    with pytest.raises(WorkerStopped):
        queued.result()
    with pytest.raises(WorkerStopped):
        worker.submit(lambda d: "x", timeout=1).result()


def test_backoff_grows_to_its_cap_with_jitter_and_resets() -> None:
    b = Backoff(initial=0.1, maximum=1.0, factor=2.0, jitter=0.2, rng=random.Random(7))
    delays = [b.next_delay() for _ in range(8)]
    assert 0.08 <= delays[0] <= 0.12
    assert all(0.8 <= d <= 1.2 for d in delays[4:])
    assert len({round(d, 6) for d in delays[4:]}) > 1  # jitter: not in lock-step
    b.reset()
    assert b.next_delay() <= 0.12


def test_a_failing_listener_does_not_kill_the_worker() -> None:
    seen: list[object] = []

    def listener(ev: object) -> None:
        seen.append(ev)
        raise RuntimeError("listener bug")

    worker = DeviceWorker("dev", FlakyDevice(), listener=listener, backoff=fast_backoff())
    worker.start()
    try:
        assert worker.call(lambda d: d.echo("ok"), timeout=2) == "OK"
        assert any(isinstance(e, HealthEvent) and e.health is Health.OK for e in seen)
    finally:
        worker.stop()
