"""The self-test on the screen: the checklist fills in as checks answer, the simulated printer's page is
shown, the scanner check passes when the simulated scanner reads the page's code, the screen and touch
check needs all five targets, and the support bundle goes to the USB stick."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kiosk.installer.report import load_last
from tests.helpers.installer import InstallerWindow, fresh_config, installer_window


@pytest.fixture
def at_selftest(qtbot, tmp_path: Path, compiled_translations: None):  # type: ignore[no-untyped-def]
    config = fresh_config(tmp_path)
    with installer_window(qtbot, config) as w:
        w.vm.goTo("selftest")
        yield w


def _run(w: InstallerWindow) -> dict[str, dict[str, object]]:
    w.click("runSelfTest")
    w.qtbot.waitUntil(lambda: not w.vm.running and w.vm.overall != "", timeout=30000)
    return {c["id"]: c for c in w.vm.checklist}


def test_checklist_scanner_and_screen_check(at_selftest: InstallerWindow, tmp_path: Path) -> None:
    w = at_selftest
    checks = _run(w)
    assert checks["printer"]["label"] == "정상"
    assert checks["test_page"]["label"] == "확인 필요" and "바코드" in checks["test_page"]["todoKo"]
    assert checks["sync"]["label"] == "확인 필요"  # not enrolled: says what to do
    assert w.find("todo_sync").property("text").startswith("→ ")
    assert w.find("verdict_printer") is not None
    w.click("scanCheck")
    w.qtbot.waitUntil(lambda: "바코드를 읽어" in w.vm.message, timeout=10000)
    w.click("simulateScan")
    w.qtbot.waitUntil(lambda: {c["id"]: c for c in w.vm.checklist}["scanner"]["label"] == "정상", timeout=10000)
    w.click("screenCheckButton")
    for _ in range(5):  # the colour fields
        w.click("screenCheck")
    good = w.find("screenGood")
    assert good.property("enabled_") is False  # not before every target is touched
    for i in range(5):
        w.click(f"touchTarget{i}")
    w.qtbot.waitUntil(lambda: good.property("enabled_") is True)
    w.click("screenGood")
    w.qtbot.waitUntil(lambda: {c["id"]: c for c in w.vm.checklist}["screen"]["label"] == "정상")
    last = load_last(w.settings.data_path)
    assert last is not None and {r.check: r.outcome.value for r in last.results}["scanner"] == "ok"


def test_bundle_from_the_screen(at_selftest: InstallerWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = at_selftest
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("KIOSK_USB_DIR", str(usb))
    _run(w)
    w.click("writeBundle")
    w.qtbot.waitUntil(lambda: not w.vm.isBusy and w.vm.message != "", timeout=20000)
    assert "bundle written" in w.vm.message, w.vm.message
    (zpath,) = usb.glob("kiosk-support-*.zip")
    selftest = json.loads(zipfile.ZipFile(zpath).read("selftest.json"))
    assert {r["check"] for r in selftest["results"]} >= {"printer", "storage", "network"}


def test_bundle_without_a_stick_says_so(at_selftest: InstallerWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_USB_DIR", raising=False)
    w = at_selftest
    w.click("writeBundle")
    w.qtbot.waitUntil(lambda: not w.vm.isBusy and w.vm.message != "", timeout=10000)
    assert "USB" in w.vm.message and w.vm.messageIsError
