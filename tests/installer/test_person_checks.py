"""The checks a person completes: the scanner reads the printed test page's barcode (decoded from the
simulator's page image and fed through the pty scanner), an NFC tap shows the kind and a short hash only,
and a bank card is named and refused. The PC/SC reader's presence (pcscd running, reader missing, pcscd
stopped) is checked by `kiosk selftest --json` in a child process against a private pcscd."""

from __future__ import annotations

import json
import queue
from pathlib import Path

import zxingcpp
from PIL import Image

from app.builders.selftest import ScanWatch, TapWatch, print_test_page, wait_for
from hardware.vcard import CardProfile
from kiosk.config import Settings
from kiosk.installer.selftest import CheckResult, Outcome
from tests.devices.pcsc import PcscService
from tests.helpers.installer import kiosk_cli

TEST_PAN = "4111111111111111"  # Luhn-valid test Visa number: the reader must stop before reading it


def _decode_barcode(image: Path) -> str:
    codes = [r.text for r in zxingcpp.read_barcodes(Image.open(image)) if r.format.name == "Code128"]
    assert len(codes) == 1
    return codes[0]


def test_scanner_reads_the_test_page(tmp_path: Path) -> None:
    settings = Settings()
    page = print_test_page(settings, "KT16-55554444", tmp_path / "sim")
    code = _decode_barcode(Path(page.extra["page_image"]))
    results: queue.Queue[CheckResult] = queue.Queue()
    watch = ScanWatch(settings, page.extra["scan_code"], results.put)
    watch.start()
    try:
        assert wait_for(lambda: watch.ready, 5)
        watch.simulator.scan("SOMETHING-ELSE")
        other = results.get(timeout=5)
        assert other.outcome is Outcome.CHECK and "다른 코드" in other.found
        watch.simulator.scan(code)
        good = results.get(timeout=5)
    finally:
        watch.stop()
    assert good.outcome is Outcome.OK
    assert "바코드를 읽었습니다" in good.found


def test_nfc_tap_kind_and_short_hash_bank_card_refused(tmp_path: Path) -> None:
    settings = Settings(data_dir=str(tmp_path))
    results: queue.Queue[CheckResult] = queue.Queue()
    watch = TapWatch(settings, results.put)
    watch.start()
    try:
        assert wait_for(lambda: watch.ready, 5)
        watch.driver.tap(CardProfile(uid=bytes.fromhex("04a1b2c3d4e5f6")))
        tapped = results.get(timeout=5)
        watch.driver.remove()
        watch.driver.tap(CardProfile(uid=bytes.fromhex("08112233"), payment_pan=TEST_PAN))
        bank = results.get(timeout=5)
    finally:
        watch.stop()
    assert tapped.outcome is Outcome.OK and "카드를 읽었습니다" in tapped.found
    short = tapped.extra["short_hash"]
    assert len(short) == 8 and "04a1b2c3" not in tapped.found.lower()
    assert bank.extra["kind"] == "payment" and "은행 카드" in bank.found and "읽지 않았습니다" in bank.found


def _nfc_result(config: Path, pcscd: PcscService) -> dict[str, object]:
    run = kiosk_cli("selftest", "--json", "--config", str(config), env=pcscd.environ())
    doc = json.loads(run.stdout)
    return next(r for r in doc["results"] if r["check"] == "nfc")


def test_pcsc_reader_present_missing_and_pcscd_stopped(make_config, private_pcscd: PcscService) -> None:  # type: ignore[no-untyped-def]
    present = _nfc_result(make_config(nfc={"reader": "pcsc://Virtual PCD 00 00"}), private_pcscd)
    assert present["outcome"] == "check" and "리더 있음" in str(present["found"])
    missing = _nfc_result(make_config("missing.toml", nfc={"reader": "pcsc://ACS ACR122U"}), private_pcscd)
    assert missing["outcome"] == "fail" and "없음" in str(missing["found"])
    private_pcscd.kill()
    try:
        stopped = _nfc_result(make_config("stopped.toml", nfc={"reader": "pcsc://"}), private_pcscd)
    finally:
        private_pcscd.start()
    assert stopped["outcome"] == "fail"
    assert "pcscd" in str(stopped["found"]) and "systemctl start pcscd" in str(stopped["todo_ko"])
