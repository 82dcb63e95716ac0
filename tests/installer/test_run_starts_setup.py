"""`kiosk run` on a terminal whose settings say it is not set up starts in the installer's set-up wizard;
the demo (set up) starts in the customer mode, and `--setup` asks for the wizard there too. Real `kiosk run`
processes (offscreen), stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import REPO_ROOT
from tests.helpers.installer import fresh_config
from tests.helpers.processes import kill, read_until


def _run(config: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    env.pop("KIOSK_CONFIG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "run", "--windowed", "--size", "800x600", "--config", str(config), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=REPO_ROOT,
        env=env,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("set_up", "extra", "wizard"), [(False, (), True), (True, (), False), (True, ("--setup",), True)]
)
def test_start_mode(tmp_path: Path, set_up: bool, extra: tuple[str, ...], wizard: bool) -> None:
    config = fresh_config(tmp_path, setup={"done": set_up})
    proc = _run(config, *extra)
    try:
        lines = read_until(proc, "ready for customers")
        said = any("starting the set-up wizard (entered)" in line for line in lines)
        assert said is wizard, lines
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        kill(proc)
        if proc.stdout is not None:
            proc.stdout.close()
