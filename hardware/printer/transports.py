"""Byte pipes to a printer, chosen by URL: tcp://, serial://, usb://, file://, sim:// (in-process).

Constructors do no I/O; `open()` connects. `read_one` returns None when nothing arrived in time, and
`readable` False means the pipe cannot carry status back (then status is unknown, never "fine").
"""

from __future__ import annotations

import select
import socket
import threading
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit


class TransportError(OSError):
    """The printer connection failed or dropped; the message says what to check."""


class Transport(Protocol):
    readable: bool

    def open(self) -> None: ...
    def close(self) -> None: ...
    def write(self, data: bytes) -> None: ...
    def read_one(self, timeout: float) -> int | None: ...
    def discard_input(self) -> None: ...


class TcpTransport:
    readable = True

    def __init__(self, host: str, port: int, connect_timeout: float = 3.0, write_timeout: float = 30.0) -> None:
        self.host, self.port = host, port
        self.connect_timeout, self.write_timeout = connect_timeout, write_timeout
        self._sock: socket.socket | None = None

    def open(self) -> None:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise TransportError(
                f"프린터 {self.host}:{self.port}에 연결할 수 없습니다 ({exc}). 전원과 네트워크를 확인하세요."
            ) from None
        sock.settimeout(self.write_timeout)
        self._sock = sock

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _s(self) -> socket.socket:
        if self._sock is None:
            raise TransportError("printer connection is not open")
        return self._sock

    def write(self, data: bytes) -> None:
        try:
            self._s().sendall(data)
        except OSError as exc:
            raise TransportError(f"프린터 연결이 끊어졌습니다 ({exc})") from None

    def read_one(self, timeout: float) -> int | None:
        s = self._s()
        ready, _, _ = select.select([s], [], [], timeout)
        if not ready:
            return None
        try:
            data = s.recv(1)
        except OSError as exc:
            raise TransportError(f"프린터 연결이 끊어졌습니다 ({exc})") from None
        if not data:
            raise TransportError("프린터가 연결을 끊었습니다. 전원과 케이블을 확인하세요.")
        return data[0]

    def discard_input(self) -> None:
        s = self._s()
        while select.select([s], [], [], 0)[0]:
            try:
                if not s.recv(4096):
                    raise TransportError("프린터가 연결을 끊었습니다. 전원과 케이블을 확인하세요.")
            except OSError as exc:
                raise TransportError(f"프린터 연결이 끊어졌습니다 ({exc})") from None


