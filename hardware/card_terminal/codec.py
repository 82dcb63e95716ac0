"""Frame codec and link layer for the STX … ETX + LRC + ACK/NAK family of card-terminal protocols.

A frame is ``STX body ETX LRC`` where LRC is the XOR of every byte after STX up to and including ETX.
The body is a command letter followed by ``key=value`` fields, separated by FS (0x1C), in cp949 (the
terminals' character set for issuer names). The receiver answers every frame with ACK (good) or NAK
(bad checksum, broken frame); the sender retransmits on NAK or when no ACK comes, a few times, then
gives up. Each request carries a sequence number ``n`` so a retransmitted frame is not acted on twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.payments.terminal import TerminalLinkError
from kiosk.ports import Clock

STX = 0x02
ETX = 0x03
EOT = 0x04
ACK = 0x06
NAK = 0x15
FS = 0x1C
MAX_BODY = 1024
ENCODING = "cp949"


class FrameError(ValueError):
    """A frame could not be built (a field with control characters, too long)."""


@dataclass(frozen=True, slots=True)
class Message:
    command: str
    fields: dict[str, str] = field(default_factory=dict)

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key, default)


@dataclass(frozen=True, slots=True)
class Ack:
    pass


@dataclass(frozen=True, slots=True)
class Nak:
    pass


@dataclass(frozen=True, slots=True)
class BadFrame:
    reason: str


Event = Message | Ack | Nak | BadFrame


def lrc(data: bytes) -> int:
    value = 0
    for b in data:
        value ^= b
    return value


def encode(message: Message) -> bytes:
    parts = [message.command, *(f"{k}={v}" for k, v in message.fields.items())]
    for p in parts:
        if any(ord(c) < 0x20 for c in p):
            raise FrameError(f"a frame field may not contain control characters: {p!r}")
    body = b"\x1c".join(p.encode(ENCODING, errors="replace") for p in parts)
    if len(body) > MAX_BODY:
        raise FrameError(f"frame body of {len(body)} bytes exceeds {MAX_BODY}")
    tail = body + bytes([ETX])
    return bytes([STX]) + tail + bytes([lrc(tail)])


def decode_body(body: bytes) -> Message:
    parts = body.split(bytes([FS]))
    command = parts[0].decode(ENCODING, errors="replace")
    fields: dict[str, str] = {}
    for p in parts[1:]:
        key, sep, value = p.decode(ENCODING, errors="replace").partition("=")
        if sep:
            fields[key] = value
    return Message(command, fields)


class FrameDecoder:
    """Incremental decoder: feed bytes as they arrive, get events. Noise between frames is skipped."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._state = "idle"  # idle | body | lrc

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        for b in data:
            if self._state == "idle":
                if b == STX:
                    self._buf.clear()
                    self._state = "body"
                elif b == ACK:
                    events.append(Ack())
                elif b == NAK:
                    events.append(Nak())
                # anything else between frames is line noise: dropped
            elif self._state == "body":
                if b == STX:  # a new frame started before this one ended: the first one is broken
                    events.append(BadFrame("frame interrupted by STX"))
                    self._buf.clear()
                elif b == ETX:
                    self._state = "lrc"
                elif len(self._buf) >= MAX_BODY:
                    events.append(BadFrame("frame too long"))
                    self._state = "idle"
                else:
                    self._buf.append(b)
            else:
                self._state = "idle"
                body = bytes(self._buf)
                if lrc(body + bytes([ETX])) != b:
                    events.append(BadFrame("checksum mismatch"))
                elif not body:
                    events.append(BadFrame("empty frame"))
                else:
                    events.append(decode_body(body))
        return events


class BytePort(Protocol):
    """What the link needs from a serial port (pyserial's Serial fits, with a short read timeout)."""

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes) -> int | None: ...


class Link:
    """Request / reply over a BytePort with ACK/NAK, retransmission and timeouts on `clock`."""

    def __init__(self, port: BytePort, clock: Clock, *, ack_timeout: float = 0.5, retries: int = 3) -> None:
        self.port = port
        self.clock = clock
        self.ack_timeout = ack_timeout
        self.retries = retries
        self._decoder = FrameDecoder()
        self._inbox: list[Message] = []
        self._acks: list[Ack | Nak] = []
        self.retransmissions = 0
        self.bad_frames = 0

    def _pump(self) -> None:
        data = self.port.read(256)
        if not data:
            return
        for ev in self._decoder.feed(data):
            if isinstance(ev, Message):
                self.port.write(bytes([ACK]))
                self._inbox.append(ev)
            elif isinstance(ev, BadFrame):
                self.bad_frames += 1
                self.port.write(bytes([NAK]))
            else:
                self._acks.append(ev)

    def send(self, message: Message) -> None:
        """Send and wait for the ACK; retransmit on NAK or silence; TerminalLinkError after the retries."""
        frame = encode(message)
        self._acks.clear()
        for attempt in range(self.retries + 1):
            if attempt:
                self.retransmissions += 1
            self.port.write(frame)
            deadline = self.clock.monotonic() + self.ack_timeout
            while self.clock.monotonic() < deadline:
                if not self._acks:
                    self._pump()
                if self._acks:
                    if isinstance(self._acks.pop(0), Ack):
                        self._acks.clear()
                        return
                    break  # NAK: send again at once
        raise TerminalLinkError(
            "카드 단말기가 응답하지 않습니다. 케이블과 전원을 확인해 주세요. "
            "(the card terminal does not answer: check its cable and power)"
        )

    def receive(
        self, timeout: float, accept: Callable[[Message], bool], on_wait: Callable[[], None] | None = None
    ) -> Message | None:
        """The first message `accept` takes within `timeout`; others (late replies for earlier
        requests) are dropped. `on_wait` runs between reads (e.g. to send an abort)."""
        deadline = self.clock.monotonic() + timeout
        while True:
            while self._inbox:
                msg = self._inbox.pop(0)
                if accept(msg):
                    return msg
            if self.clock.monotonic() >= deadline:
                return None
            if on_wait is not None:
                on_wait()
            self._pump()
