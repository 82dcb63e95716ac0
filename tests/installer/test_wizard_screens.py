"""The whole set-up through the real QML (Root.qml inside the real Main.qml) on a fresh data directory with
the simulated devices, ending enrolled against the real backend on loopback, with a settings file that
`kiosk config check` passes; then the self-test checklist, the printed page on screen, the scanner and the
screen check."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.installer.wizard import WizardStore
from tests.backend.servers import BackendProcess
from tests.helpers.installer import BUSINESS_NUMBER, fresh_config, installer_window, kiosk_cli
from tests.sync.helpers import issue_code

OWNER_PIN = "482913"


@pytest.fixture
def compiled(compiled_translations: None) -> None:
    return None


def test_whole_wizard_ends_enrolled_and_valid(qtbot, tmp_path: Path, backend_server: BackendProcess, compiled) -> None:  # type: ignore[no-untyped-def]
    config = fresh_config(tmp_path)
    code = issue_code(backend_server.db_url, BUSINESS_NUMBER)
    with installer_window(qtbot, config) as w:
        assert w.vm.step == "language"
        w.click("lang_ko")
        w.wait_step("shop")
        w.type_into("shopName", "카페 설치")
        w.type_into("businessNumber", "120-81-47522")  # a wrong check digit
        w.click("saveShop")
        qtbot.waitUntil(lambda: "사업자등록번호가 맞지 않습니다" in w.vm.message)
        assert w.vm.step == "shop"
        w.type_into("businessNumber", "120-81-47521")
        w.type_into("phone", "02-123-4567")
        w.click("saveShop")
        w.wait_step("enroll")
        w.type_into("backendUrl", backend_server.url)
        w.type_into("enrollCode", code)
        w.click("enroll")
        w.wait_step("devices")
        assert w.vm.terminalId
        w.click("detect")
        w.wait_idle()
        assert w.find("role_printer").property("text").startswith("sim://")
        w.click("saveDevices")
        w.wait_step("owner")
        w.type_into("ownerPinName", "김한결")
        w.type_into("pin1", OWNER_PIN)
        w.type_into("pin2", "000000")
        w.click("saveOwner")
        qtbot.waitUntil(lambda: "두 PIN이 다릅니다" in w.vm.message, timeout=10000)
        w.type_into("pin1", OWNER_PIN)
        w.type_into("pin2", OWNER_PIN)
        w.click("saveOwner")
        w.wait_step("mode")
        w.click("mode_both")
        w.wait_step("selftest")
        w.click("runSelfTest")
        qtbot.waitUntil(lambda: not w.vm.running and w.vm.overall != "", timeout=30000)
        by_id = {c["id"]: c for c in w.vm.checklist}
        assert by_id["printer"]["label"] == "정상"
        assert by_id["sync"]["label"] == "정상", by_id["sync"]  # enrolled against the real backend
        assert by_id["network"]["label"] == "정상", by_id["network"]
        page = w.find("printedPage")  # the simulated printer's page, on screen
        qtbot.waitUntil(lambda: page.property("progress") == 1.0 and page.property("paintedHeight") > 100)
        w.click("pageGood")
        finished: list[bool] = []
        w.vm.setupFinished.connect(lambda: finished.append(True))
        w.click("finishSetup")
        qtbot.waitUntil(lambda: w.vm.setUp and finished == [True], timeout=5000)
    settings = load_settings(config, env={})
    assert settings.setup.done and settings.setup.terminal_mode == "both"
    assert settings.shop.name == "카페 설치" and settings.sync.backend_url == backend_server.url
    check = kiosk_cli("config", "check", "--config", str(config))
    assert check.returncode == 0, check.stderr
    assert WizardStore(settings.data_path).load().done == [
        "language",
        "shop",
        "enroll",
        "devices",
        "owner",
        "mode",
        "selftest",
    ]
