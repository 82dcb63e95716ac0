"""The STX … ETX + LRC frame codec and the ACK/NAK link layer."""

from __future__ import annotations

import os
import tty

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.card_terminal.codec import (
    ACK,
    ETX,
    NAK,
    STX,
    Ack,
    BadFrame,
    FrameDecoder,
    FrameError,
    Link,
    Message,
    Nak,
    encode,
    lrc,
)
from kiosk.payments.terminal import TerminalLinkError
from tests.helpers.payments import StepClock

_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="=") | st.sampled_from("신한카드국민")
)


def test_frame_layout_and_lrc() -> None:
    frame = encode(Message("A", {"id": "x1", "amt": "4500"}))
    assert frame[0] == STX and frame[-2] == ETX
    assert frame[-1] == lrc(frame[1:-1])
    assert frame[1:-2] == b"A\x1cid=x1\x1camt=4500"


@given(st.text("ACQRSLX", min_size=1, max_size=1), st.dictionaries(_text.filter(bool), _text, max_size=6))
def test_decode_encode_round_trip(command: str, fields: dict[str, str]) -> None:
    msg = Message(command, fields)
    assert FrameDecoder().feed(encode(msg)) == [msg]


@given(st.binary(max_size=40), st.integers(min_value=0, max_value=200))
def test_noise_and_split_reads_never_break_the_next_frame(noise: bytes, cut: int) -> None:
    noise = bytes(b for b in noise if b not in (STX, ACK, NAK))
    frame = encode(Message("R", {"op": "Q", "st": "not_found"}))
    data = noise + frame
    dec = FrameDecoder()
    events = dec.feed(data[:cut]) + dec.feed(data[cut:])
    assert events == [Message("R", {"op": "Q", "st": "not_found"})]


def test_corrupted_checksum_and_interrupted_frames_are_reported() -> None:
    frame = encode(Message("S"))
    bad = frame[:-1] + bytes([frame[-1] ^ 1])
    events = FrameDecoder().feed(bad + b"\x02AB" + frame + bytes([ACK, NAK]))
    assert events == [BadFrame("checksum mismatch"), BadFrame("frame interrupted by STX"), Message("S"), Ack(), Nak()]


def test_control_characters_in_a_field_are_refused() -> None:
    with pytest.raises(FrameError):
        encode(Message("A", {"id": "a\x03b"}))


class _PtyPort:
    """The kiosk side of a raw pty pair, read with a short timeout (as pyserial would)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, size: int = 1) -> bytes:
        import select

        ready, _, _ = select.select([self.fd], [], [], 0.005)
        return os.read(self.fd, size) if ready else b""

    def write(self, data: bytes) -> int:
        return os.write(self.fd, data)


def test_link_retransmits_after_nak_then_gives_up_on_silence() -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        link = Link(_PtyPort(slave), StepClock(0.05), ack_timeout=0.5, retries=2)
        os.write(master, bytes([NAK, ACK]))  # the device NAKs the first copy, ACKs the second
        link.send(Message("S", {"n": "1"}))
        assert link.retransmissions == 1
        with pytest.raises(TerminalLinkError, match="케이블"):
            link.send(Message("S", {"n": "2"}))  # nobody answers now
        sent = os.read(master, 4096)
        assert sent.count(encode(Message("S", {"n": "2"}))) == 3  # first try + 2 retries
    finally:
        os.close(master)
        os.close(slave)
