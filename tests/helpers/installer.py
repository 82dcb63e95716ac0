"""Shared code of the installer's tests (tests/installer): settings with changed sections, the CLI as a
child process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from typing import Any

from kiosk.config import REPO_ROOT, Settings

BUSINESS_NUMBER = "1208147521"


def settings_with(base: Settings, **sections: dict[str, Any]) -> Settings:
    s = base
    for name, values in sections.items():
        s = replace(s, **{name: replace(getattr(s, name), **values)})
    return s


def kiosk_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGS` in a child process, with this checkout's code."""
    full = dict(os.environ)
    full.pop("KIOSK_CONFIG", None)
    full["PYTHONPATH"] = str(REPO_ROOT)
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full,
        cwd=REPO_ROOT,
    )
