"""Shared by tests/packaging: a stand-in for systemd's notification socket, and the kiosk as its service
starts it (full-screen, not --windowed)."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.config import REPO_ROOT

CHILD = Path(__file__).with_name("kiosk_child.py")


class NotifySocket:
    """A unix datagram socket like systemd's $NOTIFY_SOCKET (abstract namespace, "@…"); a thread records
    every message with the time it arrived. Stop it with `close()`."""

    def __init__(self) -> None:
        self.name = f"@kiosk-test-{uuid.uuid4().hex}"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind("\0" + self.name[1:])
        self.sock.settimeout(0.1)
        self.messages: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="notify-socket")
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            with self._cond:
                self.messages.append((time.monotonic(), data.decode()))
                self._cond.notify_all()

    def wait_for(self, predicate: Callable[[list[tuple[float, str]]], bool], timeout: float = 60) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self.messages), timeout):
                raise AssertionError(f"notifications never matched; got {self.messages}")

    def times(self, field: str) -> list[float]:
        with self._cond:
            return [t for t, m in self.messages if field in m.split("\n")]

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def start_kiosk(data_dir: Path, *extra: str, **env: str) -> subprocess.Popen[bytes]:
    """The kiosk in kiosk mode (full-screen, frameless, close refused) on the demo shop, offscreen."""
    return subprocess.Popen(
        [sys.executable, str(CHILD), *extra],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(REPO_ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "KIOSK_DATA_DIR": str(data_dir),
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def read_available(proc: subprocess.Popen[bytes]) -> str:
    """What the kiosk has written so far, without waiting for more."""
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(proc.stdout.fileno(), 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")


def read_until(proc: subprocess.Popen[bytes], needle: str, timeout: float = 60) -> str:
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), True)
    out = b""
    deadline = time.monotonic() + timeout
    while needle.encode() not in out and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        out += line
    if needle.encode() not in out:
        kill(proc)
        raise AssertionError(f"{needle!r} never came; output:\n{out.decode(errors='replace')}")
    return out.decode(errors="replace")


def stop(proc: subprocess.Popen[bytes], timeout: float = 5.0) -> tuple[float, str]:
    """SIGTERM; how long the kiosk took to exit and what it wrote meanwhile. Fails past `timeout`."""
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill(proc)
        raise AssertionError(f"the kiosk was still running {timeout} s after SIGTERM") from None
    return time.monotonic() - started, out.decode(errors="replace")


def kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


def verify_ledger(db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "ledger", "verify", "--db", str(db)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def query(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()
