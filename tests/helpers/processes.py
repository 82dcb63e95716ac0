"""Running the kiosk's commands and `kiosk run` as real processes in tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from kiosk.config import REPO_ROOT


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def kill(proc: subprocess.Popen[str]) -> None:
    """The test never leaves the kiosk running, whatever happened."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def read_until(proc: subprocess.Popen[str], needle: str, timeout: float = 60) -> list[str]:
    assert proc.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if needle in line:
            return lines
    kill(proc)
    raise AssertionError(f"{needle!r} never came; output:\n" + "\n".join(lines))
