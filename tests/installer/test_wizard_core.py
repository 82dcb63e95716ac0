"""The wizard's core without screens: each step's checks and refusals, revisiting a step, what the journal
gets (no private values), the settings file written atomically, and device detection (unknown devices shown;
the 9100 scan only of the hosts given: loopback here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardware.discovery import network_printers, usb_printers
from hardware.printer.simulator import PrinterSimulator, TcpPrinterServer
from kiosk.config import load_settings
from kiosk.installer.settings_file import save_settings, to_toml
from kiosk.installer.wizard import Wizard, WizardError, detect
from tests.helpers.installer import fresh_config


class Journal:
    def __init__(self) -> None:
        self.entries: list[tuple[str, dict[str, object]]] = []

    def record(self, kind: str, payload: dict[str, object]) -> None:
        self.entries.append((kind, payload))


def _wizard(tmp_path: Path, **kw: object) -> tuple[Wizard, Journal, Path]:
    config = fresh_config(tmp_path)
    journal = Journal()
    return Wizard(load_settings(config, env={}), config, journal=journal, **kw), journal, config  # type: ignore[arg-type]


def test_shop_checks_and_journal_without_private_values(tmp_path: Path) -> None:
    wizard, journal, config = _wizard(tmp_path)
    with pytest.raises(WizardError, match="사업자등록번호"):
        wizard.set_shop("가게", "1234567890")
    with pytest.raises(WizardError, match="상호"):
        wizard.set_shop("  ", "1208147521")
    with pytest.raises(WizardError, match="전화번호"):
        wizard.set_shop("가게", "1208147521", phone="call me")
    wizard.set_shop("새 가게", "120-81-47521", "김한결", "서울 중구 1", "010-2345-6789")
    assert wizard.step == "language"  # the first step not done
    text = json.dumps(journal.entries, ensure_ascii=False)
    assert "새 가게" in text and "010-2345-6789" not in text and "김한결" not in text and "서울 중구" not in text
    assert {"key": "shop.phone", "changed": True} in journal.entries[0][1]["changes"]  # type: ignore[operator]
    settings = load_settings(config, env={})
    assert settings.shop.phone == "010-2345-6789" and settings.shop.business_number == "1208147521"
    state = (settings.data_path / "setup-state.json").read_text(encoding="utf-8")
    assert "010-2345-6789" not in state and "1208147521" not in state


def test_revisit_devices_and_refusals(tmp_path: Path) -> None:
    wizard, _journal, config = _wizard(tmp_path)
    with pytest.raises(WizardError, match="두 역할"):
        wizard.set_devices({"scanner": "/dev/ttyACM0", "card_terminal": "/dev/ttyACM0"})
    with pytest.raises(WizardError, match="프로필"):
        wizard.set_devices({}, "thermal-99mm")
    wizard.set_devices({"printer": "tcp://127.0.0.1:9100"}, "korean-58mm")
    wizard.go("devices")
    assert wizard.step == "devices"
    wizard.set_devices({"printer": "sim://"}, "korean-80mm")
    settings = load_settings(config, env={})
    assert settings.printer.url == "sim://" and settings.printer.profile == "korean-80mm"
    with pytest.raises(WizardError, match="끝나지 않은 단계"):
        wizard.finish("ok")


def test_owner_pin_mismatch_and_existing_owner(tmp_path: Path) -> None:
    made: list[str] = []
    wizard, _j, _c = _wizard(tmp_path, init_owner=lambda name, pin: made.append(name), owner_exists=lambda: bool(made))
    with pytest.raises(WizardError, match="두 PIN이 다릅니다"):
        wizard.set_owner("김한결", "482913", "482914")
    wizard.set_owner("김한결", "482913", "482913")
    assert made == ["김한결"] and "owner" in wizard.state.done
    wizard.set_owner("다른 사람", "1", "2")  # an owner exists: nothing more to do
    assert made == ["김한결"]


def test_save_settings_refuses_invalid_before_writing(tmp_path: Path) -> None:
    config = fresh_config(tmp_path)
    before = config.read_bytes()
    settings = load_settings(config, env={})
    from dataclasses import replace

    bad = replace(settings, ui=replace(settings.ui, scale=9.0))
    with pytest.raises(Exception, match=r"ui\.scale"):
        save_settings(bad, config)
    assert config.read_bytes() == before
    assert to_toml(settings) == before.decode("utf-8")


def test_detect_shows_unknown_devices_and_loopback_printers() -> None:
    sim = PrinterSimulator(576)
    with TcpPrinterServer(sim) as server:
        port = int(server.url.rsplit(":", 1)[1])
        found, problem = detect(
            pcsc=lambda: ([], "PC/SC 서비스(pcscd)가 실행 중이 아닙니다"),
            serial=lambda: ["/dev/serial/by-id/usb-Honeywell_Scanner-if00", "/dev/ttyUSB7"],
            usb_printers=lambda: [],
            network_printers=lambda: network_printers(["127.0.0.1"], port=port),
        )
    by_address = {d.address: d for d in found}
    assert by_address[f"tcp://127.0.0.1:{port}"].role == "printer"
    assert by_address["/dev/serial/by-id/usb-Honeywell_Scanner-if00"].role == "scanner"
    unknown = by_address["/dev/ttyUSB7"]
    assert unknown.role == "" and "알 수 없는 장치" in unknown.detail
    assert "pcscd" in problem


def test_usb_printers_from_sysfs(tmp_path: Path) -> None:
    device = tmp_path / "1-1"
    iface = tmp_path / "1-1:1.0"
    device.mkdir()
    iface.mkdir()
    (iface / "bInterfaceClass").write_text("07\n")
    (device / "idVendor").write_text("04b8\n")
    (device / "idProduct").write_text("0202\n")
    (device / "product").write_text("TM-T20\n")
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "lp0").touch()
    assert usb_printers(tmp_path, dev) == [
        ("usb://04b8:0202", "USB 프린터 TM-T20"),
        (f"file://{dev}/lp0", f"USB 프린터 장치 {dev}/lp0"),
    ]
