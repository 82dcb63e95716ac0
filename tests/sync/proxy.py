"""A fault-injecting HTTP/1.1 proxy on loopback, between the kiosk and the backend.

It relays one request at a time per connection (requests and replies are framed by Content-Length, all
our endpoints use it) and applies the next queued fault to the next request:
  drop_request   close the client connection without forwarding
  drop_response  forward (the server commits), then close instead of replying
  duplicate      forward the request twice, reply with the first answer
  delay          hold the request for a moment before forwarding
  reset          abort the client connection with a TCP RST
  http500        answer 500 without forwarding
"""

from __future__ import annotations

import collections
import socket
import struct
import threading
import time

FAULTS = ("drop_request", "drop_response", "duplicate", "delay", "reset", "http500")


def _read_message(sock: socket.socket) -> bytes | None:
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, _, body = buf.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(max(65536, length - len(body)))
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


class FaultProxy:
    def __init__(self, target_port: int, delay: float = 0.2) -> None:
        self.target_port = target_port
        self.delay = delay
        self.faults: collections.deque[str] = collections.deque()
        self.applied: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)  # accept() wakes up to notice stop()
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._socks: set[socket.socket] = set()
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        t = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads[:1]:
            t.join(10)
        self._listener.close()
        with self._lock:
            for s in list(self._socks):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
        for t in self._threads:
            t.join(10)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            with self._lock:
                self._socks.add(client)
            t = threading.Thread(target=self._serve, args=(client,), name="fault-proxy-conn", daemon=True)
            t.start()
            self._threads.append(t)

    def _forward(self, request: bytes) -> bytes | None:
        try:
            with socket.create_connection(("127.0.0.1", self.target_port), timeout=30) as up:
                up.sendall(request)
                return _read_message(up)
        except OSError:
            return None

    def _serve(self, client: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                request = _read_message(client)
                if request is None:
                    return
                fault = self.faults.popleft() if self.faults else ""
                if fault:
                    self.applied.append(fault)
                if fault == "drop_request":
                    return
                if fault == "reset":
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                if fault == "http500":
                    client.sendall(
                        b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                    return
                if fault == "delay":
                    time.sleep(self.delay)  # the fault itself: a slow network
                reply = self._forward(request)
                if fault == "duplicate":
                    self._forward(request)
                if reply is None or fault == "drop_response":
                    return
                client.sendall(reply)
        except OSError:
            return
        finally:
            with self._lock:
                self._socks.discard(client)
            client.close()
