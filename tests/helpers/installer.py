"""Shared code of the installer's tests (tests/installer): settings with changed sections, the CLI as a
child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.config import REPO_ROOT, Settings
from tests.helpers.kiosk import WindowDriver, all_visible, walk

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


# --- the installer's screens in the real kiosk window -------------------------------------------------


@dataclass
class InstallerWindow(WindowDriver):
    """The kiosk window in the installer's mode; finds and clicks with the shared `WindowDriver`. An item
    counts as shown only when no ancestor is hidden or transparent (the wizard's pages fade)."""

    kw: Any
    ledger: Any
    qtbot: Any
    settings: Settings
    config: Path
    find_timeout_ms = 5000

    @property
    def window(self) -> Any:
        return self.kw.window

    @property
    def vm(self) -> Any:
        return self.kw.modes.viewModel

    def items(self, name: str) -> list[Any]:
        return [i for i in walk(self.window.contentItem()) if i.objectName() == name and all_visible(i)]

    def type_into(self, field: str, text: str) -> None:
        """Put text in a field as the on-screen keyboard would (the field's TextInput by objectName)."""
        item = self.find(field)
        item.setProperty("text", text)

    def wait_step(self, step: str) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.vm is not None and self.vm.step == step, timeout=10000)
        except Exception:
            raise AssertionError(f"still at {self.vm.step}, message: {self.vm.message!r}") from None

    def wait_idle(self, timeout: int = 20000) -> None:
        self.qtbot.waitUntil(lambda: not self.vm.isBusy, timeout=timeout)


def fresh_config(base: Path, **sections: dict[str, Any]) -> Path:
    """A config of a terminal that is not set up, on `base/data` (simulated devices, the demo menu)."""
    from kiosk.config import load_settings
    from kiosk.installer.settings_file import to_toml

    settings = replace(
        Settings(), data_dir=str(base / "data"), catalog=str(REPO_ROOT / "assets" / "demo" / "catalog.json")
    )
    sections.setdefault("setup", {"done": False})
    settings = settings_with(settings, **sections)
    path = base / "kiosk.toml"
    path.write_text(to_toml(settings), encoding="utf-8")
    load_settings(path, env={})
    return path


@contextmanager
def installer_window(
    qtbot: Any, config: Path, size: tuple[int, int] = (1280, 800), palette: str = "normal", scale: float = 1.0
) -> Iterator[InstallerWindow]:
    """The kiosk window for `config`, started as `kiosk run` starts a terminal that is not set up: in the
    installer's mode, with the set-up person let in."""
    from PySide6.QtGui import QGuiApplication

    from app.builders.installer import start_setup
    from app.builders.window import attach_window, open_window
    from kiosk.config import load_settings
    from kiosk.domain.catalog import load_catalog
    from kiosk.ledger.ledger import Ledger
    from kiosk.payments.simulated import SimulatedPaymentProvider
    from kiosk.staff.service import StaffService
    from tests.helpers.kiosk import make_printing
    from tests.helpers.staff import CHEAP

    settings = load_settings(config, env={})
    settings = replace(settings, ui=replace(settings.ui, palette=palette, scale=scale))
    ledger = Ledger.open(settings.ledger_path, device_id=settings.ledger.device_id, tz=settings.tz)
    printing, _sim = make_printing(settings, ledger)
    kw = open_window(settings, load_catalog(settings.catalog_path), _clock(), windowed=True, size=size, tick_ms=50)
    try:
        attach_window(
            kw,
            ledger,
            SimulatedPaymentProvider(delay_seconds=0.05),
            printing=printing,
            staff=StaffService(ledger, hasher=CHEAP),
        )
        qtbot.waitExposed(kw.window)
        qtbot.waitUntil(lambda: kw.window.contentItem().width() > 0, timeout=5000)  # sized after exposure
        assert start_setup(kw) == ""
        w = InstallerWindow(kw, ledger, qtbot, settings, config)
        w.find("installerRoot")
        yield w
    finally:
        kw.close()
        ledger.close()
        QGuiApplication.processEvents()


def _clock() -> Any:
    from kiosk.ports import SystemClock

    return SystemClock()
