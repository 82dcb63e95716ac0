"""Installer test fixtures: a config file on a fresh data directory, and a private pcscd for the NFC checks
(its clients are child processes, so this process never loads pcsc-lite's socket setting)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import REPO_ROOT, Settings, load_settings
from kiosk.installer.settings_file import to_toml
from tests.conftest import keep_for_session
from tests.devices.pcsc import PcscService, PcscUnavailable
from tests.helpers.installer import settings_with


@pytest.fixture
def make_config(tmp_path: Path) -> Callable[..., Path]:
    """`make_config(printer={"url": ...}, ...)`: a config on `tmp_path/data`, simulated devices by default."""

    def make(name: str = "kiosk.toml", **sections: dict[str, Any]) -> Path:
        base = replace(
            Settings(),
            data_dir=str(tmp_path / "data"),
            catalog=str(REPO_ROOT / "assets" / "demo" / "catalog.json"),
        )
        path = tmp_path / name
        path.write_text(to_toml(settings_with(base, **sections)), encoding="utf-8")
        load_settings(path, env={})  # valid
        return path

    return make


@pytest.fixture(scope="module")
def private_pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PcscService]:
    try:
        service = PcscService(tmp_path_factory.mktemp("pcscd-installer"))
    except PcscUnavailable as exc:
        pytest.fail(f"pcscd with vpcd is needed for the NFC self-test: {exc}", pytrace=False)
    service.on_start = lambda pid: keep_for_session(pid=pid)
    service.start()
    yield service
    service.stop()
