"""The kiosk under a service manager (DESIGN §15): sd_notify in plain Python, the watchdog heartbeat from
the Qt event loop, a clean stop on SIGTERM that never cuts a payment short, and logs with journal levels.

sd_notify is one datagram to the unix socket named by $NOTIFY_SOCKET (a leading "@" is Linux's abstract
namespace). The watchdog ping comes from a QTimer on the GUI thread: a blocked event loop sends no
heartbeat, and systemd restarts the session after `WatchdogSec=`. The app is cage's child, so the unit
says `NotifyAccess=all`, and $WATCHDOG_PID names cage: a ping is sent when it names this process or its
parent.

Stopping: Qt 6's `QGuiApplication.quit()` first asks every window to close, and the kiosk window refuses
(Alt+F4 must do nothing in kiosk mode), so a quit on SIGTERM was silently vetoed and the full-screen kiosk
ran on until SIGKILL. `exit(0)` ends the event loop without asking the windows. The signal reaches the
GUI thread at once through a wake-up socket (Python runs a signal handler only when it next gets control).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer

log = logging.getLogger(__name__)

# How long a stop waits for a payment in flight to end by itself (an approval is then recorded), and then
# for the card terminal to confirm a cancel; the whole stop stays inside systemd's 5 s budget.
PAYMENT_GRACE_SECONDS = 2.0
CANCEL_GRACE_SECONDS = 1.0


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send `message` ("READY=1", "WATCHDOG=1", "STOPPING=1", "STATUS=…") to the service manager. False
    when there is none ($NOTIFY_SOCKET unset) or it cannot be reached; never raises."""
    path = (os.environ if env is None else env).get("NOTIFY_SOCKET", "")
    if not path or path[0] not in "/@":
        return False
    address = "\0" + path[1:] if path[0] == "@" else path
    import socket  # only under a service manager: not on the cold start's path otherwise

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError as exc:
        log.debug("sd_notify %r failed: %s", message, exc)
        return False
    return True


def watchdog_interval_ms(env: Mapping[str, str] | None = None) -> int | None:
    """The watchdog timeout in ms from $WATCHDOG_USEC, or None when no watchdog is asked of this process
    ($WATCHDOG_PID, when set, must name this process or its parent, cage)."""
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID", "")
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    return usec // 1000 if usec > 0 else None


class JournalFormatter(logging.Formatter):
    """`<priority>logger: message`: journald reads the syslog priority prefix (SyslogLevelPrefix=yes is
    its default) and keeps its own timestamp."""

    PRIORITIES = ((logging.CRITICAL, 2), (logging.ERROR, 3), (logging.WARNING, 4), (logging.INFO, 6))

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in self.PRIORITIES if record.levelno >= level), 7)
        text = super().format(record)
        return "\n".join(f"<{priority}>{line}" for line in text.splitlines()) if text else f"<{priority}>"


def stderr_is_journal(env: Mapping[str, str] | None = None) -> bool:
    """True when stderr is the journal's stream ($JOURNAL_STREAM names its device and inode)."""
    stream = (os.environ if env is None else env).get("JOURNAL_STREAM", "")
    try:
        dev, ino = (int(v) for v in stream.split(":"))
        st = os.fstat(sys.stderr.fileno())
    except (ValueError, OSError):
        return False
    return (st.st_dev, st.st_ino) == (dev, ino)


