"""The on-screen keyboard (`kiosk run` with ui.onscreen_keyboard, the default): an owner on a touch screen
without a keyboard adds a staff member and types a Korean name on it (두벌식 with Hangul composition); it
shows while the name field has focus and hides after. In a process of its own: the input method is chosen
when the application starts (tests/ui/keyboard_child.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.config import REPO_ROOT


def test_an_owner_types_a_korean_name_on_the_on_screen_keyboard(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.keyboard_child", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "TEXT=김민" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "SHOWN=True HIDDEN=True" in done.stdout, done.stdout
