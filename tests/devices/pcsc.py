"""A private pcscd with the vpcd driver, for tests (reusable: the payment tests import it too).

`PcscService` runs ``pcscd -f`` as a child process with its own reader.conf.d (vpcd on a free TCP
port, so a system vpcd or another test session never collides with ours). When allowed (root with
mount namespaces, the usual CI case) pcscd runs in a private mount namespace where /run/pcscd is a
directory of ours, and this process talks to it through ``PCSCLITE_CSOCK_NAME``: a system pcscd
(service or socket-activated) is neither used nor disturbed. Otherwise it falls back to the system
socket path and refuses to start if another pcscd answers there.

pcsc-lite reads PCSCLITE_CSOCK_NAME once per process, so one session has one `PcscService`; `kill()`
and `start()` restart the same daemon on the same socket (used to test service loss).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
VPCD_CONF = Path("/etc/reader.conf.d/vpcd")
SYSTEM_SOCKET = Path("/run/pcscd/pcscd.comm")


class PcscUnavailable(RuntimeError):
    pass


def missing_requirements() -> str | None:
    """Why pcscd + vpcd cannot run here, or None."""
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (apt-get install pcscd)"
    if not VPCD_DRIVER.exists():
        return f"the vpcd driver {VPCD_DRIVER} is missing (apt-get install vsmartcard-vpcd)"
    if not VPCD_CONF.exists():
        return f"{VPCD_CONF} is missing (reinstall vsmartcard-vpcd)"
    return None


def free_port_pair() -> int:
    """A port p with p and p+1 free (vpcd opens one port per virtual reader)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port >= 65535:
            continue
        with socket.socket() as s2:
            try:
                s2.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise PcscUnavailable("no free TCP port pair for vpcd")


def _can_unshare() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0


class PcscService:
    """``start()`` / ``kill()`` / ``stop()`` a private pcscd; readers ``reader_names`` on ``ports``."""

    def __init__(self, workdir: Path) -> None:
        why = missing_requirements()
        if why:
            raise PcscUnavailable(why)
        self.workdir = workdir
        self.port = free_port_pair()
        self.ports = (self.port, self.port + 1)
        self.reader_names = ("Virtual PCD 00 00", "Virtual PCD 00 01")
        conf = workdir / "reader.conf.d"
        conf.mkdir(parents=True, exist_ok=True)
        (conf / "vpcd").write_text(
            f'FRIENDLYNAME "Virtual PCD"\nDEVICENAME /dev/null:0x{self.port:04X}\n'
            f"LIBPATH {VPCD_DRIVER}\nCHANNELID 0x{self.port:04X}\n"
        )
        self.conf = conf
        self.private = _can_unshare()
        self.rundir = workdir / "run"
        self.rundir.mkdir(exist_ok=True)
        self.socket = self.rundir / "pcscd.comm" if self.private else SYSTEM_SOCKET
        self.log_path = workdir / "pcscd.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.on_start: Callable[[int], None] | None = None  # e.g. register the pid with keep_for_session

    def environ(self) -> dict[str, str]:
        """What a client process needs in its environment to talk to this pcscd."""
        return {"PCSCLITE_CSOCK_NAME": str(self.socket)}

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self, timeout: float = 10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        for stale in (self.socket, self.socket.with_name("pcscd.pid")):
            if self.private:
                stale.unlink(missing_ok=True)
        if not self.private and _answers(self.socket):
            raise PcscUnavailable(
                f"another pcscd is running on {self.socket}; stop it (systemctl stop pcscd.socket pcscd)"
            )
        cmd = ["pcscd", "--foreground", "--config", str(self.conf)]
        if self.private:
            # exec keeps the pid: the Popen pid is pcscd itself, so kill() hits the daemon
            cmd = [
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                "-c",
                f'mount --bind "{self.rundir}" /run/pcscd && exec pcscd --foreground --config "{self.conf}"',
            ]
            Path("/run/pcscd").mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while not (_answers(self.socket) and _listening(self.port)):
            if self.process.poll() is not None:
                raise PcscUnavailable(f"pcscd exited with {self.process.returncode}; see {self.log_path}")
            if time.monotonic() > deadline:
                self.stop()
                raise PcscUnavailable(f"pcscd did not come up within {timeout} s; see {self.log_path}")
            time.sleep(0.02)
        if self.on_start is not None:
            self.on_start(self.process.pid)

    def wait_card(self, slot: int, present: bool, timeout: float = 5.0) -> None:
        """Wait until pcscd sees a card on reader ``slot`` (or none): vpcd notices a removal only after
        a poll interval, and a card inserted before that would look like the old one never left."""
        from smartcard import scard

        hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hr != scard.SCARD_S_SUCCESS:
            raise PcscUnavailable("pcscd does not answer")
        try:
            state = scard.SCARD_STATE_UNAWARE
            deadline = time.monotonic() + timeout
            while True:
                hr, states = scard.SCardGetStatusChange(ctx, 200, [(self.reader_names[slot], state)])
                if hr == scard.SCARD_S_SUCCESS:
                    state = states[0][1] & ~scard.SCARD_STATE_CHANGED
                    if bool(state & scard.SCARD_STATE_PRESENT) == present:
                        return
                if time.monotonic() > deadline:
                    raise PcscUnavailable(f"reader {slot} did not become {'full' if present else 'empty'}")
        finally:
            scard.SCardReleaseContext(ctx)

    def kill(self) -> None:
        """SIGKILL, as a crash would: no clean shutdown, clients see the service vanish."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


def _answers(path: Path) -> bool:
    if not path.exists():
        return False
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.connect(str(path))
        except OSError:
            return False
    return True


def _listening(port: int) -> bool:
    """Whether vpcd listens on the port (read from /proc: a probe connection would insert a card)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                return True
    return False
