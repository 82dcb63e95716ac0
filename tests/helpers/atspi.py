"""A private desktop for an AT-SPI smoke test: Xvfb on a free display, a session D-Bus, the accessibility bus
(at-spi-bus-launcher; at-spi2-registryd is activated on it), and the real kiosk (`kiosk run`) on the xcb
platform with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 — then what a screen reader sees, through
tests/helpers/atspi_dump.py run by Debian's python3 with python3-gi and gir1.2-atspi-2.0 (DESIGN §16: the
offscreen platform has no AT-SPI bridge). Every process started here is stopped by `close()`, by its id
(the accessibility bus's own daemons with the launcher's process group)."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import REPO_ROOT

LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
DUMP = Path(__file__).resolve().parent / "atspi_dump.py"
APT = "apt-get install xvfb dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0 (scripts/bootstrap.sh does)"


def unavailable() -> str:
    """Why an AT-SPI session cannot run here ("" when it can)."""
    missing = [name for name in ("Xvfb", "dbus-daemon") if shutil.which(name) is None]
    if not LAUNCHER.exists():
        missing.append(str(LAUNCHER))
    if not SYSTEM_PYTHON.exists():
        missing.append(str(SYSTEM_PYTHON))
    elif (
        subprocess.run(
            [
                str(SYSTEM_PYTHON),
                "-c",
                "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi",
            ],
            capture_output=True,
            timeout=30,
        ).returncode
        != 0
    ):
        missing.append("python3-gi with the Atspi typelib")
    return f"no AT-SPI desktop: missing {', '.join(missing)}; {APT}" if missing else ""


def _read_fd_line(fd: int, timeout: float) -> str:
    """A line a child writes to a pipe it was given (Xvfb's -displayfd, dbus-daemon's --print-address)."""
    out = b""
    deadline = time.monotonic() + timeout
    while not out.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"no answer on the pipe within {timeout} s (got {out!r})")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise AssertionError(f"the pipe closed (got {out!r})")
        out += chunk
    return out.decode().strip()


def _pipe_answer(cmd: list[str], flag: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    r, w = os.pipe()
    try:
        proc = subprocess.Popen(
            [*cmd, *(f.format(fd=w) for f in flag)],
            pass_fds=(w,),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(w)
    try:
        return proc, _read_fd_line(r, 20)
    except AssertionError:
        proc.kill()
        proc.wait()
        raise
    finally:
        os.close(r)


@dataclass
class AtspiDesktop:
    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    kiosk: subprocess.Popen[bytes] | None = None
    kiosk_output: list[str] = field(default_factory=list)

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISPLAY", "WAYLAND", "DBUS", "AT_SPI"))}
        xvfb, display = _pipe_answer(
            ["Xvfb", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"], ["-displayfd", "{fd}"], env
        )
        self.procs.append(xvfb)
        env["DISPLAY"] = f":{display}"
        bus, address = _pipe_answer(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile"], ["--print-address={fd}"], env
        )
        self.procs.append(bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        # Its own process group: the accessibility bus's dbus-daemon and registryd go with it.
        launcher = subprocess.Popen(
            [str(LAUNCHER), "--launch-immediately"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.procs.append(launcher)
        self.env = env

    def run_kiosk(self, size: str = "1280x800") -> None:
        """`kiosk run` on the demo shop in a window on the Xvfb display, until it is ready for customers."""
        env = {
            **self.env,
            "PYTHONPATH": str(REPO_ROOT),
            "KIOSK_DATA_DIR": str(self.data_dir),
            "QT_QPA_PLATFORM": "xcb",
            "QT_QUICK_BACKEND": "software",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        self.kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--windowed", "--size", size],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        assert self.kiosk.stdout is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = self.kiosk.stdout.readline().decode(errors="replace")
            if not line:
                break
            self.kiosk_output.append(line.rstrip("\n"))
            if "ready for customers" in line:
                return
        raise AssertionError("the kiosk never became ready:\n" + "\n".join(self.kiosk_output))

    def _tool(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SYSTEM_PYTHON), str(DUMP), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def tree(self) -> dict[str, Any]:
        done = self._tool("dump", "kiosk")
        assert done.returncode == 0, done.stderr
        tree: dict[str, Any] = json.loads(done.stdout)
        return tree

    def wait_for(self, done: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        """The tree once `done(tree)` holds (the screen has changed and its controls are all made); the last
        tree read when it never does."""
        deadline = time.monotonic() + timeout
        tree: dict[str, Any] = {}
        while time.monotonic() < deadline:
            read = self._tool("dump", "kiosk")
            if read.returncode == 0:
                tree = json.loads(read.stdout)
                if done(tree):
                    break
        return tree

    def press(self, name: str) -> None:
        """The control's default action through AT-SPI, as a screen reader's user activates it."""
        done = self._tool("press", "kiosk", name)
        assert done.returncode == 0, done.stderr

    def close(self) -> None:
        procs = ([self.kiosk] if self.kiosk is not None else []) + list(reversed(self.procs))
        for proc in procs:
            if proc.poll() is None:
                if proc.args[0] == str(LAUNCHER):
                    os.killpg(proc.pid, signal.SIGTERM)
                else:
                    proc.terminate()
            try:
                proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def every_node(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of the tree, depth first."""
    out: list[dict[str, Any]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node["children"]))
    return out


def showing(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of the tree that is showing (on screen, not hidden), depth first."""
    return [node for node in every_node(tree) if node["showing"]]