class SerialTransport:
    readable = True

    def __init__(self, port: str, baudrate: int = 9600, **options: Any) -> None:
        self.port, self.baudrate, self.options = port, baudrate, options
        self._ser: Any = None

    def open(self) -> None:
        import serial  # pyserial; imported here so the module loads on machines without it

        try:
            self._ser = serial.serial_for_url(
                self.port, baudrate=self.baudrate, timeout=0, write_timeout=120, **self.options
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise TransportError(
                f"직렬 포트 {self.port}를 열 수 없습니다 ({exc}). 케이블과 포트 이름을 확인하세요."
            ) from None

    def close(self) -> None:
        if self._ser is not None:
            self._ser.close()
            self._ser = None

    def write(self, data: bytes) -> None:
        try:
            self._ser.write(data)
            self._ser.flush()
        except Exception as exc:
            raise TransportError(f"직렬 포트 쓰기 실패 ({exc})") from None

    def read_one(self, timeout: float) -> int | None:
        try:
            self._ser.timeout = timeout
            data: bytes = self._ser.read(1)
        except Exception as exc:
            raise TransportError(f"직렬 포트 읽기 실패 ({exc})") from None
        return data[0] if data else None

    def discard_input(self) -> None:
        try:
            self._ser.reset_input_buffer()
        except Exception as exc:
            raise TransportError(f"직렬 포트 오류 ({exc})") from None


class FileTransport:
    """A device node such as /dev/usb/lp0 (or a plain file): write-only, so status is unknown."""

    readable = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self._f: Any = None

    def open(self) -> None:
        try:
            self._f = self.path.open("ab", buffering=0)
        except OSError as exc:
            raise TransportError(
                f"{self.path}를 열 수 없습니다 ({exc.strerror}). 장치 연결과 권한을 확인하세요."
            ) from None

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None

    def write(self, data: bytes) -> None:
        try:
            self._f.write(data)
        except OSError as exc:
            raise TransportError(f"{self.path} 쓰기 실패 ({exc.strerror})") from None

    def read_one(self, timeout: float) -> int | None:
        return None

    def discard_input(self) -> None:
        pass


class UsbTransport:
    """A USB printer by vendor:product id (pyusb, optional: `pip install pyusb` on kiosks that need it)."""

    readable = True

    def __init__(self, vendor: int, product: int) -> None:
        self.vendor, self.product = vendor, product
        self._dev: Any = None
        self._out: Any = None
        self._in: Any = None
        self._pending = bytearray()

    def open(self) -> None:
        try:
            import usb.core  # optional dependency
            import usb.util
        except ImportError:
            raise TransportError("USB 프린터에는 pyusb가 필요합니다: .venv/bin/pip install pyusb") from None
        dev = usb.core.find(idVendor=self.vendor, idProduct=self.product)
        if dev is None:
            raise TransportError(
                f"USB 프린터 {self.vendor:04x}:{self.product:04x}를 찾을 수 없습니다. 케이블과 전원을 확인하세요."
            )
        try:
            if dev.is_kernel_driver_active(0):
                dev.detach_kernel_driver(0)
            dev.set_configuration()
        except Exception:  # already configured by another process: try to use it anyway
            pass
        intf = dev.get_active_configuration()[(0, 0)]

        def find(direction: int) -> Any:
            return usb.util.find_descriptor(
                intf, custom_match=lambda e: usb.util.endpoint_direction(e.bEndpointAddress) == direction
            )

        self._dev, self._out, self._in = dev, find(usb.util.ENDPOINT_OUT), find(usb.util.ENDPOINT_IN)
        if self._out is None:
            raise TransportError("USB 프린터의 출력 엔드포인트를 찾을 수 없습니다")
        self.readable = self._in is not None

    def close(self) -> None:
        self._dev = self._out = self._in = None

    def write(self, data: bytes) -> None:
        try:
            self._out.write(data, timeout=30000)
        except Exception as exc:
            raise TransportError(f"USB 쓰기 실패 ({exc})") from None

    def read_one(self, timeout: float) -> int | None:
        if self._pending:
            return self._pending.pop(0)
        try:
            data = self._in.read(self._in.wMaxPacketSize, timeout=max(1, int(timeout * 1000)))
        except Exception:
            return None
        self._pending += bytes(data)
        return self._pending.pop(0) if self._pending else None

    def discard_input(self) -> None:
        self._pending.clear()


class LoopTransport:
    """In-process pipe to a simulator object with `feed(bytes) -> bytes` (the `sim://` printer)."""

    readable = True

    def __init__(self, device: Any) -> None:
        self.device = device
        self._replies = bytearray()
        self._cond = threading.Condition()
        self._open = False

    def open(self) -> None:
        self.device.connect()
        self._open = True

    def close(self) -> None:
        if self._open:
            self._open = False
            self.device.disconnect()

    def write(self, data: bytes) -> None:
        if not self._open:
            raise TransportError("printer connection is not open")
        reply = self.device.feed(data)
        with self._cond:
            self._replies += reply
            self._cond.notify_all()

    def read_one(self, timeout: float) -> int | None:
        with self._cond:
            if not self._replies:
                self._cond.wait(timeout)
            return self._replies.pop(0) if self._replies else None

    def discard_input(self) -> None:
        with self._cond:
            self._replies.clear()


def transport_for_url(url: str, sim: Any = None) -> Transport:
    """tcp://host:9100, serial:///dev/ttyUSB0?baudrate=115200, usb://04b8:0202, file:///dev/usb/lp0,
    sim:// (needs the in-process simulator `sim`). ValueError with what to write for anything else."""
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    scheme = parts.scheme
    if scheme == "tcp":
        if not parts.hostname:
            raise ValueError(f"{url!r}: write tcp://HOST:9100")
        return TcpTransport(parts.hostname, parts.port or 9100)
    if scheme == "serial":
        path = parts.path or parts.netloc
        if not path:
            raise ValueError(f"{url!r}: write serial:///dev/ttyUSB0?baudrate=115200")
        try:
            baud = int(query.get("baudrate", "9600"))
        except ValueError:
            raise ValueError(f"{url!r}: baudrate must be a number such as 9600 or 115200") from None
        return SerialTransport(path, baud)
    if scheme == "usb":
        try:
            vendor, product = (int(x, 16) for x in parts.netloc.split(":"))
        except ValueError:
            raise ValueError(f"{url!r}: write usb://VENDOR:PRODUCT in hex, e.g. usb://04b8:0202") from None
        return UsbTransport(vendor, product)
    if scheme == "file":
        if not parts.path:
            raise ValueError(f"{url!r}: write file:///dev/usb/lp0")
        return FileTransport(Path(parts.path))
    if scheme == "sim":
        if sim is None:
            raise ValueError("sim:// needs the in-process printer simulator")
        return LoopTransport(sim)
    raise ValueError(
        f"unknown printer URL {url!r}; use tcp://HOST:9100, serial:///dev/ttyUSB0?baudrate=115200, "
        "usb://04b8:0202, file:///dev/usb/lp0 or sim://"
    )
