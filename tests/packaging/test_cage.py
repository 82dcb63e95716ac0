"""The kiosk session as kiosk.service runs it: the cage Wayland kiosk compositor (headless wlroots back end
here) with `kiosk run` as its only client, as an unprivileged user; READY=1 through the notification
socket, a screenshot of the compositor's output with grim, and the unit's ExecStop
(packaging/libexec/kiosk-session-stop) stopping it within 5 s with status 0."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from tests.packaging.helpers import NotifySocket, verify_ledger

STOP = REPO_ROOT / "packaging" / "libexec" / "kiosk-session-stop"
KIOSK = REPO_ROOT / ".venv" / "bin" / "kiosk"

pytestmark = pytest.mark.skipif(shutil.which("cage") is None, reason="cage is not installed (scripts/bootstrap.sh)")


@pytest.fixture
def user_dirs() -> Iterator[tuple[list[str], Path]]:
    """cage refuses root: as root, the session runs as `nobody` in directories it owns (outside pytest's
    private tmp tree, which nobody cannot enter). The runtime directory is 0700, as logind makes it."""
    base = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))
    base.chmod(0o755)
    (base / "run").mkdir(mode=0o700)
    (base / "data").mkdir()
    opened: list[tuple[Path, int]] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("nobody")
        for d in (base / "run", base / "data"):
            os.chown(d, user.pw_uid, user.pw_gid)
        as_user = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
        # `nobody` runs the checkout's .venv/bin/kiosk: a checkout in a 0700 directory (`mktemp -d`, /root)
        # gets search permission for others on the way down for the test's length, then its mode back.
        for d in (REPO_ROOT, *REPO_ROOT.parents):
            mode = d.stat().st_mode & 0o7777
            if not mode & 0o001:
                d.chmod(mode | 0o001)
                opened.append((d, mode))
    else:
        as_user = []
    try:
        yield as_user, base
    finally:
        for d, mode in opened:
            d.chmod(mode)
        shutil.rmtree(base, ignore_errors=True)


def test_cage_session_starts_shows_the_attract_screen_and_stops_within_5_s(
    user_dirs: tuple[list[str], Path],
) -> None:
    from PySide6.QtGui import QImage

    as_user, base = user_dirs
    run, data = base / "run", base / "data"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(run),
        "XDG_RUNTIME_DIR": str(run),
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "QT_QPA_PLATFORM": "wayland",
        "QT_QUICK_BACKEND": "software",
        "KIOSK_DATA_DIR": str(data),
    }
    sock = NotifySocket()
    cage = subprocess.Popen(
        [*as_user, "env", "-i", *(f"{k}={v}" for k, v in {**env, "NOTIFY_SOCKET": sock.name}.items()),
         "cage", "-d", "--", str(KIOSK), "run"],
        cwd=run,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        sock.wait_for(lambda ms: any("READY=1" in m.split("\n") for _, m in ms) or cage.poll() is not None)
        assert cage.poll() is None, cage.communicate()[0].decode(errors="replace")
        [display] = [p.name for p in run.glob("wayland-*") if not p.name.endswith(".lock")]
        shot = run / "attract.png"
        grim = subprocess.run(
            [*as_user, "env", f"XDG_RUNTIME_DIR={run}", f"WAYLAND_DISPLAY={display}", "grim", str(shot)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert grim.returncode == 0, grim.stderr
        # The ExecStop of kiosk.service, as the session's user: SIGTERM to the app, wait for it and cage.
        started = time.monotonic()
        stop = subprocess.run([*as_user, str(STOP), str(cage.pid)], capture_output=True, text=True, timeout=30)
        out, _ = cage.communicate(timeout=10)
        elapsed = time.monotonic() - started
    finally:
        if cage.poll() is None:
            cage.kill()
            cage.communicate()
        sock.close()
    log = out.decode(errors="replace")
    assert stop.returncode == 0, stop.stderr
    assert cage.returncode == 0, log  # cage exits with its client's status
    assert elapsed < 5.0, f"stopped after {elapsed:.1f} s"
    assert "attract screen drawn" in log and "stopping (SIGTERM)" in log, log
    assert "Traceback" not in log and "connection broke" not in log, log
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 640 and image.height() >= 480
    # cage's output is black where no client draws: the kiosk's window covers most of it, in colour.
    small = image.scaled(64, 36)
    pixels = [small.pixelColor(x, y) for x in range(small.width()) for y in range(small.height())]
    black = sum(1 for c in pixels if c.red() + c.green() + c.blue() < 12)
    assert black < len(pixels) / 2, f"{black}/{len(pixels)} black pixels: the kiosk did not draw"
    assert len({c.rgb() for c in pixels}) > 8, "a flat screen, not the attract screen"
    keep = REPO_ROOT / "build" / "screenshots"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, keep / "cage-attract.png")  # for a human to look at after the run
    verify_ledger(data / "ledger.sqlite3")
