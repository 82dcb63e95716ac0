"""The kiosk's composition root starts sync when enrolled and sells from the applied catalog."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from app.commands.run import load_menu
from app.services import start_sync
from kiosk.config import REPO_ROOT, SyncSettings, load_settings
from kiosk.ports import SystemClock
from kiosk.sync.files import catalog_file
from tests.backend.servers import BackendProcess
from tests.sync.helpers import Terminal, server_entries


def test_sync_stays_off_until_enrolled(tmp_path: Path) -> None:
    t = Terminal(tmp_path, "")
    try:
        settings = replace(load_settings(), data_dir=str(tmp_path / "data"))
        assert start_sync(settings, t.ledger, SystemClock()) is None
    finally:
        t.close()


def test_enrolled_kiosk_pushes_its_sales_in_the_background(tmp_path: Path, backend_server: BackendProcess) -> None:
    t = Terminal(tmp_path, backend_server.url)
    worker = None
    try:
        terminal_id = t.enroll(backend_server.db_url)
        settings = replace(
            load_settings(),
            data_dir=str(tmp_path / "data"),
            sync=SyncSettings(backend_url=backend_server.url, interval_seconds=0.2),
        )
        worker = start_sync(settings, t.ledger, SystemClock())
        assert worker is not None
        t.sell(3)
        deadline = time.monotonic() + 20
        while len(server_entries(backend_server.url, terminal_id)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [e["seq"] for e in server_entries(backend_server.url, terminal_id)] == [1, 2, 3]
    finally:
        if worker is not None:
            worker.stop()
            worker.service.close()
        t.close()


def test_the_applied_catalog_replaces_the_shipped_one(tmp_path: Path) -> None:
    settings = replace(load_settings(), data_dir=str(tmp_path))
    assert load_menu(settings).item("americano").price == 3500
    catalog = json.loads((REPO_ROOT / "assets" / "demo" / "catalog.json").read_text(encoding="utf-8"))
    catalog["version"] = 7
    catalog["items"][0]["price"] = 3800
    path = catalog_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 7, "catalog": catalog}, ensure_ascii=False), encoding="utf-8")
    menu = load_menu(settings)
    assert menu.version == 7 and menu.item(catalog["items"][0]["id"]).price == 3800
    path.write_text('{"catalog": {"categories": "broken"}}', encoding="utf-8")
    assert load_menu(settings).version == 1  # unusable bundle: the shipped catalog keeps the shop selling
