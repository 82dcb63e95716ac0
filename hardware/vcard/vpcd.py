"""A virtual card plugged into pcscd's vpcd driver over TCP (the vpcd protocol of DESIGN section 7).

vpcd listens (one TCP port per virtual reader, 35963 for "Virtual PCD 00 00" by default); the card
connects to it. Every message either way is a 2-byte big-endian length and a payload. One-byte
payloads from vpcd are control messages: 00 power off, 01 power on, 02 reset (none of them answered),
04 get ATR (answered with the ATR). Longer payloads are command APDUs, answered with data + SW1 SW2.
Connecting inserts the card; closing the socket removes it.

vpcd listens on all interfaces: this is for CI and development, never for a kiosk.
"""

from __future__ import annotations

import socket
import threading
import time

from hardware.vcard.card import CardProfile, VirtualCardApplet

POWER_OFF, POWER_ON, RESET, GET_ATR = 0x00, 0x01, 0x02, 0x04


class VirtualCard:
    """``insert()`` connects to vpcd (the card appears on the reader); ``remove()`` disconnects."""

    def __init__(self, profile: CardProfile, host: str = "127.0.0.1", port: int = 35963) -> None:
        self.profile = profile
        self.applet = VirtualCardApplet(profile)
        self.host = host
        self.port = port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.inserted_at = 0.0  # monotonic time of the last insert, for latency benchmarks

    @property
    def commands(self) -> list[bytes]:
        return self.applet.commands

    def insert(self, timeout: float = 5.0) -> None:
        if self._sock is not None:
            raise RuntimeError("card already inserted")
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError:
                # vpcd opens its port once pcscd has loaded the driver: wait for it
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.applet.reset()
        self._sock = sock
        self.inserted_at = time.monotonic()
        self._thread = threading.Thread(target=self._serve, args=(sock,), name=f"vcard-{self.port}", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    @property
    def inserted(self) -> bool:
        return self._sock is not None and self._thread is not None and self._thread.is_alive()

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                msg = _recv_message(sock)
                if msg is None:
                    return
                if len(msg) == 1:
                    if msg[0] == GET_ATR:
                        _send_message(sock, self.profile.atr)
                    elif msg[0] in (POWER_OFF, RESET):
                        self.applet.reset()
                    continue  # power on / off / reset are not answered
                _send_message(sock, self.applet.process(msg))
        except OSError:
            return  # removed (socket closed) or vpcd went away: either way the card is out


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        # vpcd writes the length and the APDU in two sends; with Nagle on its side and delayed ACKs on
        # ours each APDU would wait ~40 ms for our ACK. Quick ACK is not sticky on Linux: set it per recv.
        if hasattr(socket, "TCP_QUICKACK"):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _recv_message(sock: socket.socket) -> bytes | None:
    head = _recv_exact(sock, 2)
    if head is None:
        return None
    return _recv_exact(sock, int.from_bytes(head, "big"))


def _send_message(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(2, "big") + payload)
