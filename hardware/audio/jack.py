"""The earphone jack as the kernel reports it: an evdev device with the switch SW_HEADPHONE_INSERT. Each
`struct input_event` is 24 bytes on 64-bit Linux (timeval: two longs; type, code: u16; value: s32); a jack
change is EV_SW / SW_HEADPHONE_INSERT with value 1 (in) or 0 (out), followed by EV_SYN. `EVIOCGSW` reads the
switches' state at start. No Qt: ui/voice watches `fileno()` with a QSocketNotifier.

The device: `voice.jack_device` in the config ("" finds it by its capabilities under /sys/class/input,
"none" turns it off); tests give a pipe or FIFO that carries events in the same format."""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

INPUT_EVENT = struct.Struct("@llHHi")  # 24 bytes on 64-bit Linux
EV_SYN, EV_SW = 0x00, 0x05
SW_HEADPHONE_INSERT = 0x02
SW_LINEOUT_INSERT = 0x06
SW_JACK_PHYSICAL_INSERT = 0x07
SW_MAX = 0x10
JACK_SWITCHES = (SW_HEADPHONE_INSERT,)


def _ioc_read(nr: int, size: int) -> int:
    """_IOC(_IOC_READ, 'E', nr, size) from <asm-generic/ioctl.h>."""
    return (2 << 30) | (size << 16) | (ord("E") << 8) | nr


EVIOCGSW_LEN = (SW_MAX + 7) // 8 + 1
EVIOCGSW = _ioc_read(0x1B, EVIOCGSW_LEN)


def encode_event(kind: int, code: int, value: int, sec: int = 0, usec: int = 0) -> bytes:
    """One `input_event` as the kernel writes it (for tests and the simulator)."""
    return INPUT_EVENT.pack(sec, usec, kind, code, value)


def jack_change(inserted: bool, sec: int = 0) -> bytes:
    """A plug or unplug as the kernel reports it: the switch event, then the SYN_REPORT."""
    return encode_event(EV_SW, SW_HEADPHONE_INSERT, int(inserted), sec) + encode_event(EV_SYN, 0, 0, sec)


class JackDeviceError(OSError):
    """The configured jack device cannot be opened; `str()` says which and what to do."""


@dataclass
class EvdevJack:
    """Reads jack changes from an evdev fd (or a pipe carrying the same bytes). Implements
    kiosk.voice.ports.EarphoneJack."""

    fd: int
    owns_fd: bool = True
    _buffer: bytes = field(default=b"", repr=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> EvdevJack:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as exc:
            raise JackDeviceError(
                exc.errno,
                f"cannot open the earphone jack device {path}: {exc.strerror}; "
                "check voice.jack_device and that the kiosk user is in the input group",
            ) from None
        return cls(fd)

    def fileno(self) -> int:
        return self.fd

    def inserted_at_start(self) -> bool:
        """EVIOCGSW: whether earphones are in now. A pipe (tests) or a device without switches: False."""
        buf = bytearray(EVIOCGSW_LEN)
        try:
            fcntl.ioctl(self.fd, EVIOCGSW, buf, True)
        except OSError:
            return False
        return any(buf[sw // 8] >> (sw % 8) & 1 for sw in JACK_SWITCHES)

    def read_changes(self) -> list[bool]:
        """The changes readable now. EOFError when the device is gone (a USB sound card unplugged, the
        test's pipe closed): the caller stops watching it."""
        try:
            while True:
                chunk = os.read(self.fd, INPUT_EVENT.size * 64)
                if not chunk:
                    raise EOFError("the earphone jack device closed")
                self._buffer += chunk
                if len(chunk) < INPUT_EVENT.size * 64:
                    break
        except BlockingIOError:
            pass
        except OSError as exc:
            if exc.errno in (errno.ENODEV, errno.EIO):
                raise EOFError(f"the earphone jack device is gone: {exc.strerror}") from None
            if exc.errno not in (errno.EAGAIN, errno.EINTR):
                raise
        return self.feed(b"")

    def feed(self, data: bytes) -> list[bool]:
        """Parse whole events from what has arrived; a partial event waits for the rest."""
        self._buffer += data
        whole = len(self._buffer) - len(self._buffer) % INPUT_EVENT.size
        events, self._buffer = self._buffer[:whole], self._buffer[whole:]
        changes = []
        for _sec, _usec, kind, code, value in INPUT_EVENT.iter_unpack(events):
            if kind == EV_SW and code in JACK_SWITCHES:
                changes.append(bool(value))
        return changes

    def close(self) -> None:
        if self.owns_fd and self.fd >= 0:
            os.close(self.fd)
        self.fd = -1


def find_jack_device(sys_input: Path = Path("/sys/class/input"), dev_input: Path = Path("/dev/input")) -> Path | None:
    """The first event device whose switch capabilities include SW_HEADPHONE_INSERT (the sound card's
    "Headphone Jack" device), or None."""
    for node in sorted(sys_input.glob("event*"), key=lambda p: int(p.name[5:]) if p.name[5:].isdigit() else 0):
        try:
            words = (node / "device" / "capabilities" / "sw").read_text().split()
        except OSError:
            continue
        mask = 0
        for word in words:  # most significant long first
            mask = (mask << 64) | int(word, 16)
        if any(mask >> sw & 1 for sw in JACK_SWITCHES):
            return dev_input / node.name
    return None


def open_jack(setting: str, sys_input: Path = Path("/sys/class/input")) -> EvdevJack | None:
    """The jack from `voice.jack_device`: "" finds it, "none" means no jack, otherwise a path (an event
    device, or a FIFO in tests). None when there is none; JackDeviceError when the configured one fails."""
    if setting.strip().lower() == "none":
        return None
    if setting:
        return EvdevJack.open(setting)
    path = find_jack_device(sys_input)
    if path is None:
        log.info("no earphone jack switch found under %s; voice starts from its key or button", sys_input)
        return None
    return EvdevJack.open(path)
