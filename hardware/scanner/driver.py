"""The serial 2D scanner: CR / LF terminated codes read with pyserial's `serial_for_url`.

Customer-presented payment codes (Kakao Pay, Naver Pay, ZeroPay) and coupons arrive here. The driver
runs on a `DeviceWorker`; the listener gets a `CodeScanned` per code and `HealthEvent`s.

Real scanners and real cables produce junk: half a code when the customer pulls the phone away,
noise when the port opens, and bytes that decode to nothing when the baud rate is wrong. A line with
control characters or bytes that are not UTF-8 is dropped and reported (health degraded, "check the
baud rate"); a partial line that is not finished within `partial_timeout` is dropped, so it never
merges with the next code; the next good code sets health back to ok. When the port disappears
(USB unplugged, pty closed) the worker reconnects with backoff.

The codes themselves may be one-time payment tokens: they are never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import serial

from hardware.worker import DeviceLost
from kiosk.devices.health import Health, HealthEvent
from kiosk.devices.scanner import CodeScanned
from kiosk.ports import Clock, SystemClock

log = logging.getLogger(__name__)

MAX_CODE = 4096  # longer than any QR payload a scanner sends in one line


class ScannerUrlError(ValueError):
    pass


class SerialScannerDriver:
    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        clock: Clock | None = None,
        device: str = "scanner",
        partial_timeout: float = 0.3,
        opener: Callable[..., Any] = serial.serial_for_url,
    ) -> None:
        self.url = url
        self.baudrate = baudrate
        self._clock = clock or SystemClock()
        self._device = device
        self._partial_timeout = partial_timeout
        self._opener = opener
        self._port: Any = None  # a pyserial port (its stubs lack in_waiting on SerialBase)
        self._buffer = bytearray()
        self._last_byte = 0.0
        self._degraded = False
        self.dropped = 0  # lines dropped as garbage or partial, for the self-test screen

    def open(self) -> None:
        try:
            self._port = self._opener(self.url, baudrate=self.baudrate, timeout=0.1)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceLost(
                "port_missing",
                f"스캐너 포트({self.url})를 열 수 없습니다. USB 케이블과 설정의 scanner.url 을 확인하세요. ({exc})",
            ) from None
        self._buffer.clear()
        self._degraded = False

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            port.close()

    def interrupt(self) -> None:
        port = self._port
        if port is not None and hasattr(port, "cancel_read"):
            try:
                port.cancel_read()
            except Exception:
                pass  # best effort: the poll timeout bounds the wait

    def poll(self, timeout: float) -> Sequence[object]:
        port = self._port
        if port is None:
            raise DeviceLost("port_closed", "스캐너 연결이 끊겼습니다.")
        try:
            port.timeout = timeout
            data = port.read(max(1, port.in_waiting))
            if data and port.in_waiting:
                data += port.read(port.in_waiting)
        except (serial.SerialException, OSError) as exc:
            raise DeviceLost(
                "port_closed", f"스캐너 연결이 끊겼습니다. USB 케이블을 확인하세요. ({exc.__class__.__name__})"
            ) from None
        received = self._clock.monotonic()
        events: list[object] = []
        if self._buffer and received - self._last_byte > self._partial_timeout:
            # The rest of that code is not coming: drop it rather than glue it to the next code.
            self._buffer.clear()
            events.append(self._garbage("partial_code", "스캐너에서 잘린 코드가 들어왔습니다. 다시 스캔해 주세요."))
        if data:
            self._last_byte = received
            self._buffer += data
        while True:
            cut = min((i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0), default=-1)
            if cut < 0:
                break
            line = bytes(self._buffer[:cut])
            del self._buffer[: cut + 1]
            if line:
                self._line(line, received, events)
        if len(self._buffer) > MAX_CODE:
            self._buffer.clear()
            events.append(self._garbage("garbled_input", self._baud_message()))
        return events

    def _baud_message(self) -> str:
        return (
            "스캐너에서 알 수 없는 데이터가 들어옵니다. 스캐너의 통신 속도를 "
            f"설정(scanner.baudrate = {self.baudrate})과 맞추거나 스캐너를 USB-CDC 모드로 설정하세요."
        )

    def _line(self, line: bytes, received: float, events: list[object]) -> None:
        try:
            code = line.decode("utf-8")
        except UnicodeDecodeError:
            events.append(self._garbage("garbled_input", self._baud_message()))
            return
        if not code.isprintable():
            events.append(self._garbage("garbled_input", self._baud_message()))
            return
        if self._degraded:
            self._degraded = False
            events.append(HealthEvent(self._device, Health.OK, "reading", "스캐너 정상", self._clock.now()))
        events.append(CodeScanned(self._device, code, self._clock.now(), received))

    def _garbage(self, detail: str, message: str) -> HealthEvent:
        self.dropped += 1
        self._degraded = True
        log.warning("scanner: dropped unreadable input (%s)", detail)  # never the bytes: they may be a code
        return HealthEvent(self._device, Health.DEGRADED, detail, message, self._clock.now())
