"""The serial 2D scanner over a real pty: whole codes, garbage, partial lines, unplug and replug."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hardware.scanner import PtyScanner, ScannerService, build_scanner
from hardware.worker import Backoff
from kiosk.devices.health import Health, HealthEvent
from kiosk.devices.scanner import CodeScanned
from tests.devices.nfc_helpers import Events

KAKAO_LIKE = "281006012345678901"  # an 18-digit one-time payment code shape


def _code(e: object) -> bool:
    return isinstance(e, CodeScanned)


def _health(health: Health, detail: str | None = None) -> Callable[[object], bool]:
    return lambda e: isinstance(e, HealthEvent) and e.health is health and (detail is None or e.detail == detail)


@pytest.fixture
def scanner(tmp_path: Path) -> Iterator[tuple[ScannerService, PtyScanner, Events]]:
    events = Events()
    service = build_scanner(
        "sim://",
        listener=events.put,
        backoff=Backoff(initial=0.05, maximum=0.2, rng=random.Random(5)),
        poll_timeout=0.2,
        simulator_dir=str(tmp_path / "dev"),
    )
    assert service.simulator is not None
    service.start()
    try:
        events.wait_for(_health(Health.OK))
        yield service, service.simulator, events
    finally:
        service.stop()


def test_codes_arrive_whole_with_cr_lf_or_crlf(scanner: tuple[ScannerService, PtyScanner, Events]) -> None:
    _, sim, events = scanner
    sim.scan(KAKAO_LIKE, b"\r")
    sim.scan("https://qr.example/한결?o=42", b"\n")
    sim.scan("ZP-0001", b"\r\n")
    codes = [events.wait_for(_code).code for _ in range(3)]
    assert codes == [KAKAO_LIKE, "https://qr.example/한결?o=42", "ZP-0001"]


def test_a_code_split_over_several_writes_is_one_code(scanner: tuple[ScannerService, PtyScanner, Events]) -> None:
    _, sim, events = scanner
    sim.send(KAKAO_LIKE[:7].encode())
    sim.send(KAKAO_LIKE[7:].encode() + b"\r\n")
    assert events.wait_for(_code).code == KAKAO_LIKE


def test_garbage_and_wrong_baud_noise_are_reported_and_never_merge_codes(
    scanner: tuple[ScannerService, PtyScanner, Events],
) -> None:
    service, sim, events = scanner
    sim.send(b"\xf8\x80\x1e\xfe\x00\xe0\x9c\r\n")  # what 9600-baud data looks like read at 115200
    degraded = events.wait_for(_health(Health.DEGRADED, "garbled_input"))
    assert "통신 속도" in degraded.message and "9600" in degraded.message
    sim.scan("1111")
    assert events.wait_for(_code).code == "1111"
    assert service.health is Health.OK  # a good code after garbage: back to ok
    assert any(_health(Health.OK, "reading")(e) for e in events.seen)
    sim.send(b"22")  # half a code, then nothing: must not glue onto the next one
    events.wait_for(_health(Health.DEGRADED, "partial_code"))
    sim.scan("3333")
    assert events.wait_for(_code).code == "3333"
    assert [e.code for e in events.seen if isinstance(e, CodeScanned)] == ["1111", "3333"]
    assert service.worker.driver.dropped == 2


def test_unplugged_scanner_is_lost_then_back_after_replug(scanner: tuple[ScannerService, PtyScanner, Events]) -> None:
    service, sim, events = scanner
    sim.close()
    lost = events.wait_for(_health(Health.LOST))
    assert "스캐너" in lost.message
    sim.open()
    events.wait_for(_health(Health.OK))
    sim.scan("after-replug")
    assert events.wait_for(_code).code == "after-replug"
    assert service.health is Health.OK


def test_a_missing_port_is_reported_with_what_to_do(tmp_path: Path) -> None:
    events = Events()
    service = build_scanner(str(tmp_path / "ttyACM9"), listener=events.put, backoff=Backoff(initial=0.05, maximum=0.1))
    service.start()
    try:
        lost = events.wait_for(_health(Health.LOST, "port_missing"))
    finally:
        service.stop()
    assert "scanner.url" in lost.message