def configure_logging(level: int = logging.INFO) -> None:
    """Logs to stderr: with journal priorities when stderr is the journal, else with a timestamp. Alembic
    says what it migrates at INFO on every migration; only its warnings are kept (the ledger logs one line
    of its own when it migrates)."""
    handler = logging.StreamHandler()
    if stderr_is_journal():
        handler.setFormatter(JournalFormatter("%(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)


class Session:
    """The kiosk process's life under systemd: READY=1 when customers can start, the watchdog heartbeat
    from the event loop, and a stop on SIGTERM that lets a payment in flight end first (approved and
    recorded, or cancelled) and then ends the event loop with status 0. Built on the GUI thread, right
    after the QGuiApplication, before the window: a SIGTERM during start-up stops the kiosk too."""

    def __init__(
        self, app: QCoreApplication, *, env: Mapping[str, str] | None = None, exit_on_stop: bool = True
    ) -> None:
        from PySide6.QtCore import QObject, QSocketNotifier, QTimer

        self.app = app
        self.env = dict(os.environ if env is None else env)
        self._owner = QObject(app)  # parent of the timers and the notifier: gone with the application
        self._busy: Callable[[], bool] = lambda: False
        self._cancel: Callable[[], None] = lambda: None
        self.stopping = False
        self.exit_on_stop = exit_on_stop  # False in tests that run a Session inside the test process
        self.heartbeats = 0
        self._stop_timer: QTimer | None = None
        self._stop_started = 0.0
        self._cancel_sent = False
        self.watchdog: QTimer | None = None
        self._QTimer = QTimer
        # SIGTERM: Python's C handler writes to the wake-up pipe; the notifier runs on the GUI thread at
        # once, and the Python handler (request_stop) runs as soon as Python gets control there. (A pipe,
        # not a socket pair: `socket` is not imported before the first frame.)
        self._wake_r, self._wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._previous_wakeup = signal.set_wakeup_fd(self._wake_w, warn_on_full_buffer=False)
        self._notifier: QSocketNotifier = QSocketNotifier(self._wake_r, QSocketNotifier.Type.Read, self._owner)
        self._notifier.activated.connect(self._drain)
        self._previous_handler = signal.signal(signal.SIGTERM, lambda *_: self.request_stop())

    # --- hooks the composition root gives ----------------------------------------------------------------

    def watch_payments(self, busy: Callable[[], bool], cancel: Callable[[], None]) -> None:
        """`busy()`: a payment is in flight; `cancel()`: ask it to stop (the customer's cancel button)."""
        self._busy = busy
        self._cancel = cancel

    def ready(self, status: str = "ready for customers") -> None:
        """The ledger is checked and payment recovery has run: tell systemd, start the heartbeat."""
        notify(f"READY=1\nSTATUS={status}\nMAINPID={os.getpid()}", self.env)
        interval = watchdog_interval_ms(self.env)
        if interval is not None and self.watchdog is None:
            # A third of the timeout: two beats fit in every half interval, however the timer drifts.
            self.watchdog = self._QTimer(self._owner)
            self.watchdog.setInterval(max(1, interval // 3))
            self.watchdog.timeout.connect(self.heartbeat)
            self.watchdog.start()
            self.heartbeat()

    def heartbeat(self) -> None:
        if notify("WATCHDOG=1", self.env):
            self.heartbeats += 1

    # --- stopping ----------------------------------------------------------------------------------------

    def _drain(self) -> None:
        try:
            while os.read(self._wake_r, 64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def request_stop(self) -> None:
        """SIGTERM: stop now when no payment is in flight, else once it has ended (or been cancelled)."""
        if self.stopping:
            return
        self.stopping = True
        log.info("stopping (SIGTERM)")
        notify("STOPPING=1\nSTATUS=stopping", self.env)
        self._stop_started = time.monotonic()
        self._stop_timer = self._QTimer(self._owner)
        self._stop_timer.setInterval(50)
        self._stop_timer.timeout.connect(self._poll_stop)
        # First poll from the event loop, not from here: an exit() before exec() would be lost, and a
        # SIGTERM during start-up must still stop the kiosk once its loop runs.
        self._stop_timer.start()

    def _poll_stop(self) -> None:
        waited = time.monotonic() - self._stop_started
        try:
            busy = self._busy()
        except Exception:  # never let a broken hook keep the kiosk from stopping
            log.exception("cannot tell whether a payment is in flight; stopping")
            busy = False
        if busy and waited < PAYMENT_GRACE_SECONDS + CANCEL_GRACE_SECONDS:
            if waited >= PAYMENT_GRACE_SECONDS and not self._cancel_sent:
                self._cancel_sent = True
                log.warning("stopping: the payment in flight is being cancelled")
                try:
                    self._cancel()
                except Exception:
                    log.exception("the payment in flight could not be cancelled; recovery resolves it at start")
            return
        if busy:
            # Its intent is in the ledger as sent: the next start's recovery queries and resolves it.
            log.warning("stopping with a payment still unanswered; it is resolved at the next start")
        if self._stop_timer is not None:
            self._stop_timer.stop()
        log.info("stopping: closing the devices and the ledger (%.1f s after SIGTERM)", waited)
        self.app.exit(0)

    def close(self) -> None:
        """Stop the heartbeat and give the signal wake-up back (tests build several sessions in one process).

        Called last, after the window, the devices and the ledger are closed. After a SIGTERM the process
        then ends at once with status 0: the interpreter's own teardown (a full garbage collection, then
        PySide's and Qt's destructors) takes 1-2 s on the kiosk's hardware and counts against the 5 s a
        stop may take, and nothing is left in it to save (logs are flushed here)."""
        if self.watchdog is not None:
            self.watchdog.stop()
        if self._stop_timer is not None:
            self._stop_timer.stop()
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_wakeup)
        signal.signal(signal.SIGTERM, self._previous_handler)
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self.stopping and self.exit_on_stop:
            logging.shutdown()
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(0)
