"""`kiosk devices list` and `kiosk nfc watch` as the installer runs them, against the real pcscd."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hardware.scanner import PtyScanner
from hardware.vcard import CardProfile, VirtualCard
from kiosk.config import REPO_ROOT
from kiosk.devices.nfc import hash_uid
from tests.devices.pcsc import PcscService

URI_VECTOR = bytes.fromhex("D1010a55036e666370792e6f7267")
TEST_PAN = "5555555555554444"  # Luhn-valid test Mastercard number


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "KIOSK_DATA_DIR": str(tmp_path / "data"), **extra}


def test_devices_list_shows_configured_and_detected_devices_with_health(
    running_pcscd: PcscService, tmp_path: Path
) -> None:
    sim = PtyScanner(tmp_path / "dev")
    sim.open()
    try:
        env = _env(
            tmp_path,
            KIOSK_SCANNER__URL=str(sim.path),
            KIOSK_NFC__READER="pcsc://Virtual PCD 00 00",
            KIOSK_CARD_TERMINAL__URL=str(tmp_path / "ttyUSB7"),
        )
        out = subprocess.run(
            [sys.executable, "-m", "kiosk", "devices", "list", "--json"],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env=env,
            timeout=60,
        )
    finally:
        sim.close()
    assert out.returncode == 0, out.stderr
    rows = {(d["name"] or d["address"]): d for d in json.loads(out.stdout)["devices"]}
    assert rows["scanner"]["health"] == "ok"
    assert rows["nfc"]["health"] == "ok" and "Virtual PCD 00 00" in rows["nfc"]["detail"]
    assert rows["card_terminal"]["health"] == "lost" and "USB" in rows["card_terminal"]["detail"]
    assert rows["printer"]["detail"] == "시뮬레이터"
    for reader in running_pcscd.reader_names:
        assert rows[reader]["kind"] == "nfc-reader" and rows[reader]["health"] == "ok"


def test_nfc_watch_prints_payment_refusal_and_a_card_with_hashed_id_and_records(
    running_pcscd: PcscService, insert_card: Callable[..., VirtualCard], tmp_path: Path
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "nfc", "watch", "--reader", "Virtual PCD 00 00", "--json", "--count", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env=_env(tmp_path),
    )
    assert proc.stdout is not None
    lines: list[dict[str, object]] = []
    try:

        def until(event: str) -> dict[str, object]:
            assert proc.stdout is not None
            for raw in proc.stdout:
                lines.append(json.loads(raw))
                if lines[-1]["event"] == event:
                    return lines[-1]
            raise AssertionError(f"watch ended before {event}: {lines}")

        until("reader-added")
        payment = insert_card(CardProfile(uid=bytes.fromhex("08112233"), payment_pan=TEST_PAN))
        refused = until("card")
        payment.remove()
        until("card-removed")
        uid = bytes.fromhex("04AABBCCDDEEFF")
        insert_card(CardProfile(uid=uid, ndef=URI_VECTOR))
        card = until("card")
        rest, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert refused["kind"] == "payment" and refused["id"] is None and refused["records"] == []
    assert "카드 단말기" in str(refused["message"])
    key = (tmp_path / "data" / "nfc-uid.key").read_bytes()
    assert (tmp_path / "data" / "nfc-uid.key").stat().st_mode & 0o777 == 0o600
    assert card["kind"] == "unknown" and card["id"] == hash_uid(key, uid)
    assert card["records"] == ["uri: http://nfcpy.org"]
    written = "".join(p.read_bytes().decode("latin-1") for p in tmp_path.rglob("*") if p.is_file())
    for text in (json.dumps(lines), rest, err, written):
        assert TEST_PAN not in text and "08112233" not in text and uid.hex() not in text.lower()
